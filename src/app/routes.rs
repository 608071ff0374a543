//! Hash routes, so every step has a URL on any static host and Back/Forward move between steps.

use yew_router::Routable;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Welcome,
    #[at("/scope")]
    Scope,
    #[at("/applicability")]
    Applicability,
    #[at("/category/:id")]
    Category { id: String },
    #[at("/review")]
    Review,
    #[at("/results")]
    Results,
    /// A read-only summary someone shared: the data is the link itself.
    #[at("/shared/:data")]
    Shared { data: String },
    /// A sales team's invitation: a message and answers filled in ahead.
    #[at("/start/:data")]
    Invitation { data: String },
    /// Where a sales team makes such an invitation.
    #[at("/invite")]
    InviteBuilder,
    #[not_found]
    #[at("/404")]
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
}

/// The link target of a route: plain anchors to `#/...` are keyboard- and
/// screen-reader-native, and the hash router follows them.
pub fn href(route: &Route) -> String {
    format!("#{}", route.to_path())
}
