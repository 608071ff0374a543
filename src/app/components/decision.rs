//! The applicability decision and the reasons behind each part of it.

use crate::app::Ctx;
use crate::catalog::kinds::Status;
use crate::engine::applicability::{Decision, Reason, Recommendation};
use crate::engine::conditions::Cited;
use yew::prelude::*;

/// The headline in words: the reports recommended (or none yet), the type and window.
pub fn headline(d: &Decision) -> String {
    let firm: Vec<&str> = d
        .reports
        .iter()
        .filter(|r| r.status == Status::Recommended)
        .map(|r| r.id.name())
        .collect();
    if d.nothing_needed_yet() {
        return "No report is needed yet".into();
    }
    if firm.is_empty() {
        return "No report is certain yet: confirm with your customers".into();
    }
    let window = if d.is_type1() {
        String::new()
    } else {
        format!(", {}-month observation window", d.window_months)
    };
    format!("{} {}{window}", firm.join(" and "), d.report_type.id.name())
}

/// An answer as the user picked it: option labels, not IDs.
fn cited(ctx: &Ctx, c: &Cited) -> String {
    let question = ctx.catalog.question(&c.question);
    let text = question.map_or(c.question.as_str(), |x| x.text.as_str());
    let shown: Vec<&str> = c
        .values
        .iter()
        .map(|v| {
            question
                .and_then(|q| q.options.iter().find(|o| o.id == *v))
                .map_or(v.as_str(), |o| o.label.as_str())
        })
        .collect();
    format!("“{text}” → {}", shown.join(", "))
}

fn reasons(ctx: &Ctx, rs: &[Reason]) -> Html {
    html! {
        <ul class="reasons">
            { for rs.iter().map(|r| {
                let answers: Vec<String> = r.answers.iter().map(|c| cited(ctx, c)).collect();
                html! {
                    <li data-rule={r.rule.clone()}>
                        { r.because.clone() }
                        if !answers.is_empty() { <span class="from">{ format!(" From: {}", answers.join("; ")) }</span> }
                    </li>
                }
            }) }
        </ul>
    }
}

fn item<T>(ctx: &Ctx, r: &Recommendation<T>, name: &str) -> Html {
    // The attribute holds the status as the export names it.
    let (status, suffix) = match r.status {
        Status::Recommended => ("recommended", ""),
        Status::ToConfirm => ("to_confirm", " (to confirm)"),
        Status::NotYet => ("not_yet", " (not needed yet)"),
    };
    html! {
        <li data-status={status}>
            <strong>{ format!("{name}{suffix}") }</strong>{ reasons(ctx, &r.reasons) }
        </li>
    }
}

/// Rendered as a plain function: it holds no state of its own.
pub fn decision_panel(ctx: &Ctx) -> Html {
    let d = &ctx.readiness.decision;
    let name = |c: &str| {
        ctx.catalog
            .category(c)
            .map_or(c.to_owned(), |x| x.name.to_string())
    };
    let cats: Vec<String> = d.categories_in_scope.iter().map(|c| name(c)).collect();
    let soc2 = !d.categories_in_scope.is_empty();
    html! {
        <section class="decision" aria-labelledby="decision-title" data-testid="decision">
            <h2 id="decision-title">{ "Recommended report" }</h2>
            <p class="headline" data-testid="decision-headline">{ headline(d) }</p>
            <ul class="decision-items">
                { for d.reports.iter().map(|r| item(ctx, r, r.id.name())) }
                { item(ctx, &d.report_type, d.report_type.id.name()) }
                if !d.is_type1() {
                    <li><strong>{ format!("{}-month window", d.window_months) }</strong>{ reasons(ctx, &d.window_reasons) }</li>
                }
                { for d.add_ons.iter().map(|r| item(ctx, r, &format!("Option: {}", r.id.name()))) }
                if !d.bridge_letter.is_empty() {
                    <li><strong>{ "Bridge letters" }</strong>{ reasons(ctx, &d.bridge_letter) }</li>
                }
                { for d.ruled_out.iter().map(|(a, r)| html! {
                    <li><strong>{ format!("Not proposed: {}", a.label()) }</strong>{ reasons(ctx, std::slice::from_ref(r)) }</li>
                }) }
            </ul>
            if !d.notes.is_empty() {
                <h3>{ "Good to know" }</h3>
                <div data-testid="decision-notes">{ reasons(ctx, &d.notes) }</div>
            }
            if soc2 {
                <h3>{ "Categories in scope" }</h3>
                <p data-testid="categories-in-scope">{ cats.join(", ") }
                    { if d.categories_chosen_by_user { " (your choice)" } else { " (recommended)" } }</p>
                <ul class="decision-items">
                    { for d.recommended_categories.iter().map(|r| item(ctx, r, &name(&r.id))) }
                </ul>
            } else {
                <p data-testid="categories-in-scope">{ "No SOC 2 categories: without a SOC 2, only the SOC 1 control objectives are assessed." }</p>
            }
        </section>
    }
}
