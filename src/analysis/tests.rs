//! Discrepancy and re-anchoring evaluation on texts written for them.
