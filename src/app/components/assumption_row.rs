//! One editable assumption: low, likely and high. A value outside the bounds or
//! out of order is shown with a message and not used; nothing is re-sorted.

use crate::app::state::{Action, State};
use crate::catalog::estimation::Param;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssumptionRowProps {
    pub key_name: String,
    pub param: Param,
    pub dispatch: UseReducerDispatcher<State>,
}

const COLUMNS: [&str; 3] = ["low", "likely", "high"];

/// A value as typed back to the user: full precision, so 0.125 stays 0.125.
fn exact(v: f64) -> String {
    format!("{v}")
}

#[component]
pub fn AssumptionRow(p: &AssumptionRowProps) -> Html {
    // The column refused and why; cleared when the values in use change (reset, another tab).
    let problem = use_state(|| None::<(usize, String)>);
    let range = p.param.range;
    {
        let problem = problem.clone();
        use_effect_with(range.map(f64::to_bits), move |_| problem.set(None));
    }
    let [lo, hi] = p.param.limits();
    let error_id = format!("{}-error", p.key_name.replace('.', "-"));
    let cells = (0..3)
        .map(|i| {
            let invalid = problem.as_ref().is_some_and(|(col, _)| *col == i);
            let (problem, dispatch, key, param) = (
                problem.clone(),
                p.dispatch.clone(),
                p.key_name.clone(),
                p.param.clone(),
            );
            let onchange = Callback::from(move |e: Event| {
                let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                else {
                    return;
                };
                let raw = input.value();
                let mut r = param.range;
                match raw.trim().parse::<f64>() {
                    Ok(v) if v.is_finite() => r[i] = v,
                    _ => {
                        problem.set(Some((i, format!(
                            "Enter a number from {} to {}; the estimate still uses {}.",
                            exact(lo),
                            exact(hi),
                            exact(param.range[i])
                        ))));
                        return;
                    }
                }
                if param.accepts(&r) {
                    problem.set(None);
                    dispatch.dispatch(Action::Override(key.clone(), Some(r)));
                } else if !(lo..=hi).contains(&r[i]) {
                    problem.set(Some((i, format!(
                        "{} must be from {} to {}; the estimate still uses {}.",
                        COLUMNS[i],
                        exact(lo),
                        exact(hi),
                        exact(param.range[i])
                    ))));
                } else {
                    problem.set(Some((i, format!(
                        "Keep low <= likely <= high: {} {} does not fit between the others, so the estimate still uses {}.",
                        COLUMNS[i],
                        exact(r[i]),
                        exact(param.range[i])
                    ))));
                }
            });
            let label = format!("{} ({})", p.param.label, COLUMNS[i]);
            html! {
                <td><input type="number" step="any" min={exact(lo)} max={exact(hi)}
                    aria-label={label} value={exact(range[i])}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then(|| error_id.clone())}
                    {onchange} /></td>
            }
        })
        .collect::<Html>();
    html! {
        <>
            <tr data-assumption={p.key_name.clone()}><th scope="row">{ p.param.label.clone() }</th>{ cells }</tr>
            if let Some((_, msg)) = &*problem {
                <tr class="assumption-problem"><td colspan="4"><p class="warning" id={error_id.clone()} role="alert">{ msg.clone() }</p></td></tr>
            }
        </>
    }
}
