//! Sharing from the results: a link whose data sits in the URL fragment (no
//! server ever sees it), a copy button, and the link in a field to select by hand.

use crate::app::files;
use crate::app::pages::results::Evaluated;
use crate::app::routes::Route;
use crate::app::Ctx;
use crate::report::share::{self, ShareOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The app's own address without its fragment, so links work from any folder of any host.
pub fn app_address() -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// A link to `route` in this copy of the app.
pub fn link_to(route: &Route) -> String {
    format!("{}#{}", app_address(), route.to_path())
}

fn checked(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// A link field with a Copy button; the field is the fallback when the clipboard is refused.
#[derive(Properties, PartialEq)]
pub struct CopyFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub link: AttrValue,
}

#[component]
pub fn CopyField(p: &CopyFieldProps) -> Html {
    let status = use_state(String::new);
    let copy = {
        let (status, link, id) = (status.clone(), p.link.to_string(), p.id.to_string());
        Callback::from(move |_| {
            let status = status.clone();
            let id = id.clone();
            files::copy(link.clone(), move |ok| {
                if ok {
                    status.set("Link copied.".into());
                } else {
                    // Select the text so Ctrl+C or the context menu copies it.
                    if let Some(input) = gloo::utils::document()
                        .get_element_by_id(&id)
                        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        let _ = input.focus();
                        input.select();
                    }
                    status.set("The browser did not allow copying: the link is selected, copy it with Ctrl+C (⌘C).".into());
                }
            });
        })
    };
    let select = Callback::from(|e: FocusEvent| {
        if let Some(i) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            i.select();
        }
    });
    html! {
        <div class="copy-field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <div class="copy-row">
                <input id={p.id.clone()} type="text" readonly=true value={p.link.clone()} onfocus={select} data-testid={p.id.clone()} />
                <button type="button" class="button primary" onclick={copy}>{ "Copy link" }</button>
            </div>
            <p class="sub" role="status">{ (*status).clone() }</p>
        </div>
    }
}

#[component]
pub fn SharePanel() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let full = use_context::<Evaluated>()
        .expect("the results' evaluation")
        .0;
    let options = use_state(ShareOptions::default);
    let link = share::encode(
        ctx.catalog,
        &ctx.state.snapshot(),
        &full,
        &crate::app::today(),
        *options,
    );
    let set = |change: fn(&mut ShareOptions, bool)| {
        let options = options.clone();
        Callback::from(move |e: Event| {
            let mut next = *options;
            change(&mut next, checked(&e));
            options.set(next);
        })
    };
    let has_notes = !ctx.state.answers.notes.is_empty();
    html! {
        <section class="share no-print" aria-labelledby="share-title">
            <h2 id="share-title">{ "Share a summary" }</h2>
            <p>{ "The link holds the summary itself, after the # sign: it is never sent to any server, this one included. Anyone with the link can read it, so send it only to people who should." }</p>
            <fieldset class="share-options">
                <legend>{ "What the link includes" }</legend>
                <label><input type="checkbox" id="share-gaps" checked={options.gaps} onchange={set(|o, on| { o.gaps = on; if !on { o.notes = false; } })} />
                    { " The list of gaps, with your control answers (the recipient can save a full copy)" }</label>
                <label><input type="checkbox" id="share-notes" checked={options.notes && options.gaps} disabled={!options.gaps || !has_notes}
                    onchange={set(|o, on| o.notes = on)} />
                    { if has_notes { " Your notes" } else { " Your notes (you have none)" } }</label>
            </fieldset>
            <p class="sub">{ "Always included: company, recommended report, type and window, categories, readiness by category, the expected report date and what customers will have to do." }</p>
            if let Some(url) = link.data.map(|data| link_to(&Route::Shared { data })) {
                <CopyField id="share-link" label="Link to the summary" link={url.clone()} />
                <p class="sub" data-testid="share-length">{ format!("{} characters.", url.len()) }
                    if options.notes && !link.notes_included { { " Your notes did not fit in a link and were left out." } }
                </p>
            } else {
                <p class="warning">{ "This assessment is too large for a link. Download the JSON summary and send the file instead." }</p>
            }
        </section>
    }
}
