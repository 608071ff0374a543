//! One questionnaire step: its visible sections and questions, with the live summary beside them.

use crate::app::components::announcer::Announcer;
use crate::app::components::layout::step_nav;
use crate::app::components::question::QuestionView;
use crate::app::components::summary::SidePanel;
use crate::app::paint::in_frame_after_paint;
use crate::app::routes::href;
use crate::app::routes::Route;
use crate::app::Ctx;
use yew::prelude::*;

pub fn questionnaire_page(ctx: &Ctx, id: &str) -> Html {
    let Some(qn) = ctx.catalog.questionnaire(id) else {
        return html! { <article class="page"><h1>{ "Step not found" }</h1><a href={href(&Route::Welcome)}>{ "Back to the start" }</a></article> };
    };
    let r = &ctx.readiness;
    let route = Route::for_questionnaire(&qn.id);
    if !r.visibility.questionnaire(&qn.id) {
        return html! {
            <article class="page">
                <h1>{ qn.title.clone() }</h1>
                <p>{ "This category is not in scope for your assessment. Change the categories on the " }
                    <a href={href(&Route::Applicability)}>{ "Which report" }</a>{ " step to add it." }</p>
            </article>
        };
    }
    let answers = &ctx.state.answers;
    let dispatch = ctx.state.dispatcher();
    let scale: &'static [crate::catalog::ScaleOption] = &ctx.catalog.manifest.scale;
    let hidden: Vec<&str> = qn
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter(|q| !r.visibility.question(&q.id) && answers.get(&q.id).is_some())
        .map(|q| q.text.as_str())
        .collect();
    let shown: Vec<(AttrValue, AttrValue)> = qn
        .sections
        .iter()
        .filter(|s| r.visibility.section(&s.id))
        .flat_map(|s| &s.questions)
        .filter(|q| r.visibility.question(&q.id))
        .map(|q| {
            (
                AttrValue::from(q.id.clone()),
                AttrValue::from(q.text.clone()),
            )
        })
        .collect();
    html! {
        <div class="step-layout">
            <article class="page questionnaire">
                <h1>{ qn.title.clone() }</h1>
                if !qn.intro.is_empty() { <Intro text={qn.intro.clone()} class="lead" /> }
                <Announcer step={qn.id.clone()} shown={shown} />
                // Keyed, each list in its own element: a follow-up question or section that
                // appears never replaces the one the user just answered, so focus stays on it.
                <Sections key={qn.id.clone()} sections={
                qn.sections.iter().filter(|s| r.visibility.section(&s.id)).map(|s| {
                    let questions: Vec<_> = s.questions.iter().filter(|q| r.visibility.question(&q.id)).collect();
                    (questions.len(), html! {
                    <section key={s.id.clone()} class="q-section" data-questions={questions.len().to_string()} aria-labelledby={format!("{}-title", s.id)}>
                        <h2 id={format!("{}-title", s.id)}>
                            { s.title.clone() }
                            if let Some(g) = &s.group { <span class="group-id">{ format!(" ({g})") }</span> }
                        </h2>
                        if !s.intro.is_empty() { <Intro text={s.intro.clone()} class="section-intro" /> }
                        <div class="questions">
                        { for questions.into_iter().map(|q| html! {
                            <QuestionView key={q.id.clone()} q={q} scale={scale}
                                answer={answers.get(&q.id).cloned()} note={answers.notes.get(q.id.as_str()).cloned()}
                                dispatch={dispatch.clone()} />
                        }) }
                        </div>
                    </section>
                    })
                }).collect::<Vec<_>>()} />
                if !hidden.is_empty() {
                    <section class="hidden-answers" aria-labelledby="hidden-title">
                        <h2 id="hidden-title">{ "Answers kept but not counted" }</h2>
                        <p>{ "These questions no longer apply because of other answers. Their answers are kept in case you change back, but they count nowhere." }</p>
                        <ul>{ for hidden.iter().map(|t| html! { <li>{ *t }</li> }) }</ul>
                    </section>
                }
                { step_nav(ctx, &route) }
            </article>
            <SidePanel questionnaire={qn.id.clone()} with_decision={qn.id == "applicability" || qn.id == "scope"} />
        </div>
    }
}

/// Questions enough to fill a first screen, even a tall one.
const FIRST_SCREEN_QUESTIONS: usize = 6;

/// How many sections hold the first `questions` questions: `sizes` holds each
/// section's number of shown questions.
fn sections_for(sizes: &[usize], questions: usize) -> usize {
    let mut taken = 0;
    let count = sizes
        .iter()
        .take_while(|&&n| {
            let more = taken < questions;
            taken += n;
            more
        })
        .count();
    count.max(1)
}

#[derive(Properties)]
struct SectionsProps {
    /// Each shown section with its number of shown questions, keyed by section ID.
    sections: Vec<(usize, Html)>,
}

/// Never equal: the sections are new on every render of the step, as when they
/// were drawn in place, and each question compares its own props anyway.
/// Comparing the whole tree here first would only do that work twice.
impl PartialEq for SectionsProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

/// A step's sections: those of the first screen before the first paint, the
/// rest in the frame after it. Drawing the whole Security step at once kept its
/// first screen waiting for a hundred questions nobody could see yet. One keyed
/// list, so the later sections are added after the first ones, never in place of
/// them. A link to one question, or a hidden tab, draws them all at once.
#[component]
fn Sections(p: &SectionsProps) -> Html {
    let all = use_state_eq(|| {
        crate::app::routes::question_in(&crate::app::routes::fragment()).is_some()
            || gloo::utils::document().hidden()
    });
    {
        let all = all.clone();
        use_effect_with((), move |_| {
            let later = (!*all).then(|| in_frame_after_paint(move || all.set(true)));
            move || drop(later)
        });
    }
    let count = if *all {
        p.sections.len()
    } else {
        let sizes: Vec<usize> = p.sections.iter().map(|(n, _)| *n).collect();
        sections_for(&sizes, FIRST_SCREEN_QUESTIONS)
    };
    html! {
        <div class="sections" data-drawn={if *all { "all" } else { "part" }}>
            { for p.sections.iter().take(count).map(|(_, s)| s.clone()) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct IntroProps {
    text: AttrValue,
    class: &'static str,
}

/// An introduction that, on a phone, shows its first lines until asked for more,
/// so the first question fits the first screen (screen readers read it all; on a
/// wide screen it is always whole and the button is not shown).
#[component]
fn Intro(p: &IntroProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
            <p class={classes!(p.class, "intro", (!*open).then_some("clamped"))}>{ p.text.clone() }</p>
            <button type="button" class="link intro-more" aria-expanded={open.to_string()} onclick={toggle}>
                { if *open { "Less" } else { "More" } }
            </button>
        </>
    }
}
