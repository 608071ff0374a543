//! The two editable registers on the results: subservice organisations and the
//! controls customers must run. Each shows the draft from the answers until the
//! first edit; from then on the user's list is saved with the assessment.

use crate::app::files;
use crate::app::state::Action;
use crate::app::Ctx;
use crate::assessment::{Artefacts, SubserviceEntry};
use crate::catalog::kinds::Report;
use crate::engine::registers::{
    BridgeLetter, Choice, CustomerControl, Method, Opinion, ProviderReport, Subservice, MAX_FIELD,
    MAX_ROWS,
};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

fn text_of(e: &InputEvent) -> String {
    let t = e.target();
    t.clone()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .or_else(|| {
            t.and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
                .map(|a| a.value())
        })
        .unwrap_or_default()
        .chars()
        .take(MAX_FIELD)
        .collect()
}

fn select_of(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

fn checked_of(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// An ID no row of the list has yet.
fn fresh_id<'a>(prefix: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let taken: Vec<&str> = ids.collect();
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_default()
}

/// A register's closed choice as one `<select>`.
fn choice<T: Choice>(id: String, label: &'static str, current: T, set: Callback<T>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(x) = T::from_id(&select_of(&e)) {
            set.emit(x);
        }
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <select id={id} {onchange}>
                { for T::ALL.iter().map(|x| html! { <option value={x.id()} selected={*x == current}>{ x.label() }</option> }) }
            </select>
        </div>
    }
}

/// A callback that changes one field of row `i` and saves the whole register.
/// The rows are shared, and copied only when the edit happens.
fn row_edit<T: 'static>(
    rows: &Rc<Vec<Subservice>>,
    i: usize,
    save: &Callback<Vec<Subservice>>,
    apply: fn(&mut Subservice, T),
) -> Callback<T> {
    let (rows, save) = (rows.clone(), save.clone());
    Callback::from(move |v: T| {
        let mut list = (*rows).clone();
        apply(&mut list[i], v);
        save.emit(list);
    })
}

/// The pack derived once for both registers.
#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    pub artefacts: Rc<Artefacts>,
}

/// The subservice organisations: one card per provider, editable, with what an auditor will raise.
#[component]
pub fn SubserviceRegister(p: &RegisterProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let rows: Rc<Vec<Subservice>> = Rc::new(
        p.artefacts
            .subservices
            .iter()
            .map(|e| e.subservice.clone())
            .collect(),
    );
    let edited = ctx.state.registers.subservices.is_some();
    let save = {
        let state = ctx.state.clone();
        Callback::from(move |list: Vec<Subservice>| state.dispatch(Action::Subservices(Some(list))))
    };
    let add = {
        let (rows, save) = (rows.clone(), save.clone());
        Callback::from(move |_| {
            let mut list = (*rows).clone();
            if list.len() < MAX_ROWS {
                list.push(Subservice {
                    id: fresh_id("own", rows.iter().map(|r| r.id.as_str())),
                    name: String::new(),
                    service: String::new(),
                    method: Method::CarveOut,
                    inclusive_agreed: false,
                    relied_on: Vec::new(),
                    report: ProviderReport::NotKnown,
                    period_end: String::new(),
                    opinion: Opinion::NotKnown,
                    bridge_letter: BridgeLetter::NotKnown,
                    next_review: String::new(),
                });
                save.emit(list);
            }
        })
    };
    let reset = {
        let state = ctx.state.clone();
        Callback::from(move |_| {
            if gloo::dialogs::confirm("Replace your provider register with the draft from your answers? Your edits to it are lost.") {
                state.dispatch(Action::Subservices(None))
            }
        })
    };
    let count = ctx
        .state
        .answers
        .get("scope.subservice_count")
        .and_then(|v| v.as_number());
    html! {
        <section class="register subservices" aria-labelledby="subservices-title" data-testid="subservice-register">
            <h2 id="subservices-title">{ format!("Subservice organisations ({})", rows.len()) }</h2>
            <p class="sub">{ if edited {
                "Your register, saved with this assessment. Providers your answers suggest but the register lacks are offered below."
            } else {
                "Drafted from your scope answers; it follows them until you edit it. Record each provider's latest report: an auditor asks for this list first."
            } }</p>
            if let Some(n) = count.filter(|n| (*n as usize) < rows.len()) {
                <p class="warning" data-testid="count-mismatch">{ format!("Your scope answer says {} subservice organisation(s), but the register lists {}. If they all run part of your service, update the count under Scope: the audit fee counts them.", crate::estimate::range::number(n), rows.len()) }</p>
            }
            if rows.is_empty() {
                <p>{ "No provider yet: your answers name none. Add each one that runs part of your service (hosting, managed databases, payments)." }</p>
            }
            <ol class="register-rows">
                { for p.artefacts.subservices.iter().enumerate().map(|(i, e)| provider_card(i, e, &rows, &save)) }
            </ol>
            <p class="no-print actions">
                <button type="button" class="button secondary" data-testid="add-subservice" onclick={add} disabled={rows.len() >= MAX_ROWS}>{ "Add a provider" }</button>
                { for p.artefacts.suggested_subservices.iter().map(|s| {
                    let (rows, save, s) = (rows.clone(), save.clone(), s.clone());
                    let label = match (s.name.is_empty(), s.service.is_empty()) {
                        (false, _) => format!("Add {}", s.name),
                        (true, false) => format!("Add a provider: {}", s.service.to_lowercase()),
                        (true, true) => format!("Add provider {}", s.id.rsplit('-').next().unwrap_or_default()),
                    };
                    html! { <button type="button" class="button secondary" onclick={Callback::from(move |_| { let mut l = (*rows).clone(); l.push(s.clone()); save.emit(l); })}>{ label }</button> }
                }) }
                if edited {
                    <button type="button" class="button secondary" data-testid="reset-subservices" onclick={reset}>{ "Start again from the draft" }</button>
                }
                <button type="button" class="button secondary" data-testid="export-subservices" onclick={files::on_download(&ctx, files::download_subservices_csv)}>{ "Download register (CSV)" }</button>
            </p>
        </section>
    }
}

fn provider_card(
    i: usize,
    e: &SubserviceEntry,
    rows: &Rc<Vec<Subservice>>,
    save: &Callback<Vec<Subservice>>,
) -> Html {
    let s = &e.subservice;
    let id = |f: &str| format!("sub-{i}-{f}");
    let title = if s.name.trim().is_empty() {
        format!("Provider {}", i + 1)
    } else {
        s.name.clone()
    };
    let edit = |apply: fn(&mut Subservice, String)| row_edit(rows, i, save, apply);
    let text = |f: &str, label: &'static str, value: &str, cb: Callback<String>| {
        html! {
            <div class="field">
                <label for={id(f)}>{ label }</label>
                <input type="text" id={id(f)} maxlength={MAX_FIELD.to_string()} value={value.to_owned()}
                    oninput={Callback::from(move |ev: InputEvent| cb.emit(text_of(&ev)))} />
            </div>
        }
    };
    let date = |f: &str, label: &'static str, value: &str, cb: Callback<String>| {
        html! {
            <div class="field">
                <label for={id(f)}>{ label }</label>
                <input type="date" id={id(f)} value={value.to_owned()} min="2000-01-01" max="2100-12-31"
                    onchange={Callback::from(move |ev: Event| {
                        let v = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
                        cb.emit(v);
                    })} />
            </div>
        }
    };
    let agreed = row_edit(rows, i, save, |s, on: bool| s.inclusive_agreed = on);
    let relied_on = edit(|s, v| {
        s.relied_on = v.lines().map(str::to_owned).take(MAX_ROWS).collect();
    });
    let remove = {
        let (rows, save) = (rows.clone(), save.clone());
        Callback::from(move |_| {
            let mut list = (*rows).clone();
            list.remove(i);
            save.emit(list);
        })
    };
    html! {
        <li class="register-row" key={s.id.clone()} data-subservice={s.id.clone()}>
            <fieldset>
                <legend>{ title.clone() }</legend>
                <div class="fields no-print">
                    { text("name", "Provider", &s.name, edit(|s, v| s.name = v)) }
                    { text("service", "What it does for the service", &s.service, edit(|s, v| s.service = v)) }
                    { choice(id("method"), "How the report treats it", s.method, row_edit(rows, i, save, |s, v| s.method = v)) }
                    if s.method == Method::Inclusive {
                        <label class="check"><input type="checkbox" id={id("agreed")} checked={s.inclusive_agreed}
                            onchange={Callback::from(move |ev: Event| agreed.emit(checked_of(&ev)))} />
                            { " The provider agreed in writing to be tested in our audit" }</label>
                    }
                    { choice(id("report"), "Its latest report", s.report, row_edit(rows, i, save, |s, v| s.report = v)) }
                    { date("period_end", "Its report's period ends", &s.period_end, edit(|s, v| s.period_end = v)) }
                    { choice(id("opinion"), "Opinion", s.opinion, row_edit(rows, i, save, |s, v| s.opinion = v)) }
                    { choice(id("bridge"), "Bridge letter", s.bridge_letter, row_edit(rows, i, save, |s, v| s.bridge_letter = v)) }
                    { date("next_review", "Your next review of its report", &s.next_review, edit(|s, v| s.next_review = v)) }
                </div>
                <div class="field wide no-print">
                    <label for={id("relied_on")}>{ "Its controls you rely on (one per line)" }</label>
                    <textarea id={id("relied_on")} rows={(s.relied_on.len() + 1).clamp(3, 8).to_string()} value={s.relied_on.join("\n")}
                        oninput={Callback::from(move |ev: InputEvent| relied_on.emit(text_of_long(&ev)))} />
                </div>
                <dl class="print-only">
                    <dt>{ "What it does" }</dt><dd>{ s.service.clone() }</dd>
                    <dt>{ "Treatment" }</dt><dd>{ s.method.label() }{ if s.method == Method::Inclusive && s.inclusive_agreed { " (agreed in writing)" } else { "" } }</dd>
                    <dt>{ "Controls relied on" }</dt><dd>{ s.relied_on.join("; ") }</dd>
                    <dt>{ "Latest report" }</dt><dd>{ format!("{}{}, opinion: {}", s.report.label(), if s.period_end.is_empty() { String::new() } else { format!(", period ends {}", s.period_end) }, s.opinion.label().to_lowercase()) }</dd>
                    <dt>{ "Bridge letter" }</dt><dd>{ s.bridge_letter.label() }</dd>
                    <dt>{ "Next review" }</dt><dd>{ if s.next_review.is_empty() { "Not set" } else { s.next_review.as_str() } }</dd>
                </dl>
                if !e.concerns.is_empty() {
                    <ul class="concerns" aria-label={format!("What an auditor will raise about {title}")}>
                        { for e.concerns.iter().map(|c| html! { <li data-concern={format!("{:?}", c.kind)}>{ c.text.clone() }</li> }) }
                    </ul>
                }
                <p class="no-print"><button type="button" class="button link" onclick={remove} aria-label={format!("Remove {title}")}>{ "Remove" }</button></p>
            </fieldset>
        </li>
    }
}

/// A multi-line field's text: each line is held to the field limit, not the whole.
fn text_of_long(e: &InputEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|a| a.value())
        .unwrap_or_default()
        .lines()
        .map(|l| l.chars().take(MAX_FIELD).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What customers must run for the controls to work: SOC 2 drafts from the answers,
/// SOC 1 ones from the objectives in view. Editable; shared with prospects.
#[component]
pub fn CustomerControlRegister(p: &RegisterProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let rows: Rc<Vec<CustomerControl>> = Rc::new(p.artefacts.customer_controls.clone());
    let edited = ctx.state.registers.customer_controls.is_some();
    if rows.is_empty() && !edited && p.artefacts.suggested_customer_controls.is_empty() {
        return Html::default();
    }
    let save = {
        let state = ctx.state.clone();
        Callback::from(move |list: Vec<CustomerControl>| {
            state.dispatch(Action::CustomerControls(Some(list)))
        })
    };
    let add = {
        let (rows, save) = (rows.clone(), save.clone());
        let soc2 = !ctx.readiness.decision.categories_in_scope.is_empty();
        Callback::from(move |_| {
            let mut list = (*rows).clone();
            if list.len() < MAX_ROWS {
                list.push(CustomerControl {
                    id: fresh_id("own", rows.iter().map(|r| r.id.as_str())),
                    text: String::new(),
                    report: if soc2 { Report::Soc2 } else { Report::Soc1 },
                    criteria: Vec::new(),
                });
                save.emit(list);
            }
        })
    };
    let reset = {
        let state = ctx.state.clone();
        Callback::from(move |_| {
            if gloo::dialogs::confirm("Replace your customer controls with the draft from your answers? Your wording is lost.") {
                state.dispatch(Action::CustomerControls(None))
            }
        })
    };
    html! {
        <section class="register cuecs" aria-labelledby="cuecs-title" data-testid="cuecs">
            <h2 id="cuecs-title">{ "What your customers will have to do" }</h2>
            <p class="sub">{ "Your report lists the controls customers must run themselves for yours to work (complementary user entity controls); their auditors check these at the customer. " }
                { if edited { "Your wording, saved with this assessment." } else { "Drafted from your answers; edit the wording and agree it with your auditor." } }
                { " Shared summaries include this list: it is what a prospect must plan for." }</p>
            <ol class="register-rows">
                { for rows.iter().enumerate().map(|(i, c)| {
                    let id = format!("cuec-{i}");
                    let change = {
                        let (rows, save) = (rows.clone(), save.clone());
                        Callback::from(move |ev: InputEvent| {
                            let mut list = (*rows).clone();
                            list[i].text = text_of(&ev);
                            save.emit(list);
                        })
                    };
                    let remove = {
                        let (rows, save) = (rows.clone(), save.clone());
                        Callback::from(move |_| { let mut list = (*rows).clone(); list.remove(i); save.emit(list); })
                    };
                    let supports = if c.criteria.is_empty() { String::new() } else { format!("{}: supports {}", c.report.name(), c.criteria.join(", ")) };
                    html! {
                        <li class="register-row" key={c.id.clone()} data-cuec={c.id.clone()}>
                            <label for={id.clone()} class="visually-hidden">{ format!("Customer control {}", i + 1) }</label>
                            <textarea class="no-print" id={id.clone()} rows="2" maxlength={MAX_FIELD.to_string()} value={c.text.clone()} oninput={change}
                                aria-describedby={(!supports.is_empty()).then(|| format!("{id}-supports"))} />
                            <span class="print-only cuec-text">{ c.text.clone() }</span>
                            <span class="sub" id={format!("{id}-supports")}>{ supports }</span>
                            <button type="button" class="button link no-print" onclick={remove} aria-label={format!("Remove customer control {}", i + 1)}>{ "Remove" }</button>
                        </li>
                    }
                }) }
            </ol>
            <p class="no-print actions">
                <button type="button" class="button secondary" data-testid="add-cuec" onclick={add} disabled={rows.len() >= MAX_ROWS}>{ "Add a customer control" }</button>
                { for p.artefacts.suggested_customer_controls.iter().map(|s| {
                    let (rows, save, s) = (rows.clone(), save.clone(), s.clone());
                    let words: String = s.text.chars().take(40).collect();
                    let shown = if words.len() < s.text.len() { format!("Add: {words}…") } else { format!("Add: {words}") };
                    html! { <button type="button" class="button secondary" aria-label={format!("Add: {}", s.text)} title={s.text.clone()} onclick={Callback::from(move |_| { let mut l = (*rows).clone(); l.push(s.clone()); save.emit(l); })}>{ shown }</button> }
                }) }
                if edited {
                    <button type="button" class="button secondary" data-testid="reset-cuecs" onclick={reset}>{ "Start again from the draft" }</button>
                }
                <button type="button" class="button secondary" data-testid="export-cuecs" onclick={files::on_download(&ctx, files::download_customer_controls_csv)}>{ "Download list (CSV)" }</button>
            </p>
        </section>
    }
}
