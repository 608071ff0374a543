//! Says politely which questions an answer just revealed, so a screen-reader
//! user hears about a follow-up without losing their place.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnnouncerProps {
    /// The step, so moving to another step announces nothing.
    pub step: AttrValue,
    /// `(id, text)` of the questions shown now, in order.
    pub shown: Vec<(AttrValue, AttrValue)>,
}

#[component]
pub fn Announcer(p: &AnnouncerProps) -> Html {
    let before = use_mut_ref(|| (p.step.clone(), p.shown.clone()));
    let message = {
        let mut before = before.borrow_mut();
        let new: Vec<&AttrValue> = if before.0 == p.step {
            p.shown
                .iter()
                .filter(|(id, _)| !before.1.iter().any(|(b, _)| b == id))
                .map(|(_, text)| text)
                .collect()
        } else {
            Vec::new()
        };
        let message = match new.as_slice() {
            [] => String::new(),
            [one] => format!("New question below: {one}"),
            many => format!(
                "{} new questions below, starting with: {}",
                many.len(),
                many[0]
            ),
        };
        *before = (p.step.clone(), p.shown.clone());
        message
    };
    html! { <p class="visually-hidden" aria-live="polite" data-testid="announcer">{ message }</p> }
}
