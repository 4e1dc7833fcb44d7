//! One remembered answer and the question it answers, for results that panels ask for on
//! every frame but that change only when the project (or the question) does.

use std::cell::RefCell;
use std::sync::Arc;

/// The last value computed, with the key it was computed for.
#[derive(Debug)]
pub struct Memo<K, V> {
    last: RefCell<Option<(K, Arc<V>)>>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self { last: RefCell::new(None) }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`: the remembered one if it was made for an equal key, otherwise
    /// made now by `make` and remembered instead.
    pub fn get(&self, key: K, make: impl FnOnce() -> V) -> Arc<V> {
        let mut last = self.last.borrow_mut();
        if let Some((at, value)) = last.as_ref()
            && *at == key
        {
            return Arc::clone(value);
        }
        let value = Arc::new(make());
        *last = Some((key, Arc::clone(&value)));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;
    use std::cell::Cell;

    #[test]
    fn a_value_is_made_again_only_when_the_key_changes() {
        let memo = Memo::default();
        let calls = Cell::new(0);
        let double = |n: u32| {
            calls.set(calls.get() + 1);
            n * 2
        };
        assert_eq!(*memo.get(1, || double(1)), 2);
        assert_eq!(*memo.get(1, || double(1)), 2);
        assert_eq!(calls.get(), 1);
        assert_eq!(*memo.get(3, || double(3)), 6);
        assert_eq!(calls.get(), 2);
    }
}
