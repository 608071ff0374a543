//! Catalog text into the page: the built-in catalog's strings are static, so
//! Yew gets them as static strings and copies nothing.

use crate::catalog::Text;
use std::borrow::Cow;
use yew::html::IntoPropValue;
use yew::virtual_dom::{Key, VNode, VText};
use yew::{AttrValue, Classes};

fn attr(t: Text) -> AttrValue {
    match t.into_cow() {
        Cow::Borrowed(s) => AttrValue::Static(s),
        Cow::Owned(s) => AttrValue::from(s),
    }
}

impl From<Text> for AttrValue {
    fn from(t: Text) -> AttrValue {
        attr(t)
    }
}

impl IntoPropValue<AttrValue> for Text {
    fn into_prop_value(self) -> AttrValue {
        attr(self)
    }
}

impl IntoPropValue<AttrValue> for &Text {
    fn into_prop_value(self) -> AttrValue {
        attr(self.clone())
    }
}

impl IntoPropValue<Option<AttrValue>> for Text {
    fn into_prop_value(self) -> Option<AttrValue> {
        Some(attr(self))
    }
}

impl IntoPropValue<Option<AttrValue>> for &Text {
    fn into_prop_value(self) -> Option<AttrValue> {
        Some(attr(self.clone()))
    }
}

impl IntoPropValue<VNode> for Text {
    fn into_prop_value(self) -> VNode {
        VNode::VText(VText::new(attr(self)))
    }
}

impl IntoPropValue<VNode> for &Text {
    fn into_prop_value(self) -> VNode {
        VNode::VText(VText::new(attr(self.clone())))
    }
}

impl From<Text> for Key {
    fn from(t: Text) -> Key {
        Key::from(t.as_str())
    }
}

impl From<Text> for Classes {
    fn from(t: Text) -> Classes {
        Classes::from(t.into_cow())
    }
}
