//! The applicability decision and the reasons behind each part of it.

use crate::app::Ctx;
use crate::engine::applicability::{Reason, Recommendation};
use yew::prelude::*;

/// How a report or type ID reads on the page.
pub fn report_name(id: &str) -> &str {
    match id {
        "soc1" => "SOC 1",
        "soc2" => "SOC 2",
        "soc3" => "SOC 3",
        "soc2plus" => "SOC 2+",
        "type1" => "Type I",
        "type2" => "Type II",
        other => other,
    }
}

fn reasons(ctx: &Ctx, rs: &[Reason]) -> Html {
    html! {
        <ul class="reasons">
            { for rs.iter().map(|r| {
                let answers = r.answers.iter().map(|(q, a)| {
                    let question = ctx.catalog.question(q);
                    let text = question.map_or(q.as_str(), |x| x.text.as_str());
                    // Show option labels, not IDs, for choice answers.
                    let shown = question.filter(|x| !x.options.is_empty()).map_or_else(|| a.clone(), |x| {
                        a.split(", ").map(|id| x.options.iter().find(|o| o.id == id).map_or(id, |o| o.label.as_str())).collect::<Vec<_>>().join(", ")
                    });
                    format!("“{text}” → {shown}")
                }).collect::<Vec<_>>();
                html! {
                    <li>
                        { r.because.clone() }
                        if !answers.is_empty() { <span class="from">{ format!(" From: {}", answers.join("; ")) }</span> }
                    </li>
                }
            }) }
        </ul>
    }
}

fn item(ctx: &Ctx, r: &Recommendation, name: String) -> Html {
    html! { <li><strong>{ name }</strong>{ reasons(ctx, &r.reasons) }</li> }
}

/// Rendered as a plain function: it holds no state of its own.
pub fn decision_panel(ctx: &Ctx) -> Html {
    let d = &ctx.readiness.decision;
    let cats: Vec<String> = d
        .categories_in_scope
        .iter()
        .map(|c| {
            ctx.catalog
                .category(c)
                .map_or(c.clone(), |x| x.name.clone())
        })
        .collect();
    html! {
        <section class="decision" aria-labelledby="decision-title" data-testid="decision">
            <h2 id="decision-title">{ "Recommended report" }</h2>
            <p class="headline" data-testid="decision-headline">
                { format!("{} {}", d.reports.iter().map(|r| report_name(&r.id)).collect::<Vec<_>>().join(" and "), report_name(&d.report_type.id)) }
                { if d.is_type1() { String::new() } else { format!(", {}-month observation window", d.window_months) } }
            </p>
            <ul class="decision-items">
                { for d.reports.iter().map(|r| item(ctx, r, report_name(&r.id).to_owned())) }
                { item(ctx, &d.report_type, report_name(&d.report_type.id).to_owned()) }
                if !d.is_type1() {
                    <li><strong>{ format!("{}-month window", d.window_months) }</strong>{ reasons(ctx, &d.window_reasons) }</li>
                }
                { for d.add_ons.iter().map(|r| item(ctx, r, format!("Option: {}", report_name(&r.id)))) }
                if let Some(b) = &d.bridge_letter { { item(ctx, b, "Bridge letters".into()) } }
            </ul>
            <h3>{ "Categories in scope" }</h3>
            <p data-testid="categories-in-scope">{ cats.join(", ") }
                { if d.categories_chosen_by_user { " (your choice)" } else { " (recommended)" } }</p>
            <ul class="decision-items">
                { for d.recommended_categories.iter().map(|r| item(ctx, r, ctx.catalog.category(&r.id).map_or(r.id.clone(), |c| c.name.clone()))) }
            </ul>
        </section>
    }
}
