//! Hash routes, so every step has a URL on any static host and Back/Forward
//! move between steps. The browser keeps the history of fragment changes
//! itself; all the app needs is to read the fragment and follow its changes.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Welcome,
    Scope,
    Applicability,
    Category {
        id: String,
    },
    Review,
    Results,
    /// A read-only summary someone shared: the data is the link itself.
    Shared {
        data: String,
    },
    /// A sales team's invitation: a message and answers filled in ahead.
    Invitation {
        data: String,
    },
    /// Where a sales team makes such an invitation.
    InviteBuilder,
    NotFound,
}

impl Route {
    /// The route of a questionnaire step.
    pub fn for_questionnaire(id: &str) -> Route {
        match id {
            "scope" => Route::Scope,
            "applicability" => Route::Applicability,
            other => Route::Category {
                id: other.to_owned(),
            },
        }
    }

    /// Reads a fragment such as `#/category/security`. The leading `#` and `/`
    /// are optional, so `#results` works too; anything else is not found.
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.strip_suffix('/').unwrap_or(path);
        let data = |d: &str| (!d.is_empty() && !d.contains('/')).then(|| d.to_owned());
        match path.split_once('/') {
            None => match path {
                "" => Route::Welcome,
                "scope" => Route::Scope,
                "applicability" => Route::Applicability,
                "review" => Route::Review,
                "results" => Route::Results,
                "invite" => Route::InviteBuilder,
                _ => Route::NotFound,
            },
            Some(("category", id)) => data(id).map_or(Route::NotFound, |id| Route::Category { id }),
            Some(("shared", d)) => data(d).map_or(Route::NotFound, |data| Route::Shared { data }),
            Some(("start", d)) => {
                data(d).map_or(Route::NotFound, |data| Route::Invitation { data })
            }
            Some(_) => Route::NotFound,
        }
    }

    /// The path after the `#`.
    pub fn to_path(&self) -> String {
        match self {
            Route::Welcome => "/".into(),
            Route::Scope => "/scope".into(),
            Route::Applicability => "/applicability".into(),
            Route::Category { id } => format!("/category/{id}"),
            Route::Review => "/review".into(),
            Route::Results => "/results".into(),
            Route::Shared { data } => format!("/shared/{data}"),
            Route::Invitation { data } => format!("/start/{data}"),
            Route::InviteBuilder => "/invite".into(),
            Route::NotFound => "/not-found".into(),
        }
    }
}

/// The link target of a route: plain anchors to `#/...` are keyboard- and
/// screen-reader-native, and the browser records them in its history.
pub fn href(route: &Route) -> String {
    format!("#{}", route.to_path())
}

/// A link to one question of a step: `#/category/security?q=<question id>`.
pub fn question_href(route: &Route, question: &str) -> String {
    format!("#{}?q={question}", route.to_path())
}

/// The question the fragment points at, if any (see [`question_href`]).
pub fn question_in(fragment: &str) -> Option<&str> {
    fragment
        .split_once("?q=")
        .map(|(_, q)| q)
        .filter(|q| !q.is_empty())
}

/// The fragment as it is now, for effects that follow it.
pub fn fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Moves to `route`, as following a link would.
pub fn push(route: &Route) {
    let _ = gloo::utils::window().location().set_hash(&route.to_path());
}

fn current() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The route in the address bar, following every change (links, Back, Forward, typing).
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    route.set(current())
                });
            move || drop(listener)
        });
    }
    (*route).clone()
}
