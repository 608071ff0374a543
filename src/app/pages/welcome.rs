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
                { "Answer plain-language questions about your company and your controls. First you see which report your answers point to (SOC 2, SOC 1, both or none yet; Type I or Type II) and why. Then you get readiness scores against the SOC 2 Trust Services Criteria for Security and for each other category in scope and, when your answers call for a SOC 1, against a typical set of SOC 1 control objectives (IT general controls and the business processes your service runs). You also get the gaps to close with what to do about them, and a timeline and cost estimate with the reasoning behind every figure." }
            </p>
            <ul class="facts">
                <li>{ format!("{soc2} control questions across the five Trust Services categories and {soc1} on SOC 1 control objectives; you only see the ones in your scope.") }</li>
                <li>{ "A self-assessment from your own answers, not an audit: no auditor checks it. A SOC 1's control objectives are finally set by you with your auditor; the ones here are the common starting set." }</li>
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
