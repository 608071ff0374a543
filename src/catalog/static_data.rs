//! Catalog values that are either compiled into the app or read from files.
//!
//! The build turns `questionnaires/` into Rust statics (see `build.rs`), so the app
//! decodes nothing at start and every string of the built-in catalog is borrowed
//! from the program itself: copying one into a result costs no allocation. Tests
//! and the build read the same types from TOML or JSON, owned. `Text`, `List` and
//! `Map` hold either; `static_data!` declares a catalog type and how the build
//! writes one of its values as Rust.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};

/// Catalog text: borrowed from the built-in catalog, or owned when read from a file.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(Cow<'static, str>);

impl Text {
    pub const fn from_static(s: &'static str) -> Text {
        Text(Cow::Borrowed(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Borrowed for the built-in catalog, so the page can show it without a copy.
    pub fn into_cow(self) -> Cow<'static, str> {
        self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Cow::Owned(s.to_owned()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Cow::Owned(s))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0.into_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// A catalog list: borrowed from the built-in catalog, or owned when read from a
/// file. Changing one (tests build faulty catalogs) copies it first.
#[derive(Clone, PartialEq)]
pub struct List<T: Clone + 'static>(Cow<'static, [T]>);

impl<T: Clone + 'static> List<T> {
    pub const fn from_static(items: &'static [T]) -> List<T> {
        List(Cow::Borrowed(items))
    }

    /// The list as a vector to change, copied first when it is borrowed.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        self.0.to_mut()
    }
}

impl<T: Clone + 'static> Default for List<T> {
    fn default() -> List<T> {
        List(Cow::Borrowed(&[]))
    }
}

impl<T: Clone + 'static> Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Clone + 'static> DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.0.to_mut()
    }
}

impl<T: Clone + fmt::Debug + 'static> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<T: Clone + 'static> From<Vec<T>> for List<T> {
    fn from(v: Vec<T>) -> List<T> {
        List(Cow::Owned(v))
    }
}

impl<T: Clone + 'static> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> List<T> {
        List(Cow::Owned(iter.into_iter().collect()))
    }
}

impl<'a, T: Clone + 'static> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Clone + Serialize + 'static> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: Clone + schemars::JsonSchema + 'static> schemars::JsonSchema for List<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        Vec::<T>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<T>::json_schema(generator)
    }
}

impl<'de, T: Clone + Deserialize<'de> + 'static> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List<T>, D::Error> {
        Vec::deserialize(d).map(List::from)
    }
}

/// A catalog table keyed by ID (a TOML table), in key order.
#[derive(Clone, PartialEq)]
pub struct Map<V: Clone + 'static>(List<(Text, V)>);

impl<V: Clone + 'static> Map<V> {
    /// `entries` sorted by key, each key once (`get` searches them), as the build writes them.
    pub const fn from_static(entries: &'static [(Text, V)]) -> Map<V> {
        Map(List::from_static(entries))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Text, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Adds or replaces an entry, keeping the keys in order.
    pub fn insert(&mut self, key: Text, value: V) {
        let entries = self.0.to_mut();
        match entries.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => entries[i].1 = value,
            Err(i) => entries.insert(i, (key, value)),
        }
    }
}

impl<V: Clone + 'static> Default for Map<V> {
    fn default() -> Map<V> {
        Map(List::default())
    }
}

impl<V: Clone + fmt::Debug + 'static> fmt::Debug for Map<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<'a, V: Clone + 'static> IntoIterator for &'a Map<V> {
    type Item = (&'a Text, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (Text, V)>, fn(&'a (Text, V)) -> Self::Item>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V: Clone + Serialize + 'static> Serialize for Map<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, V: Clone + Deserialize<'de> + 'static> Deserialize<'de> for Map<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Map<V>, D::Error> {
        let map = std::collections::BTreeMap::<String, V>::deserialize(d)?;
        Ok(Map(map
            .into_iter()
            .map(|(k, v)| (Text::from(k), v))
            .collect()))
    }
}

/// Writes a catalog value as a Rust expression, for the statics the build generates.
/// Each list becomes a static of its own (a reference to one is allowed in a
/// static's value, where a reference to a temporary may not be), named in `Rust`.
pub trait ToRust {
    /// The Rust type, as the generated file names it.
    fn rust_type() -> String;
    fn to_rust(&self, out: &mut Rust);
}

/// The generated file: the statics written so far, and the expression being written.
#[derive(Default)]
pub struct Rust {
    pub statics: String,
    pub expr: String,
    count: usize,
}

impl Rust {
    /// Writes `items` as a static array of its own and returns its name.
    fn static_of<T: ToRust>(&mut self, items: &[T]) -> String {
        let outer = std::mem::take(&mut self.expr);
        self.expr.push('[');
        for item in items {
            item.to_rust(self);
            self.expr.push(',');
        }
        self.expr.push(']');
        self.count += 1;
        let name = format!("L{}", self.count);
        let body = std::mem::replace(&mut self.expr, outer);
        self.statics.push_str(&format!(
            "static {name}: [{}; {}] = {body};\n",
            T::rust_type(),
            items.len()
        ));
        name
    }
}

impl ToRust for Text {
    fn rust_type() -> String {
        "Text".into()
    }
    fn to_rust(&self, out: &mut Rust) {
        out.expr
            .push_str(&format!("Text::from_static({:?})", self.as_str()));
    }
}

impl<T: ToRust + Clone + 'static> ToRust for List<T> {
    fn rust_type() -> String {
        format!("List<{}>", T::rust_type())
    }
    fn to_rust(&self, out: &mut Rust) {
        let name = out.static_of(self);
        out.expr.push_str(&format!("List::from_static(&{name})"));
    }
}

impl<V: ToRust + Clone + 'static> ToRust for Map<V> {
    fn rust_type() -> String {
        format!("Map<{}>", V::rust_type())
    }
    fn to_rust(&self, out: &mut Rust) {
        let name = out.static_of(&self.0);
        out.expr.push_str(&format!("Map::from_static(&{name})"));
    }
}

impl<A: ToRust, B: ToRust> ToRust for (A, B) {
    fn rust_type() -> String {
        format!("({}, {})", A::rust_type(), B::rust_type())
    }
    fn to_rust(&self, out: &mut Rust) {
        out.expr.push('(');
        self.0.to_rust(out);
        out.expr.push(',');
        self.1.to_rust(out);
        out.expr.push(')');
    }
}

impl<T: ToRust> ToRust for Option<T> {
    fn rust_type() -> String {
        format!("Option<{}>", T::rust_type())
    }
    fn to_rust(&self, out: &mut Rust) {
        match self {
            None => out.expr.push_str("None"),
            Some(v) => {
                out.expr.push_str("Some(");
                v.to_rust(out);
                out.expr.push(')');
            }
        }
    }
}

impl<T: ToRust, const N: usize> ToRust for [T; N] {
    fn rust_type() -> String {
        format!("[{}; {N}]", T::rust_type())
    }
    fn to_rust(&self, out: &mut Rust) {
        out.expr.push('[');
        for v in self {
            v.to_rust(out);
            out.expr.push(',');
        }
        out.expr.push(']');
    }
}

macro_rules! to_rust_literal {
    ($($t:ty),*) => {$(
        impl ToRust for $t {
            fn rust_type() -> String {
                stringify!($t).into()
            }
            fn to_rust(&self, out: &mut Rust) {
                // Debug writes a finite number as a valid literal at full precision.
                let literal = format!("{:?}", self);
                out.expr.push_str(&match literal.as_str() {
                    "NaN" => format!("{}::NAN", stringify!($t)),
                    "inf" => format!("{}::INFINITY", stringify!($t)),
                    "-inf" => format!("{}::NEG_INFINITY", stringify!($t)),
                    _ => format!("{literal}{}", stringify!($t)),
                });
            }
        }
    )*};
}
to_rust_literal!(u8, u32, f64);

impl ToRust for bool {
    fn rust_type() -> String {
        "bool".into()
    }
    fn to_rust(&self, out: &mut Rust) {
        out.expr.push_str(if *self { "true" } else { "false" });
    }
}

/// The module a catalog type lives in, as the generated file names it: the last
/// part of `module_path!()` (`model`, `kinds`, ...), the same in the app and the build.
pub fn module_of(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

/// Declares a catalog struct, or an enum of unit variants, and writes its values as Rust.
macro_rules! static_data {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty ),*
        }

        impl super::static_data::ToRust for $name {
            fn rust_type() -> String {
                format!("{}::{}", super::static_data::module_of(module_path!()), stringify!($name))
            }
            fn to_rust(&self, out: &mut super::static_data::Rust) {
                out.expr.push_str(&<Self as super::static_data::ToRust>::rust_type());
                out.expr.push('{');
                $(
                    out.expr.push_str(concat!(stringify!($field), ":"));
                    super::static_data::ToRust::to_rust(&self.$field, out);
                    out.expr.push(',');
                )*
                out.expr.push('}');
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* $variant ),*
        }

        impl super::static_data::ToRust for $name {
            fn rust_type() -> String {
                format!("{}::{}", super::static_data::module_of(module_path!()), stringify!($name))
            }
            fn to_rust(&self, out: &mut super::static_data::Rust) {
                out.expr.push_str(&<Self as super::static_data::ToRust>::rust_type());
                out.expr.push_str(match self {
                    $( $name::$variant => concat!("::", stringify!($variant)), )*
                });
            }
        }
    };
}
pub(crate) use static_data;
