//! Answers, notes and overrides are kept in `LiteMap`, a map on a sorted `Vec`:
//! for maps of a few hundred entries it is as fast as `BTreeMap` and far less code
//! in the browser build. These two functions keep their JSON form what it was with
//! `BTreeMap`: an object, written in key order, and nothing else read as one
//! (`LiteMap` on its own writes an empty map as `[]` and reads a list of pairs).

use litemap::LiteMap;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// `serialize_with`: always a JSON object, empty or not.
pub fn write<K: Serialize, V: Serialize, S: Serializer>(
    map: &LiteMap<K, V>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(map.iter())
}

/// `deserialize_with`: an object only; a later duplicate key wins, as with `BTreeMap`.
pub fn read<'de, K, V, D>(deserializer: D) -> Result<LiteMap<K, V>, D::Error>
where
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
    D: Deserializer<'de>,
{
    struct Object<K, V>(PhantomData<(K, V)>);
    impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Visitor<'de> for Object<K, V> {
        type Value = LiteMap<K, V>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut map = LiteMap::with_capacity(access.size_hint().unwrap_or(0).min(4096));
            while let Some((k, v)) = access.next_entry()? {
                map.insert(k, v);
            }
            Ok(map)
        }
    }
    deserializer.deserialize_map(Object(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::LiteMap;
    use serde::{Deserialize, Serialize};
    use std::collections::BTreeMap;

    #[derive(Serialize, Deserialize, PartialEq, Debug, Default)]
    struct Now {
        #[serde(serialize_with = "super::write", deserialize_with = "super::read")]
        m: LiteMap<String, u32>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug, Default)]
    struct Before {
        m: BTreeMap<String, u32>,
    }

    fn pair(keys: &[&str]) -> (Now, Before) {
        let (mut now, mut before) = (Now::default(), Before::default());
        // Inserted out of order: both keep key order.
        for (i, k) in keys.iter().enumerate() {
            now.m.insert((*k).to_owned(), i as u32);
            before.m.insert((*k).to_owned(), i as u32);
        }
        (now, before)
    }

    #[test]
    fn same_json_and_stored_bytes_as_the_btreemap_it_replaced() {
        for keys in [&[][..], &["b", "a", "c"][..]] {
            let (now, before) = pair(keys);
            let json = serde_json::to_string(&before).unwrap();
            assert_eq!(serde_json::to_string(&now).unwrap(), json);
            assert_eq!(serde_json::from_str::<Now>(&json).unwrap(), now);
            // Saved assessments and share links are postcard: old bytes read back the same.
            let bytes = postcard::to_allocvec(&before).unwrap();
            assert_eq!(postcard::to_allocvec(&now).unwrap(), bytes);
            assert_eq!(postcard::from_bytes::<Now>(&bytes).unwrap(), now);
        }
        assert_eq!(serde_json::to_string(&pair(&[]).0).unwrap(), r#"{"m":{}}"#);
    }

    #[test]
    fn only_an_object_is_read_and_a_repeated_key_keeps_the_last_value() {
        let e = serde_json::from_str::<Now>(r#"{"m":[["a",1]]}"#).unwrap_err();
        assert!(e.to_string().contains("expected a map"), "{e}");
        let back: Now = serde_json::from_str(r#"{"m":{"b":1,"a":2,"b":3}}"#).unwrap();
        assert_eq!(
            back.m.iter().collect::<Vec<_>>(),
            [(&"a".to_owned(), &2), (&"b".to_owned(), &3)]
        );
    }
}
