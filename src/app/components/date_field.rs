//! A date typed as `YYYY-MM-DD`, the one format every date on the page uses
//! (a browser date picker would show the locale's). A date outside the allowed
//! window, or not a date, gets a message and is not used; the field goes back
//! to the date in use, so it never shows one the estimate does not use.

use crate::estimate::date;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The date in use, `YYYY-MM-DD`, or empty.
    pub value: AttrValue,
    /// Earliest and latest dates accepted, `YYYY-MM-DD`.
    pub earliest: AttrValue,
    pub latest: AttrValue,
    /// A valid date in the window, or `None` when the field is cleared.
    pub onchange: Callback<Option<String>>,
    /// What a cleared field means, said after clearing (empty: clearing is not allowed).
    #[prop_or_default]
    pub when_cleared: AttrValue,
    /// The element naming the field when the visible label is not enough (a question's legend).
    #[prop_or_default]
    pub labelledby: Option<AttrValue>,
}

#[component]
pub fn DateField(p: &DateFieldProps) -> Html {
    let problem = use_state(|| None::<String>);
    // A note that is not a problem (what clearing did), said politely.
    let note = use_state(|| None::<String>);
    // What is being typed, so a render in between (a save, another tab) keeps it;
    // dropped when the date in use changes from elsewhere.
    let draft = use_mut_ref(|| None::<String>);
    let last = use_mut_ref(|| p.value.clone());
    if *last.borrow() != p.value {
        *last.borrow_mut() = p.value.clone();
        *draft.borrow_mut() = None;
    }
    let error_id = format!("{}-error", p.id);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                *draft.borrow_mut() = Some(input.value());
            }
        })
    };
    let shown = draft
        .borrow()
        .clone()
        .unwrap_or_else(|| p.value.to_string());
    let onchange = {
        let (problem, on, value) = (problem.clone(), p.onchange.clone(), p.value.clone());
        let (draft, note) = (draft.clone(), note.clone());
        let (earliest, latest, cleared) =
            (p.earliest.clone(), p.latest.clone(), p.when_cleared.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let raw = input.value().trim().to_owned();
            *draft.borrow_mut() = None;
            note.set(None);
            let keep = |why: String| {
                input.set_value(&value);
                let using = if value.is_empty() {
                    String::new()
                } else {
                    format!(" Still using {value}.")
                };
                problem.set(Some(format!("{why}{using}")));
            };
            if raw.is_empty() {
                if cleared.is_empty() {
                    keep("Enter a date as YYYY-MM-DD.".into());
                } else {
                    problem.set(None);
                    note.set(Some(cleared.to_string()));
                    on.emit(None);
                }
                return;
            }
            // Written as the app writes dates, so "2027-9-1" is not taken for a date.
            match date::parse(&raw).filter(|d| date::format(*d) == raw) {
                None => keep(format!("{raw} is not a date written as YYYY-MM-DD.")),
                Some(_) if raw.as_str() < earliest.as_str() || raw.as_str() > latest.as_str() => {
                    keep(format!("{raw} is outside {earliest} to {latest}."))
                }
                Some(_) => {
                    problem.set(None);
                    on.emit(Some(raw));
                }
            }
        })
    };
    let label_id = format!("{}-label", p.id);
    let labelledby = p.labelledby.as_ref().map(|l| format!("{l} {label_id}"));
    html! {
        <span class="date-field">
            <label for={p.id.clone()} id={label_id}>{ p.label.clone() }</label>
            <input type="text" id={p.id.clone()} inputmode="numeric" placeholder="YYYY-MM-DD" autocomplete="off"
                pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" value={shown} {oninput} {onchange}
                aria-labelledby={labelledby}
                aria-invalid={problem.is_some().then_some("true")}
                aria-describedby={problem.is_some().then(|| error_id.clone())} />
            if let Some(msg) = &*problem {
                <span class="warning" id={error_id} role="alert">{ msg.clone() }</span>
            }
            if let Some(msg) = &*note {
                <span class="hint" role="status">{ msg.clone() }</span>
            }
        </span>
    }
}
