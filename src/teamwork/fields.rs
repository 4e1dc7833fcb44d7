//! Three-way merge of one item's fields, on the item's JSON form.
//!
//! Every model item serialises to a JSON object whose keys are the field names of the
//! project file, so one walk merges claims, evidence, sources and conflicts alike and
//! names a conflicting field by its path in the file ("meta.title"). Sets of strings
//! (a claim's tags) merge element by element; any other value merges as a whole.

use serde_json::{Map, Value};

/// A field both sides changed differently; "ours" was kept in the merged item.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldClash {
    pub path: String,
    pub base: Option<Value>,
    pub ours: Value,
    pub theirs: Value,
}

/// The value of `path` in a field clash, as the project file reader would show it: text
/// as it is, anything else as JSON.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Reads a value written by [`value_text`] back, given the field's current value (which
/// says whether the field is text).
pub fn parse_value(text: &str, like: &Value) -> Result<Value, String> {
    match like {
        Value::String(_) => Ok(Value::String(text.to_owned())),
        _ => serde_json::from_str(text).map_err(|error| format!("not a valid value for this field: {error}")),
    }
}

/// Merges `ours` and `theirs`, both descended from `base`; clashes are pushed to `clashes`
/// with ours kept.
pub fn merge_values(
    path: &str,
    base: Option<&Value>,
    ours: &Value,
    theirs: &Value,
    clashes: &mut Vec<FieldClash>,
) -> Value {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    match (ours, theirs) {
        (Value::Object(ours_map), Value::Object(theirs_map)) => {
            let base_map = base.and_then(Value::as_object);
            Value::Object(merge_objects(path, base_map, ours_map, theirs_map, clashes))
        }
        (Value::Array(ours_list), Value::Array(theirs_list)) if is_string_set(path, ours_list, theirs_list) => {
            let words = |list: &[Value]| list.iter().filter_map(Value::as_str).map(str::to_owned).collect::<Vec<_>>();
            let base_list = words(base.and_then(Value::as_array).map_or(&[][..], Vec::as_slice));
            let merged = merge_sets(&base_list, &words(ours_list), &words(theirs_list));
            Value::Array(merged.into_iter().map(Value::String).collect())
        }
        _ => {
            clashes.push(FieldClash {
                path: path.to_owned(),
                base: base.cloned(),
                ours: ours.clone(),
                theirs: theirs.clone(),
            });
            ours.clone()
        }
    }
}

fn merge_objects(
    path: &str,
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    clashes: &mut Vec<FieldClash>,
) -> Map<String, Value> {
    let mut keys: Vec<&String> = ours.keys().chain(theirs.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut merged = Map::new();
    for key in keys {
        let child = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
        // A field left out of the file (one that is skipped while it has its default) is null.
        let ours_value = ours.get(key).unwrap_or(&Value::Null);
        let theirs_value = theirs.get(key).unwrap_or(&Value::Null);
        let base_value = base.map(|b| b.get(key).unwrap_or(&Value::Null));
        let value = merge_values(&child, base_value, ours_value, theirs_value, clashes);
        if !(value.is_null() && !ours.contains_key(key) && !theirs.contains_key(key)) {
            merged.insert(key.clone(), value);
        }
    }
    merged
}

/// Sets of words are merged element by element; only a claim's tags are such a set.
fn is_string_set(path: &str, ours: &[Value], theirs: &[Value]) -> bool {
    path.rsplit('.').next() == Some("tags") && ours.iter().chain(theirs).all(Value::is_string)
}

/// Keeps an element if both sides have it, or one side has it and added it.
pub fn merge_sets<T: PartialEq + Clone + Ord>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut merged: Vec<T> = ours
        .iter()
        .chain(theirs)
        .filter(|x| (ours.contains(x) && theirs.contains(x)) || !base.contains(x))
        .cloned()
        .collect();
    merged.sort();
    merged.dedup();
    merged
}

/// The value at a dotted `path` in `value`.
pub fn get_path<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(value, |at, key| at.get(key))
}

/// Replaces the value at a dotted `path`; false if a part of the path is not an object.
pub fn set_path(value: &mut Value, path: &str, new: Value) -> bool {
    let mut at = value;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        let Some(object) = at.as_object_mut() else { return false };
        if keys.peek().is_none() {
            object.insert(key.to_owned(), new);
            return true;
        }
        at = object.entry(key.to_owned()).or_insert_with(|| Value::Object(Map::new()));
    }
    false
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn different_fields_merge_and_the_same_field_clashes() {
        let base = json!({"verdict": "Unverified", "notes": "", "tags": ["a"]});
        let ours = json!({"verdict": "False", "notes": "", "tags": ["a", "b"]});
        let theirs = json!({"verdict": "Unverified", "notes": "checked", "tags": ["c"]});
        let mut clashes = Vec::new();
        let merged = merge_values("", Some(&base), &ours, &theirs, &mut clashes);
        assert_eq!(merged, json!({"verdict": "False", "notes": "checked", "tags": ["b", "c"]}));
        assert!(clashes.is_empty());
        let theirs = json!({"verdict": "True", "notes": "", "tags": ["a"]});
        let merged = merge_values("", Some(&base), &ours, &theirs, &mut clashes);
        assert_eq!(merged["verdict"], "False");
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].path, "verdict");
        assert_eq!(clashes[0].base, Some(json!("Unverified")));
    }

    #[test]
    fn paths_read_and_write_nested_fields() {
        let mut value = json!({"meta": {"title": "Old"}});
        assert!(set_path(&mut value, "meta.title", json!("New")));
        assert_eq!(get_path(&value, "meta.title"), Some(&json!("New")));
        assert_eq!(parse_value("[1]", &json!([])), Ok(json!([1])));
        assert_eq!(parse_value("[1]", &json!("x")), Ok(json!("[1]")));
    }
}
