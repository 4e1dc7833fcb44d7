//! One sum given in another currency: "cost it 12 million euros" / "put its losses at
//! 12 million dollars". Outlets convert sums, but a conversion changes the figure too;
//! the very figure in another currency is a currency changed. A copy that gives the
//! sum in both currencies ("12 million euros ($13 million)") converts it.

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::Quantity;
use super::super::facts::numbers::same_value;
use super::units::currency_named;
use super::{Findings, currency_sign};

/// The currency a figure is given in, by its sign or by the word after it.
fn currency<'s>(side: &'s RowSide, quantity: &Quantity) -> Option<&'s str> {
    currency_sign(side, quantity)
        .filter(|&sign| sign != "%")
        .or_else(|| currency_named(quantity.unit.trim_end_matches('s')))
}

/// The figure's tokens with the word naming its currency, so the two passages read
/// "12 million euros" / "12 million dollars".
fn with_currency(side: &RowSide, quantity: &Quantity) -> std::ops::Range<usize> {
    let named_after = currency_sign(side, quantity).is_none() && quantity.tokens.end < side.tokens.len();
    quantity.tokens.start..quantity.tokens.end + usize::from(named_after)
}

pub(super) fn conflicts(row: &mut Findings) {
    let (left, right) = (row.left.side, row.right.side);
    let (lq, rq) = (&row.left.facts.quantities, &row.right.facts.quantities);
    let names = |side: &RowSide, quantities: &[Quantity], wanted: &str| {
        quantities.iter().any(|q| currency(side, q) == Some(wanted))
    };
    let mut found = Vec::new();
    for a in lq {
        let Some(left_currency) = currency(left, a) else { continue };
        for b in rq {
            let Some(right_currency) = currency(right, b) else { continue };
            if left_currency != right_currency
                && same_value(a.value, b.value)
                && a.upto == b.upto
                && !names(left, lq, right_currency)
                && !names(right, rq, left_currency)
            {
                found.push((with_currency(left, a), with_currency(right, b)));
            }
        }
    }
    for (l, r) in found {
        row.add(DiscrepancyKind::Number, l, r);
    }
}
