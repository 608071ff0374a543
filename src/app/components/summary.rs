//! The live readiness summary beside each step: it changes as soon as an answer does.

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
        Some(b) => b.label.clone(),
        None if scored => "Too few answers yet for a band".to_owned(),
        None => "Not scored yet".to_owned(),
    }
}

/// `questionnaire` is the current step.
pub fn live_summary(ctx: &Ctx, questionnaire: &str) -> Html {
    let r = &ctx.readiness;
    let overall = &r.scores.overall;
    let step = r.scores.categories.iter().find(|s| s.id == questionnaire);
    let count = r
        .progress
        .questionnaires
        .iter()
        .find(|(id, _)| id == questionnaire)
        .map(|(_, c)| *c)
        .unwrap_or_default();
    let target = r.decision.report_type.id.name();
    html! {
        <aside class="live-summary" aria-label="Readiness so far">
            <h2 class="visually-hidden">{ "Readiness so far" }</h2>
            <div class="figure">
                <span class="label" id="overall-label">{ format!("Overall readiness ({target})") }</span>
                <span class="value" data-testid="overall-score" aria-live="polite" aria-labelledby="overall-label">{ score(overall.target) }</span>
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
