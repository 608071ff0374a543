//! The auditor pack on the results: the two registers, the evidence request list
//! and the framework crosswalk, derived once per change of the inputs.

use crate::app::components::registers::{CustomerControlRegister, SubserviceRegister};
use crate::app::files;
use crate::app::format::score;
use crate::app::pages::results::Evaluated;
use crate::app::Ctx;
use crate::assessment::{artefacts, Artefacts};
use crate::engine::evidence::EvidenceStatus;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Rows a long table shows on screen before "Show all"; print shows every row.
const FIRST_ROWS: usize = 8;

#[component]
pub fn AuditorPack() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let full = use_context::<Evaluated>()
        .expect("the results' evaluation")
        .0;
    // The evaluation is remade exactly when the answers or assumptions change; with
    // the registers, that is everything the pack is derived from.
    let inputs = (crate::app::Same(full.clone()), ctx.state.registers.clone());
    let made = {
        let ctx = ctx.clone();
        use_memo(inputs, move |_| {
            artefacts(
                ctx.catalog,
                &ctx.state.answers,
                &ctx.state.assumptions,
                &ctx.state.registers,
                &full,
            )
        })
    };
    let a: Rc<Artefacts> = made;
    html! {
        <>
            <CustomerControlRegister artefacts={a.clone()} />
            <SubserviceRegister artefacts={a.clone()} />
            <EvidenceList artefacts={a.clone()} />
            <Crosswalk artefacts={a} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ListProps {
    artefacts: Rc<Artefacts>,
}

/// "Show all N" for a long table: rows past the first few are hidden on screen only.
fn more_toggle(open: &UseStateHandle<bool>, total: usize, what: &str, controls: &str) -> Html {
    if total <= FIRST_ROWS {
        return Html::default();
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <p class="no-print">
            <button type="button" class="button secondary" aria-expanded={(**open).to_string()} aria-controls={controls.to_owned()} onclick={toggle}>
                { if **open { format!("Show the first {FIRST_ROWS} {what} only") } else { format!("Show all {total} {what}") } }
            </button>
        </p>
    }
}

/// For each control in view: the evidence, its owner, how often it runs and the typical sample.
#[component]
fn EvidenceList(p: &ListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let open = use_state(|| false);
    let owner = use_state(String::new);
    let list = &p.artefacts.evidence;
    if list.is_empty() {
        return Html::default();
    }
    let mut owners: Vec<&str> = list.iter().map(|e| e.owner.as_str()).collect();
    owners.sort_unstable();
    owners.dedup();
    // An owner no longer in the list (the answers changed) falls back to everyone.
    let picked = Some(owner.as_str()).filter(|o| owners.contains(o));
    let shown: Vec<_> = list
        .iter()
        .filter(|e| picked.is_none_or(|o| e.owner == o))
        .collect();
    let to_keep = shown
        .iter()
        .filter(|e| e.status != EvidenceStatus::Kept)
        .count();
    let type2 = list.iter().any(|e| e.sample.is_some());
    let pick = {
        let owner = owner.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                owner.set(s.value());
            }
        })
    };
    let sample_note = &ctx.catalog.auditor.sample_note;
    html! {
        <section class="evidence" aria-labelledby="evidence-title" data-testid="evidence-list">
            <h2 id="evidence-title">{ format!("Evidence requests ({} controls, {to_keep} without evidence kept yet)", shown.len()) }</h2>
            <p class="sub">{ if type2 {
                format!("What an auditor usually asks to see for each control, who holds it, and how many instances they typically sample over your {}-month window. {sample_note}", ctx.readiness.decision.window_months)
            } else {
                "What an auditor usually asks to see for each control and who holds it. For a Type I the auditor inspects one instance of each control as designed; samples over a period come with the Type II.".to_owned()
            } }</p>
            <div class="field no-print">
                <label for="evidence-owner">{ "Owner" }</label>
                <select id="evidence-owner" onchange={pick}>
                    <option value="" selected={picked.is_none()}>{ "Everyone" }</option>
                    { for owners.iter().map(|o| html! { <option value={o.to_string()} selected={picked == Some(*o)}>{ *o }</option> }) }
                </select>
            </div>
            if let Some(o) = picked {
                <p class="print-only">{ format!("Controls owned by {o} only.") }</p>
            }
            <table class={classes!("drivers", "long", (!*open).then_some("collapsed"))} id="evidence-table">
                <caption class="visually-hidden">{ "Evidence request list" }</caption>
                <thead><tr>
                    <th scope="col">{ "Control" }</th><th scope="col">{ "Evidence to show" }</th><th scope="col">{ "Owner" }</th>
                    <th scope="col">{ "How often" }</th><th scope="col">{ if type2 { "Typical sample" } else { "Tested" } }</th><th scope="col">{ "Evidence kept" }</th>
                </tr></thead>
                <tbody>
                    { for shown.iter().enumerate().map(|(i, e)| html! {
                        <tr data-question={e.question.clone()} data-status={format!("{:?}", e.status)} class={classes!((i >= FIRST_ROWS).then_some("more"))}>
                            <th scope="row">{ e.control.clone() }<span class="sub">{ format!(" {}", e.criteria.join(", ")) }</span></th>
                            <td data-label="Evidence">{ e.evidence.clone() }</td>
                            <td data-label="Owner">{ e.owner.clone() }</td>
                            <td data-label="How often">{ e.frequency_label.clone() }</td>
                            <td data-label={if type2 { "Sample" } else { "Tested" }} data-sample="">{ match &e.sample {
                                Some(s) if s.assumption => format!("{} (our assumption)", s.text),
                                Some(s) => s.text.clone(),
                                None => "One instance".to_owned(),
                            } }</td>
                            <td data-label="Evidence kept">{ e.status.label() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            { more_toggle(&open, shown.len(), "controls", "evidence-table") }
            if type2 {
                <p class="sub sources">{ "Typical samples: " }
                    { for ctx.catalog.auditor.samples.iter().filter_map(|s| s.source.as_ref().map(|u| (s, u))).map(|(s, u)| html! {
                        <><a href={u.clone()} rel="noopener noreferrer external" target="_blank">{ s.label.clone() }</a>{ " " }</>
                    }) }
                </p>
            }
            <p class="no-print">
                <button type="button" class="button secondary" data-testid="export-evidence" onclick={files::on_download(&ctx, files::download_evidence_csv)}>
                    { "Download evidence requests (CSV)" }
                </button>
            </p>
        </section>
    }
}

/// Per assessed SOC 2 criterion: our own ISO/IEC 27001:2022 and NIST CSF 2.0 hints.
#[component]
fn Crosswalk(p: &ListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let open = use_state(|| false);
    let rows = &p.artefacts.crosswalk;
    if rows.is_empty() {
        return Html::default();
    }
    let hints = |hs: &[crate::engine::crosswalk::Hint]| -> Html {
        html! { <ul class="hints">{ for hs.iter().map(|h| html! { <li><strong>{ h.id.clone() }</strong>{ format!(" {}", h.label) }</li> }) }</ul> }
    };
    html! {
        <section class="crosswalk" aria-labelledby="crosswalk-title" data-testid="crosswalk">
            <h2 id="crosswalk-title">{ "Framework crosswalk" }</h2>
            <p class="sub">{ ctx.catalog.crosswalk.note.clone() }</p>
            <table class={classes!("drivers", "long", (!*open).then_some("collapsed"))} id="crosswalk-table">
                <caption class="visually-hidden">{ "Framework crosswalk" }</caption>
                <thead><tr>
                    <th scope="col">{ "Criterion" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Open gaps" }</th>
                    <th scope="col">{ "ISO/IEC 27001:2022" }</th><th scope="col">{ "NIST CSF 2.0" }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(i, r)| html! {
                        <tr data-criterion={r.criterion.clone()} class={classes!((i >= FIRST_ROWS).then_some("more"))}>
                            <th scope="row">{ r.criterion.clone() }
                                <span class="criterion-summary">{ format!(" {}", ctx.catalog.criterion(&r.criterion).map_or("", |c| c.summary.as_str())) }</span>
                                if !r.note.is_empty() { <span class="sub note">{ r.note.clone() }</span> }
                            </th>
                            <td data-label="Score">{ score(r.score) }</td>
                            <td data-label="Open gaps">{ r.gaps.len() }</td>
                            <td data-label="ISO/IEC 27001:2022">{ hints(&r.iso) }
                                if !r.clauses.is_empty() { <span class="sub">{ "Clauses:" }</span>{ hints(&r.clauses) } }
                            </td>
                            <td data-label="NIST CSF 2.0">{ hints(&r.csf) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            { more_toggle(&open, rows.len(), "criteria", "crosswalk-table") }
            <p class="no-print">
                <button type="button" class="button secondary" data-testid="export-crosswalk" onclick={files::on_download(&ctx, files::download_crosswalk_csv)}>
                    { "Download crosswalk (CSV)" }
                </button>
            </p>
        </section>
    }
}
