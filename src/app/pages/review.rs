//! "Check your answers": what is still open in each step before the results.

use crate::app::components::layout::step_nav;
use crate::app::routes::Route;
use crate::app::routes::{href, question_href};
use crate::app::Ctx;
use yew::prelude::*;

pub fn review_page(ctx: &Ctx) -> Html {
    let r = &ctx.readiness;
    let answers = &ctx.state.answers;
    let na_ids: Vec<&str> = ctx
        .catalog
        .manifest
        .scale
        .iter()
        .filter(|o| o.not_applicable)
        .map(|o| o.id.as_str())
        .collect();
    html! {
        <article class="page review">
            <h1>{ "Check your answers" }</h1>
            <p class="lead">{ format!("{} of {} applicable questions answered. Unanswered questions do not lower your score, but they lower the confidence of the results.", r.progress.overall.answered, r.progress.overall.applicable) }</p>
            { for ctx.catalog.questionnaires.iter().filter(|q| r.visibility.questionnaire(&q.id)).map(|qn| {
                let open: Vec<_> = qn.sections.iter().flat_map(|s| &s.questions)
                    .filter(|q| r.visibility.question(&q.id) && !crate::engine::visibility::is_answered(q, answers)).collect();
                let no_reason: Vec<_> = qn.sections.iter().flat_map(|s| &s.questions)
                    .filter(|q| r.visibility.question(&q.id)
                        && answers.get(&q.id).and_then(|a| a.as_str()).is_some_and(|a| na_ids.contains(&a))
                        && answers.notes.get(q.id.as_str()).is_none_or(|n| n.trim().is_empty()))
                    .collect();
                let step = Route::for_questionnaire(&qn.id);
                html! {
                    <section class="review-step" aria-labelledby={format!("review-{}", qn.id)}>
                        <h2 id={format!("review-{}", qn.id)}>
                            <a href={href(&Route::for_questionnaire(&qn.id))}>{ qn.title.clone() }</a>
                        </h2>
                        if open.is_empty() && no_reason.is_empty() {
                            <p class="ok">{ "All answered." }</p>
                        } else {
                            if !open.is_empty() {
                                <p>{ format!("{} unanswered:", open.len()) }</p>
                                <ul class="to-answer">{ for open.iter().map(|q| html! {
                                    <li><a href={question_href(&step, &q.id)} data-question-link={q.id.clone()}>{ q.text.clone() }</a></li>
                                }) }</ul>
                            }
                            if !no_reason.is_empty() {
                                <p class="warning">{ format!("{} marked not applicable without a reason:", no_reason.len()) }</p>
                                <ul class="to-answer">{ for no_reason.iter().map(|q| html! {
                                    <li><a href={question_href(&step, &q.id)} data-question-link={q.id.clone()}>{ q.text.clone() }</a></li>
                                }) }</ul>
                            }
                        }
                    </section>
                }
            }) }
            if r.progress.hidden_answers > 0 {
                <p>{ format!("{} answers belong to questions that no longer apply; they are kept but not counted.", r.progress.hidden_answers) }</p>
            }
            { step_nav(ctx, &Route::Review) }
        </article>
    }
}
