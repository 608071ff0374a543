//! The live readiness summary beside each step: it changes as soon as an answer does.
//! On a wide screen it sits beside the questions; on a phone it is a one-line bar
//! after the questions that opens on demand, so the questions come first.

use crate::app::format::score;
use crate::app::Ctx;
use crate::engine::scoring::Score;
use yew::prelude::*;

/// The band's label; a score without a band has too few answers behind it.
pub fn band_label(ctx: &Ctx, s: &Score) -> String {
    band_text(ctx, s.band.as_deref(), s.target.is_some())
}

pub fn band_text(ctx: &Ctx, band: Option<&str>, scored: bool) -> String {
    match band.and_then(|b| ctx.catalog.manifest.bands.iter().find(|x| x.id == b)) {
        Some(b) => b.label.to_string(),
        None if scored => "Too few answers yet for a band".to_owned(),
        None => "Not scored yet".to_owned(),
    }
}

/// Answered and applicable questions of one step.
fn step_count(ctx: &Ctx, questionnaire: &str) -> crate::engine::visibility::Count {
    ctx.readiness
        .progress
        .questionnaires
        .iter()
        .find(|(id, _)| id == questionnaire)
        .map(|(_, c)| *c)
        .unwrap_or_default()
}

/// `questionnaire` is the current step.
pub fn live_summary(ctx: &Ctx, questionnaire: &str) -> Html {
    let r = &ctx.readiness;
    let overall = &r.scores.overall;
    let step = r.scores.categories.iter().find(|s| s.id == questionnaire);
    let count = step_count(ctx, questionnaire);
    let target = r.decision.report_type.id.name();
    html! {
        <aside class="live-summary" aria-label="Readiness so far">
            <h2 class="visually-hidden">{ "Readiness so far" }</h2>
            <div class="figure">
                <span class="label" id="overall-label">{ format!("Overall readiness ({target})") }</span>
                <span class="value"><span data-testid="overall-score" aria-live="polite" aria-labelledby="overall-label">{ score(overall.target) }</span><span class="out-of">{ " / 100" }</span></span>
                <span class={classes!("band", overall.band.clone())}>{ band_label(ctx, overall) }</span>
                if overall.answered < overall.applicable {
                    <span class="sub">{ format!("from {} of {} control answers so far", overall.answered, overall.applicable) }</span>
                }
            </div>
            if let Some(s) = step {
                <div class="figure">
                    <span class="label">{ format!("{} readiness", ctx.catalog.category(&s.id).map_or("", |c| c.name.as_str())) }</span>
                    <span class="value" data-testid="category-score">{ score(s.target) }</span>
                    <span class="sub">{ format!("design {} · operating {}", score(s.design), score(s.operating)) }</span>
                    if !s.key_gaps.is_empty() {
                        <span class="sub warning">{ format!("{} key control gap(s) cap this category", s.key_gaps.len()) }</span>
                    }
                </div>
            }
            <p class="count" data-testid="answered-count">{ format!("{} of {} answered", count.answered, count.applicable) }</p>
            <p class="sub">{ format!("Open gaps: {}", r.gaps.len()) }</p>
        </aside>
    }
}

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    /// The current step's questionnaire.
    pub questionnaire: AttrValue,
    /// Show the recommended report too (the scope and "which report" steps).
    pub with_decision: bool,
}

/// The summary (and, where it helps, the recommendation) beside the questions.
/// Below the wide layout only its one-line bar shows until the user opens it.
#[component]
pub fn SidePanel(p: &SidePanelProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let open = use_state(|| false);
    let r = &ctx.readiness;
    let count = step_count(&ctx, &p.questionnaire);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let gaps = r.gaps.len();
    html! {
        <div class={classes!("side", open.then_some("open"))} data-testid="side-panel">
            <button type="button" class="summary-bar" aria-expanded={open.to_string()} aria-controls="side-details" onclick={toggle}
                data-testid="summary-bar">
                <span class="bar-score"><span class="visually-hidden">{ "Overall readiness " }</span>
                    <strong>{ score(r.scores.overall.target) }</strong>{ " / 100" }</span>
                <span>{ format!("{} of {} answered", count.answered, count.applicable) }</span>
                <span>{ format!("{gaps} open {}", if gaps == 1 { "gap" } else { "gaps" }) }</span>
                <span class="bar-more">{ if *open { "Hide details" } else { "Details" } }</span>
            </button>
            <div id="side-details" class="side-details" tabindex="0" role="region" aria-label="Readiness so far and recommended report">
                { live_summary(&ctx, &p.questionnaire) }
                if p.with_decision { { crate::app::components::decision::decision_panel(&ctx) } }
            </div>
        </div>
    }
}
