//! The page frame: skip link, header, the step list with progress, and the routed page.

use crate::app::components::notices::Notices;
use crate::app::lazy::{LazyPage, Part};
use crate::app::pages::{
    questionnaire::questionnaire_page, review::review_page, welcome::welcome_page,
};
use crate::app::routes::href;
use crate::app::routes::Route;
use crate::app::Ctx;
use crate::engine::visibility::Count;
use yew::prelude::*;

/// One step of the flow as the sidebar shows it.
#[derive(Clone, PartialEq)]
pub struct Step {
    pub route: Route,
    pub label: String,
    pub count: Option<Count>,
}

/// The steps in order: welcome, scope, applicability, each category in scope, review, results.
pub fn steps(ctx: &Ctx) -> Vec<Step> {
    let r = &ctx.readiness;
    let mut out = vec![Step {
        route: Route::Welcome,
        label: "Welcome".into(),
        count: None,
    }];
    for qn in ctx
        .catalog
        .questionnaires
        .iter()
        .filter(|q| r.visibility.questionnaire(&q.id))
    {
        let count = r
            .progress
            .questionnaires
            .iter()
            .find(|(id, _)| *id == qn.id)
            .map(|(_, c)| *c);
        out.push(Step {
            route: Route::for_questionnaire(&qn.id),
            label: qn.title.to_string(),
            count,
        });
    }
    out.push(Step {
        route: Route::Review,
        label: "Check your answers".into(),
        count: None,
    });
    out.push(Step {
        route: Route::Results,
        label: "Results".into(),
        count: None,
    });
    out
}

#[component]
pub fn Layout() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let route = crate::app::routes::use_route();
    // First of all effects that read the page (children's run earlier and do not).
    use_effect_with((), |_| {
        crate::app::show_root();
        crate::app::lazy::prefetch_after_paint();
    });
    // A new step starts at the top, with focus on the content for keyboard and screen-reader users.
    let first = use_mut_ref(|| true);
    // Measuring the step list forces a layout: wait for the one the browser does
    // before painting the frame anyway, rather than force one more now.
    let reveal = use_mut_ref(|| None::<gloo::render::AnimationFrame>);
    use_effect_with(route.clone(), move |_| {
        *reveal.borrow_mut() = Some(gloo::render::request_animation_frame(|_| {
            reveal_current_step()
        }));
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            focus_main();
        }
    });
    // A link to one question (from "Check your answers") puts the focus on it.
    use_effect_with(crate::app::routes::fragment(), |f| {
        if let Some(q) = crate::app::routes::question_in(f) {
            focus_question(q);
        }
    });
    let all = steps(&ctx);
    let overall = ctx.readiness.progress.overall;
    let current = ctx.current_name();
    let main = match route.clone() {
        Route::Welcome => welcome_page(&ctx),
        Route::NotFound => not_found(),
        Route::Shared { .. } => html! { <LazyPage part={Part::Shared} route={route.clone()} /> },
        Route::Invitation { .. } | Route::InviteBuilder => {
            html! { <LazyPage part={Part::Invite} route={route.clone()} /> }
        }
        Route::Scope => questionnaire_page(&ctx, "scope"),
        Route::Applicability => questionnaire_page(&ctx, "applicability"),
        Route::Category { id } => questionnaire_page(&ctx, &id),
        Route::Review => review_page(&ctx),
        Route::Results => html! { <LazyPage part={Part::Results} route={route.clone()} /> },
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <header class="app-header">
                <span class="brand">{ "SOC readiness" }</span>
                <a class="current-assessment" href={href(&Route::Welcome)} data-testid="current-assessment"
                    aria-label={format!("Open assessment: {current}. Show all assessments")}>
                    <span class="label">{ "Assessment: " }</span><span class="name">{ current }</span>
                </a>
                <span class="privacy-note">{ "Your answers stay in this browser." }</span>
            </header>
            <Notices />
            <div class="frame">
                <nav class="steps" aria-label="Assessment steps">
                    <p class="overall-progress" id="overall-progress-label">
                        { format!("{} of {} questions answered", overall.answered, overall.applicable) }
                    </p>
                    <progress aria-labelledby="overall-progress-label" value={overall.answered.to_string()} max={overall.applicable.max(1).to_string()}></progress>
                    <ol>
                        { for all.into_iter().map(|s| {
                            let current = s.route == route;
                            let done = s.count.is_some_and(|c| c.applicable > 0 && c.answered == c.applicable);
                            html! {
                                <li class={classes!(current.then_some("current"), done.then_some("done"))}>
                                    <a href={href(&s.route)}>
                                        <span aria-current={current.then_some("step")}>{ s.label.clone() }</span>
                                        if let Some(c) = s.count {
                                            <span class="count">{ format!("{} of {}", c.answered, c.applicable) }</span>
                                        }
                                    </a>
                                </li>
                            }
                        }) }
                    </ol>
                </nav>
                <main id="main" tabindex="-1">{ main }</main>
            </div>
        </>
    }
}

/// Focuses the first control of a question, which also scrolls it into view.
fn focus_question(id: &str) {
    use wasm_bindgen::JsCast;
    let selector = format!(
        "fieldset[data-question=\"{id}\"] input, fieldset[data-question=\"{id}\"] textarea"
    );
    if let Some(el) = gloo::utils::document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// On a phone the step list scrolls sideways: bring the current step into view,
/// centred, without moving the page.
fn reveal_current_step() {
    use wasm_bindgen::JsCast;
    let doc = gloo::utils::document();
    let (Some(list), Some(item)) = (
        doc.query_selector(".steps ol").ok().flatten(),
        doc.query_selector(".steps li.current")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    ) else {
        return;
    };
    if list.scroll_width() > list.client_width() {
        let left = item.offset_left() - (list.client_width() - item.offset_width()) / 2;
        list.set_scroll_left(left.max(0));
    }
}

pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document()
        .get_element_by_id("main")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// An address the app does not know: say so, and offer the way back.
fn not_found() -> Html {
    html! {
        <article class="page">
            <h1>{ "Page not found" }</h1>
            <p>{ "This address does not lead to a page of the assessment. Nothing you saved has changed." }</p>
            <a class="button primary" href={href(&Route::Welcome)}>{ "Go to your assessments" }</a>
        </article>
    }
}

/// Hash routing owns the fragment, so the skip link moves focus itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus_main();
    })
}

/// The step before and after `route`, for the Back / Continue links.
pub fn neighbours(ctx: &Ctx, route: &Route) -> (Option<Step>, Option<Step>) {
    let all = steps(ctx);
    let i = all.iter().position(|s| &s.route == route);
    match i {
        Some(i) => (
            i.checked_sub(1).map(|j| all[j].clone()),
            all.get(i + 1).cloned(),
        ),
        None => (None, None),
    }
}

/// Back / Continue links at the foot of a step.
pub fn step_nav(ctx: &Ctx, route: &Route) -> Html {
    let (prev, next) = neighbours(ctx, route);
    html! {
        <nav class="step-nav" aria-label="Step navigation">
            if let Some(p) = prev {
                <a href={href(&p.route)} class="button secondary">{ format!("← {}", p.label) }</a>
            }
            if let Some(n) = next {
                <a href={href(&n.route)} class="button primary">{ format!("Continue: {} →", n.label) }</a>
            }
        </nav>
    }
}
