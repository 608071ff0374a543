//! The first step: what this is, where the answers go (nowhere), and the
//! assessments saved in this browser.

use crate::app::components::assessments::AssessmentList;
use crate::app::components::import_box::ImportBox;
use crate::app::routes::href;
use crate::app::routes::Route;
use crate::app::Ctx;
use crate::catalog::kinds::Report;
use yew::prelude::*;

pub fn welcome_page(ctx: &Ctx) -> Html {
    let started = ctx.readiness.progress.overall.answered > 0;
    let count = |report| {
        ctx.catalog
            .questions()
            .filter(|(qn, _, _)| {
                ctx.catalog
                    .category(&qn.id)
                    .is_some_and(|c| c.report == report)
            })
            .count()
    };
    let (soc2, soc1) = (count(Report::Soc2), count(Report::Soc1));
    html! {
        <article class="page welcome">
            <h1>{ "How ready are you for a SOC 1 or SOC 2 audit?" }</h1>
            <p class="lead">
                { "Answer plain-language questions about your company and your controls. First you learn which report fits (SOC 1, SOC 2 or both, Type I or Type II) and why. Then you get a readiness score per Trust Services Criterion and per SOC 1 control objective, the gaps to close with what to do about them, and a timeline and cost estimate with the reasoning behind every figure." }
            </p>
            <ul class="facts">
                <li>{ format!("{soc2} control questions across the five Trust Services categories and {soc1} on SOC 1 control objectives; you only see the ones in your scope.") }</li>
                <li>{ "Your answers stay in this browser. Nothing is sent anywhere." }</li>
                <li>{ "Progress is saved as you go: close the tab and come back any time." }</li>
            </ul>
            <a href={href(&Route::Scope)} class="button primary">
                <span data-testid="start">{ if started { "Continue the assessment" } else { "Start the assessment" } }</span>
            </a>
            <AssessmentList />
            <ImportBox />
        </article>
    }
}
