//! What the recipient of a share link sees: a read-only summary, and a way to
//! save it as their own assessment. Opening a link never changes anything saved.

use crate::app::routes::{href, push, Route};
use crate::app::workspace::Notice;
use crate::app::{fresh_snapshot, Created, Ctx};
use crate::catalog::kinds::ReportType;
use crate::report::library::Record;
use crate::report::share;
use crate::report::snapshot::Snapshot;
use crate::report::summary::Line;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SharedProps {
    pub data: AttrValue,
}

/// The page shown for any link that cannot be opened.
pub fn link_problem(title: &str, reason: &str) -> Html {
    html! {
        <article class="page link-problem" data-testid="link-problem">
            <h1>{ title.to_owned() }</h1>
            <p class="warning">{ format!("The link cannot be used: {reason}.") }</p>
            <p>{ "Nothing saved in this browser has changed. Ask the sender for the link again, or for a JSON export of the assessment." }</p>
            <a class="button primary" href={href(&Route::Welcome)}>{ "Go to your assessments" }</a>
        </article>
    }
}

fn band(ctx: &Ctx, l: &Line) -> String {
    crate::app::components::summary::band_text(ctx, l.band.as_deref(), l.score.is_some())
}

fn score(l: &Line) -> String {
    l.score
        .map_or_else(|| "–".to_owned(), |s| format!("{s} / 100"))
}

#[component]
pub fn SharedSummary(p: &SharedProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let shared = use_memo(p.data.clone(), |d| share::decode(crate::app::catalog(), d));
    let s = match &*shared {
        Ok(s) => s.clone(),
        Err(problem) => {
            return link_problem("This shared summary cannot be opened", &problem.reason)
        }
    };
    let sum = &s.summary;
    let company = if sum.company.is_empty() {
        "A company".to_owned()
    } else {
        sum.company.clone()
    };
    let category = |id: &str| {
        ctx.catalog
            .category(id)
            .map_or(id.to_owned(), |c| c.name.to_string())
    };
    let has_controls = s.answers.values.keys().any(|id| {
        ctx.catalog
            .questions()
            .any(|(qn, _, q)| q.id == *id && ctx.catalog.is_category(&qn.id))
    });
    let save = {
        let (ctx, answers, company) = (ctx.clone(), s.answers.clone(), company.clone());
        Callback::from(move |_| {
            let record = Record {
                name: format!("Shared: {company}")
                    .chars()
                    .take(crate::report::library::MAX_NAME)
                    .collect(),
                created: crate::app::today(),
                updated: crate::app::today(),
                snapshot: Snapshot {
                    answers: answers.clone(),
                    ..fresh_snapshot()
                },
                revision: 0,
            };
            let created = ctx.create(record);
            if created == Created::Saved {
                ctx.notify(Notice::info(
                    "Saved as a new assessment in this browser. The original stays with the sender.",
                ));
            }
            if created != Created::NotOpened {
                push(&Route::Results);
            }
        })
    };
    let headline = if sum.reports.is_empty() {
        "No report is needed yet, or the sender must still confirm which".to_owned()
    } else {
        format!(
            "{} {}{}",
            sum.reports
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>()
                .join(" and "),
            sum.report_type.name(),
            if sum.report_type == ReportType::Type2 {
                format!(", {}-month observation window", sum.window_months)
            } else {
                String::new()
            }
        )
    };
    html! {
        <article class="page shared-summary" data-testid="shared-summary">
            <h1>{ format!("Readiness summary: {company}") }</h1>
            <p class="disclaimer" data-testid="disclaimer">{ ctx.catalog.manifest.disclaimer.clone() }</p>
            <p class="meta">{ format!("Shared on {}. Read-only: nothing from this link is saved unless you choose to.", sum.made_on) }</p>
            <section aria-labelledby="shared-decision">
                <h2 id="shared-decision">{ "Recommended report" }</h2>
                <p class="headline" data-testid="shared-report">{ headline }</p>
                <p data-testid="shared-categories">{ format!("Categories in scope: {}", sum.categories.iter().map(|l| category(&l.id)).collect::<Vec<_>>().join(", ")) }</p>
                <p data-testid="shared-date">{ format!("First report expected around {} (between {} and {}).", sum.first_report[1], sum.first_report[0], sum.first_report[2]) }</p>
            </section>
            <section aria-labelledby="shared-scores">
                <h2 id="shared-scores">{ "Readiness" }</h2>
                <p class="headline" data-testid="shared-overall">{ format!("Overall: {} · {}", score(&sum.overall), band(&ctx, &sum.overall)) }</p>
                <p class="sub">{ format!("From {} of {} control questions answered.", sum.overall.answered, sum.overall.applicable) }</p>
                <table class="shared-table">
                    <caption class="visually-hidden">{ "Readiness by category" }</caption>
                    <thead><tr><th scope="col">{ "Category" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Band" }</th><th scope="col">{ "Answered" }</th></tr></thead>
                    <tbody>
                        { for sum.categories.iter().map(|l| html! {
                            <tr data-category={l.id.clone()}>
                                <th scope="row">{ category(&l.id) }</th>
                                <td>{ score(l) }</td>
                                <td>{ band(&ctx, l) }</td>
                                <td>{ format!("{} of {}", l.answered, l.applicable) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
            <section aria-labelledby="shared-gaps">
                <h2 id="shared-gaps">{ "Gaps" }</h2>
                if let Some(gaps) = &sum.gaps {
                    if gaps.is_empty() {
                        <p>{ "No open gaps among the answers given." }</p>
                    } else {
                        <p>{ format!("{} open gaps, most important first.", gaps.len()) }</p>
                        <ol class="gap-list" data-testid="shared-gap-list">
                            { for gaps.iter().map(|g| {
                                let q = ctx.catalog.question(&g.question);
                                html! {
                                    <li data-gap={g.question.clone()}>
                                        <p class="gap-title">{ q.map_or(g.question.to_string(), |q| q.text.to_string()) }
                                            if q.is_some_and(|q| q.key) { <span class="badge">{ "Key control" }</span> }</p>
                                        <p class="gap-meta">{ format!("Answer: {}", ctx.catalog.scale_option(&g.answer).map_or(g.answer.to_string(), |o| o.label.to_string())) }</p>
                                    </li>
                                }
                            }) }
                        </ol>
                    }
                } else {
                    <p data-testid="shared-no-gaps">{ "The sender chose not to include the gaps." }</p>
                }
            </section>
            if !sum.customer_controls.is_empty() {
                <section aria-labelledby="shared-cuecs" data-testid="shared-cuecs">
                    <h2 id="shared-cuecs">{ "What customers will have to do" }</h2>
                    <p class="sub">{ "The report will list these as controls each customer runs on its side (complementary user entity controls). Plan for them." }</p>
                    <ul>{ for sum.customer_controls.iter().map(|c| html! { <li>{ c.clone() }</li> }) }</ul>
                </section>
            }
            <section class="no-print" aria-labelledby="shared-save">
                <h2 id="shared-save">{ "Work on it yourself" }</h2>
                <p>{ if has_controls {
                    "Save a copy to change the answers and see the full results. Your other assessments are not touched."
                } else {
                    "The link holds the scope answers only: a copy starts your own assessment from them. Your other assessments are not touched."
                } }</p>
                <button type="button" class="button primary" onclick={save} data-testid="save-copy">{ "Save as my own copy" }</button>
            </section>
        </article>
    }
}
