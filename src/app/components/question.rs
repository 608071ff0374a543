//! One question, as native form controls inside a fieldset with a legend.
//!
//! Props hold only this question's data, so answering one question re-renders only it
//! (and the summaries). Text and notes are kept as typed; saving is debounced
//! (see `app::autosave`), so a reload mid-sentence loses nothing.

use crate::app::components::date_field::DateField;
use crate::app::state::{Action, State};
use crate::catalog::{Question, QuestionKind, ScaleOption, Text};
use crate::estimate::date;
use crate::estimate::range::number;
use crate::AnswerValue;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub q: &'static Question,
    pub scale: &'static [ScaleOption],
    pub answer: Option<AnswerValue>,
    pub note: Option<String>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// A text or date answer as the field shows it.
fn text_of(answer: Option<&AnswerValue>) -> String {
    answer
        .and_then(AnswerValue::as_str)
        .unwrap_or_default()
        .to_owned()
}

#[component]
pub fn QuestionView(p: &QuestionProps) -> Html {
    let q = p.q;
    let id = q.id.clone();
    let answer = p.answer.clone();
    let set = {
        let d = p.dispatch.clone();
        let id = id.clone();
        move |v: Option<AnswerValue>| d.dispatch(Action::Answer(id.to_string(), v))
    };
    let clear = {
        let set = set.clone();
        Callback::from(move |_| set(None))
    };
    let help_id = format!("{id}-help");
    // What was typed into a number field that cannot be used, and why.
    let number_problem = use_state(|| None::<(String, String)>);
    // A number being typed, so a render in between (a save, another tab) keeps it;
    // both drop when the answer changes from elsewhere (another tab, "Clear answer").
    let number_draft = use_mut_ref(|| None::<String>);
    {
        let (draft, problem) = (number_draft.clone(), number_problem.clone());
        use_effect_with(p.answer.clone(), move |answer| {
            *draft.borrow_mut() = None;
            // A usable answer arriving ends an earlier problem; an emptied one keeps it.
            if answer.is_some() && problem.is_some() {
                problem.set(None);
            }
        });
    }
    let is_na = answer
        .as_ref()
        .and_then(|a| a.as_str())
        .is_some_and(|o| p.scale.iter().any(|s| s.id == o && s.not_applicable));
    let body = match q.kind {
        QuestionKind::Control | QuestionKind::Choice => {
            let options: Vec<(Text, Text)> = if q.kind == QuestionKind::Control {
                p.scale
                    .iter()
                    .map(|o| (o.id.clone(), o.label.clone()))
                    .collect()
            } else {
                q.options
                    .iter()
                    .map(|o| (o.id.clone(), o.label.clone()))
                    .collect()
            };
            let chosen = answer.as_ref().and_then(|a| a.as_str()).map(str::to_owned);
            // One listener for the group (a change bubbles up from the radio chosen),
            // not one per option.
            let choose = {
                let set = set.clone();
                Callback::from(move |e: Event| {
                    if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                        set(Some(AnswerValue::One(input.value())));
                    }
                })
            };
            html! {
                <div class="options" role="presentation" onchange={choose}>
                    // The label wraps its input: no ids to tie them together.
                    { for options.into_iter().map(|(oid, label)| html! {
                        <label class="option">
                            <input type="radio" name={id.clone()} value={oid.clone()}
                                checked={chosen.as_deref() == Some(oid.as_str())} />
                            { label }
                        </label>
                    }) }
                </div>
            }
        }
        QuestionKind::Multi => {
            let selected: Vec<String> = match &answer {
                Some(AnswerValue::Many(v)) => v.clone(),
                _ => Vec::new(),
            };
            // The choices in the order they were ticked, with this change applied.
            let toggle = {
                let (set, selected) = (set.clone(), selected.clone());
                Callback::from(move |e: Event| {
                    let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                        return;
                    };
                    let value = input.value();
                    let mut next: Vec<String> =
                        selected.iter().filter(|x| **x != value).cloned().collect();
                    if input.checked() {
                        next.push(value);
                    }
                    set((!next.is_empty()).then_some(AnswerValue::Many(next)));
                })
            };
            html! {
                <div class="options" onchange={toggle}>
                    { for q.options.iter().map(|o| html! {
                        <label class="option">
                            <input type="checkbox" name={id.clone()} value={o.id.clone()}
                                checked={selected.iter().any(|x| *x == o.id)} />
                            { o.label.clone() }
                        </label>
                    }) }
                </div>
            }
        }
        QuestionKind::Number => {
            // An unusable entry stays in the field, with its message, until it is fixed.
            let draft = number_draft.clone();
            let value = match (number_draft.borrow().clone(), &*number_problem) {
                (Some(typed), _) => typed,
                (None, Some((typed, _))) => typed.clone(),
                (None, None) => answer
                    .as_ref()
                    .and_then(|a| a.as_number())
                    .map(number)
                    .unwrap_or_default(),
            };
            let (min, max) = (q.min.unwrap_or(0.0), q.max.unwrap_or(f64::MAX));
            let integer = q.integer;
            let problem = number_problem.clone();
            let error_id = format!("{id}-error");
            html! {
                <div class="number">
                    <input type="number" id={format!("{id}--input")} inputmode={if integer { "numeric" } else { "decimal" }} value={value}
                        min={number(min)} max={q.max.map(number)} step={if integer { "1" } else { "any" }} aria-labelledby={format!("{id}-legend")}
                        aria-describedby={if number_problem.is_some() { format!("{help_id} {error_id}") } else { help_id.clone() }}
                        aria-invalid={number_problem.is_some().then_some("true")}
                        oninput={{
                            let draft = draft.clone();
                            Callback::from(move |e: InputEvent| {
                                if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                                    *draft.borrow_mut() = Some(i.value());
                                }
                            })
                        }}
                        onchange={Callback::from(move |e: Event| {
                            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
                            let raw = input.value();
                            *draft.borrow_mut() = None;
                            let range = format!("from {} to {}", number(min), number(max));
                            // The field keeps what was typed; an answer it does not show is never used.
                            let verdict = match raw.trim().parse::<f64>() {
                                _ if input.validity().bad_input() => Err(format!("That is not a number: enter one {range}. The answer stays empty until then.")),
                                Err(_) if raw.trim().is_empty() => Ok(None),
                                Ok(n) if n.is_finite() && (min..=max).contains(&n) && (!integer || n.fract() == 0.0) => Ok(Some(n)),
                                Ok(n) if n.is_finite() && (min..=max).contains(&n) => Err(format!("{} is not a whole number: enter one {range}. The answer stays empty until then.", raw.trim())),
                                _ => Err(format!("{} is outside the range: enter a number {range}. The answer stays empty until then.", raw.trim())),
                            };
                            match verdict {
                                Ok(v) => {
                                    problem.set(None);
                                    set(v.map(AnswerValue::Number));
                                }
                                Err(msg) => {
                                    problem.set(Some((raw, msg)));
                                    set(None);
                                }
                            }
                        })} />
                    if let Some(u) = &q.unit { <span class="unit">{ u }</span> }
                    if let Some((_, msg)) = &*number_problem {
                        <p class="warning" id={error_id} role="alert">{ msg.clone() }</p>
                    }
                </div>
            }
        }
        QuestionKind::Date => {
            let value = text_of(answer.as_ref());
            // The question's window in days from today; by default the last five years and the year ahead.
            let today = crate::app::today();
            let day = |offset: f64| {
                date::parse(&today)
                    .map(|t| date::format(date::add_weeks(t, offset / 7.0)))
                    .unwrap_or_else(|| today.clone())
            };
            let (earliest, latest) = (day(q.min.unwrap_or(-1826.0)), day(q.max.unwrap_or(366.0)));
            html! {
                <DateField id={format!("{id}--input")} label="Date (YYYY-MM-DD) " value={value}
                    labelledby={Some(AttrValue::from(format!("{id}-legend")))}
                    earliest={earliest} latest={latest}
                    when_cleared="Cleared: this answer is empty."
                    onchange={Callback::from(move |d: Option<String>| set(d.map(AnswerValue::One)))} />
            }
        }
        QuestionKind::Text => {
            let value = text_of(answer.as_ref());
            let max = q.max.unwrap_or(200.0) as usize;
            html! {
                <input type="text" class="text" id={format!("{id}--input")} value={value} maxlength={max.to_string()}
                    aria-labelledby={format!("{id}-legend")} aria-describedby={help_id.clone()}
                    oninput={Callback::from(move |e: InputEvent| {
                        let v = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                        set((!v.is_empty()).then(|| AnswerValue::One(v.chars().take(max).collect())));
                    })} />
            }
        }
    };
    let note_change = {
        let d = p.dispatch.clone();
        let id = id.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_dyn_into::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            d.dispatch(Action::Note(id.to_string(), v));
        })
    };
    let needs_reason = is_na && p.note.as_deref().unwrap_or("").trim().is_empty();
    html! {
        <fieldset class={classes!("question", q.key.then_some("key"))} data-question={id.clone()} aria-describedby={help_id.clone()}>
            // Only a single field names itself by the legend; options have their own labels.
            <legend id={matches!(q.kind, QuestionKind::Number | QuestionKind::Date | QuestionKind::Text).then(|| format!("{id}-legend"))}>
                { q.text.clone() }
                if q.key { <span class="badge">{ "Key control" }</span> }
            </legend>
            { body }
            <details class="help" id={help_id}>
                <summary>{ "Why this matters" }</summary>
                <p>{ q.help.clone() }</p>
                if !q.evidence.is_empty() { <p><strong>{ "Evidence auditors look for: " }</strong>{ q.evidence.clone() }</p> }
                if !q.advice.is_empty() { <p><strong>{ "How to close the gap: " }</strong>{ q.advice.clone() }</p> }
                if !q.criteria.is_empty() { <p class="criteria">{ format!("Criteria: {}", q.criteria.join(", ")) }</p> }
            </details>
            if q.kind == QuestionKind::Control {
                <div class="note">
                    <label for={format!("{id}--note")}>{ if is_na { "Why is this not applicable? (required)" } else { "Notes (optional)" } }</label>
                    <textarea id={format!("{id}--note")} rows="2" maxlength={crate::report::check::MAX_NOTE.to_string()} value={p.note.clone().unwrap_or_default()} oninput={note_change}
                        aria-invalid={needs_reason.then_some("true")} />
                    // Always present while not applicable, so saving the reason does not move the page under the pointer.
                    if is_na {
                        <p class={if needs_reason { "warning" } else { "hint" }}>
                            { if needs_reason { "Say why this does not apply: auditors will ask." } else { "Reason noted: it is kept with this answer in your notes." } }
                        </p>
                    }
                </div>
            }
            if answer.is_some() {
                <button type="button" class="link" onclick={clear}>{ "Clear answer" }</button>
            }
        </fieldset>
    }
}
