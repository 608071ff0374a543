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
