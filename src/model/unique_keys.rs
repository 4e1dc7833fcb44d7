//! Maps read from a file with every key once: `#[serde(deserialize_with = "unique_keys::map")]`.
//!
//! serde's `BTreeMap` keeps the last of two entries with the same key and drops the first
//! without a word, so a project edited by hand or merged in git (`C1` twice) would lose a
//! claim on the next save. A repeated key is an error instead, which the parser reports
//! with the file, line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

/// Reads a map, refusing a key that appears twice.
pub fn map<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueKeys(PhantomData))
}

struct UniqueKeys<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for UniqueKeys<K, V>
where
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    type Value = BTreeMap<K, V>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map with each key once")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(key) = entries.next_key::<K>()? {
            if map.contains_key(&key) {
                return Err(A::Error::custom(format_args!(
                    "{key} appears twice; keeping one would drop the other, so rename or remove one of them"
                )));
            }
            let value = entries.next_value()?;
            map.insert(key, value);
        }
        Ok(map)
    }
}
