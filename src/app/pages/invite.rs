//! Sales invitations: a small builder for the sender, and the page the prospect
//! lands on. Every text in an invitation is shown as text, never as markup.

use crate::app::components::share_panel::{link_to, CopyField};
use crate::app::pages::shared::link_problem;
use crate::app::routes::{href, push, Route};
use crate::app::workspace::Notice;
use crate::app::{fresh_snapshot, Created, Ctx};
use crate::engine::applicability::{CATEGORY_CHOICE, SECURITY, SECURITY_ONLY};
use crate::report::export::answer_text;
use crate::report::library::Record;
use crate::report::share::{self, Preset, MAX_CONTACT, MAX_MESSAGE, MAX_ORG};
use crate::report::snapshot::Snapshot;
use crate::{AnswerValue, Answers};
use wasm_bindgen::JsCast;
use yew::prelude::*;

const PROSPECT: &str = "scope.company_name";

fn value_of(e: &InputEvent) -> String {
    let t = e.target();
    t.as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>())
        .map(|i| i.value())
        .or_else(|| {
            t.as_ref()
                .and_then(|t| t.dyn_ref::<web_sys::HtmlTextAreaElement>())
                .map(|i| i.value())
        })
        .unwrap_or_default()
}

/// The scope answers of the open assessment, which the invitation can carry ahead.
fn scope_answers(ctx: &Ctx) -> Answers {
    let mut out = Answers::default();
    if let Some(qn) = ctx.catalog.questionnaire("scope") {
        for q in qn.sections.iter().flat_map(|s| &s.questions) {
            if q.id != PROSPECT {
                if let Some(v) = ctx.state.answers.get(&q.id) {
                    out.values.insert(q.id.to_string(), v.clone());
                }
            }
        }
    }
    out
}

#[derive(Clone, Default, PartialEq)]
struct Form {
    contact: String,
    organisation: String,
    prospect: String,
    message: String,
    categories: Vec<String>,
    with_scope: bool,
}

#[component]
pub fn InviteBuilder() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let form = use_state(Form::default);
    let scope = scope_answers(&ctx);
    let mut answers = if form.with_scope {
        scope.clone()
    } else {
        Answers::default()
    };
    if !form.prospect.trim().is_empty() {
        answers = answers.with(PROSPECT, form.prospect.trim());
    }
    let preset = Preset {
        organisation: form.organisation.trim().to_owned(),
        contact: form.contact.trim().to_owned(),
        message: form.message.trim().to_owned(),
        categories: form.categories.clone(),
        answers,
    };
    let link = share::encode_preset(ctx.catalog, &preset);
    let text = |change: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            change(&mut next, value_of(&e));
            form.set(next);
        })
    };
    let field = |id: &str, label: &str, value: &str, max: usize, on: Callback<InputEvent>| {
        html! {
            <p class="field">
                <label for={id.to_owned()}>{ label.to_owned() }</label>
                <input id={id.to_owned()} type="text" maxlength={max.to_string()} value={value.to_owned()} oninput={on} />
            </p>
        }
    };
    let count = form.message.chars().count();
    html! {
        <article class="page invite-builder">
            <h1>{ "Invite a prospect" }</h1>
            <p class="lead">{ "Make a link that opens this assessment for a prospect with your message, their company name and, if you like, the scope filled in ahead. The link carries everything itself; nothing is sent anywhere." }</p>
            <form class="invite-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { field("invite-contact", "Your name", &form.contact, MAX_CONTACT, text(|f, v| f.contact = v)) }
                { field("invite-organisation", "Your company", &form.organisation, MAX_ORG, text(|f, v| f.organisation = v)) }
                { field("invite-prospect", "The prospect's company", &form.prospect,
                    ctx.catalog.question(PROSPECT).and_then(|q| q.max).unwrap_or(120.0) as usize, text(|f, v| f.prospect = v)) }
                <p class="field">
                    <label for="invite-message">{ "Message (plain text)" }</label>
                    <textarea id="invite-message" rows="4" maxlength={MAX_MESSAGE.to_string()} value={form.message.clone()}
                        oninput={text(|f, v| f.message = v)} aria-describedby="invite-message-count" />
                    <span class="sub" id="invite-message-count">{ format!("{count} of {MAX_MESSAGE} characters") }</span>
                </p>
                <fieldset>
                    <legend>{ "Categories to suggest (none: follow the recommendation)" }</legend>
                    { for ctx.catalog.manifest.categories.iter().filter(|c| c.report == crate::catalog::kinds::Report::Soc2).map(|c| {
                        let on = form.categories.iter().any(|x| *x == c.id);
                        let (form, id) = (form.clone(), c.id.clone());
                        html! {
                            <label class="option"><input type="checkbox" id={format!("invite-cat-{}", c.id)} checked={on}
                                onchange={Callback::from(move |_| {
                                    let mut next = (*form).clone();
                                    if on { next.categories.retain(|x| *x != id); } else { next.categories.push(id.to_string()); }
                                    form.set(next);
                                })} />{ format!(" {}", c.name) }</label>
                        }
                    }) }
                </fieldset>
                <label class="option">
                    <input type="checkbox" id="invite-scope" checked={form.with_scope} disabled={scope.values.is_empty()}
                        onchange={{ let form = form.clone(); Callback::from(move |_| { let mut n = (*form).clone(); n.with_scope = !n.with_scope; form.set(n); }) }} />
                    { format!(" Fill in the scope answers of the open assessment ({} answers)", scope.values.len()) }
                </label>
            </form>
            { match link {
                Ok(data) => html! { <CopyField id="invite-link" label="Invitation link" link={link_to(&Route::Invitation { data })} /> },
                Err(p) => html! { <p class="warning" role="alert">{ format!("No link yet: {}", p) }</p> },
            } }
            <a href={href(&Route::Welcome)}>{ "Back to your assessments" }</a>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct InvitationProps {
    pub data: AttrValue,
}

/// The `app.categories` answer that puts these categories in scope.
fn category_answer(categories: &[String]) -> Option<AnswerValue> {
    let extra: Vec<String> = categories
        .iter()
        .filter(|c| *c != SECURITY)
        .cloned()
        .collect();
    match (categories.is_empty(), extra.is_empty()) {
        (true, _) => None,
        (false, true) => Some(AnswerValue::Many(vec![SECURITY_ONLY.to_owned()])),
        (false, false) => Some(AnswerValue::Many(extra)),
    }
}

#[component]
pub fn Invitation(p: &InvitationProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let preset = use_memo(p.data.clone(), |d| {
        share::decode_preset(crate::app::catalog(), d)
    });
    let preset = match &*preset {
        Ok(p) => p.clone(),
        Err(problem) => return link_problem("This invitation cannot be opened", &problem.reason),
    };
    let from = [preset.contact.as_str(), preset.organisation.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let start = {
        let (ctx, preset) = (ctx.clone(), preset.clone());
        Callback::from(move |_| {
            let mut answers = preset.answers.clone();
            answers.set(CATEGORY_CHOICE, category_answer(&preset.categories));
            let created = ctx.create(Record {
                created: crate::app::today(),
                updated: crate::app::today(),
                snapshot: Snapshot {
                    answers,
                    ..fresh_snapshot()
                },
                ..Record::default()
            });
            if created == Created::Saved {
                ctx.notify(Notice::info("Your assessment has started, filled in from the invitation. It is saved in this browser only."));
            }
            if created != Created::NotOpened {
                push(&Route::Scope);
            }
        })
    };
    html! {
        <article class="page invitation" data-testid="invitation">
            <h1>{ "You are invited to a SOC readiness self-assessment" }</h1>
            if !from.is_empty() { <p class="lead" data-testid="invitation-from">{ format!("From {from}") }</p> }
            if !preset.message.is_empty() {
                <blockquote class="message" data-testid="invitation-message">{ preset.message.clone() }</blockquote>
            }
            <p>{ "Your answers stay in this browser: nothing is sent to the sender or anyone else unless you choose to share it." }</p>
            if !preset.answers.values.is_empty() {
                <h2>{ "Filled in ahead" }</h2>
                <ul class="prefilled">
                    { for preset.answers.values.iter().map(|(id, v)| html! {
                        <li>{ format!("{}: {}", ctx.catalog.question(id).map_or(id.as_str(), |q| q.text.as_str()), answer_text(ctx.catalog, id, v)) }</li>
                    }) }
                </ul>
            }
            if !preset.categories.is_empty() {
                <p>{ format!("Suggested categories: {}", preset.categories.iter().map(|c| ctx.catalog.category(c).map_or(c.to_string(), |x| x.name.to_string())).collect::<Vec<_>>().join(", ")) }</p>
            }
            <button type="button" class="button primary" onclick={start} data-testid="start-invited">{ "Start my assessment" }</button>
            <p class="sub">{ "This starts a new assessment; any you already have here stay as they are." }</p>
        </article>
    }
}
