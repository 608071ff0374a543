//! The results dashboard: scores, decision, gaps, timeline and cost, each with its reasons.

use crate::app::components::assumption_row::AssumptionRow;
use crate::app::components::auditor_pack::AuditorPack;
use crate::app::components::charts::{bar_chart, gantt, BarRow};
use crate::app::components::date_field::DateField;
use crate::app::components::decision::decision_panel;
use crate::app::components::share_panel::SharePanel;
use crate::app::components::summary::band_label;
use crate::app::files;
use crate::app::format::{money, money_range, number_range, score, trim};
use crate::app::state::{Action, GapFilter};
use crate::app::Ctx;
use crate::catalog::estimation::EstimationParams;
use crate::estimate::range::{number, Driver};
use crate::{evaluate, Readiness};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn drivers_table(
    ctx: &Ctx,
    caption: &str,
    drivers: &[Driver],
    money_unit: bool,
    total_label: &str,
) -> Html {
    let fmt = |r: &crate::estimate::range::Range| {
        if money_unit {
            money_range(r)
        } else {
            number_range(&r.map(f64::round), "h")
        }
    };
    let sources = &ctx.catalog.estimation.sources;
    let total = crate::estimate::range::total(drivers);
    html! {
        <table class="drivers">
            <caption>{ caption.to_owned() }</caption>
            <thead><tr><th scope="col">{ "Driver" }</th><th scope="col">{ "Amount" }</th><th scope="col">{ "Basis" }</th></tr></thead>
            <tbody>
                { for drivers.iter().map(|d| html! {
                    <tr data-driver={d.key.clone()}>
                        <th scope="row">{ d.label.clone() }</th>
                        <td data-label="Amount">{ format!("+{}", fmt(&d.amount)) }</td>
                        <td data-label="Basis">{ match (d.assumption, d.source.as_ref().and_then(|s| sources.get(s))) {
                            (true, _) => html! { "Assumption (editable)" },
                            (false, Some(s)) => html! { <a href={s.url.clone()} rel="noopener noreferrer external" target="_blank">{ s.title.clone() }</a> },
                            (false, None) => html! { "From your answers" },
                        } }</td>
                    </tr>
                }) }
            </tbody>
            <tfoot><tr><th scope="row">{ total_label.to_owned() }</th><td colspan="2">{ fmt(&total) }</td></tr></tfoot>
        </table>
    }
}

/// One figure card: label, value, a line under it, and a test hook when given.
fn card(label: &str, value: String, sub: String, testid: &'static str) -> Html {
    html! {
        <div class="card">
            <span class="label">{ label.to_owned() }</span>
            <span class="value small" data-testid={(!testid.is_empty()).then_some(testid)}>{ value }</span>
            if !sub.is_empty() { <span class="sub">{ sub }</span> }
        </div>
    }
}

fn span(r: &crate::estimate::range::Range) -> String {
    format!("{} – {}", money(r.low), money(r.high))
}

fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}
fn input(e: &Event) -> Option<HtmlInputElement> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
}

/// The whole evaluation, for the results' components: the questionnaire keeps
/// only the live part (see [`crate::assessment::Live`]).
pub type Evaluated = crate::app::Same<Readiness>;

/// The results page. It evaluates the inputs whole, again only when they change:
/// the app's live result is remade exactly then, so it is the key.
#[component]
pub fn ResultsPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let full = {
        let ctx = ctx.clone();
        use_memo(crate::app::Same(ctx.readiness.clone()), move |_| {
            evaluate(ctx.catalog, &ctx.state.answers, &ctx.state.assumptions)
        })
    };
    html! {
        <ContextProvider<Evaluated> context={crate::app::Same(full.clone())}>
            { results_page(&ctx, &full) }
        </ContextProvider<Evaluated>>
    }
}

fn results_page(ctx: &Ctx, full: &Readiness) -> Html {
    let r = &ctx.readiness;
    let cat = ctx.catalog;
    // The parameters in use, with the user's assumptions, made once per render.
    let params = cat
        .estimation
        .with_overrides(&ctx.state.assumptions.overrides);
    let overall = &r.scores.overall;
    let company = ctx
        .state
        .answers
        .get("scope.company_name")
        .and_then(|a| a.as_str())
        .unwrap_or("Your company")
        .to_owned();
    let cat_rows: Vec<BarRow> = r
        .scores
        .categories
        .iter()
        .map(|s| BarRow {
            label: cat
                .category(&s.id)
                .map_or(s.id.to_string(), |c| c.name.to_string()),
            design: s.design,
            operating: s.operating,
        })
        .collect();
    let group_rows: Vec<BarRow> = r
        .scores
        .groups
        .iter()
        .map(|s| BarRow {
            label: cat
                .group(&s.id)
                .map_or(s.id.to_string(), |g| format!("{} {}", g.id, g.name)),
            design: s.design,
            operating: s.operating,
        })
        .collect();
    html! {
        <article class="page results">
            <header class="report-head">
                <h1>{ "Readiness results" }</h1>
                <p class="meta">{ format!("{company} · assessed {} · questionnaire {}", crate::app::today(), cat.manifest.version) }</p>
                <p class="disclaimer" data-testid="disclaimer">{ cat.manifest.disclaimer.clone() }</p>
                <p class="actions no-print">
                    <button type="button" class="button secondary" data-testid="print"
                        onclick={Callback::from(|_| { let _ = gloo::utils::window().print(); })}>
                        { "Print or save as PDF" }
                    </button>
                    <button type="button" class="button secondary" data-testid="export-json" onclick={files::on_download(ctx, files::download_json)}>
                        { "Download summary (JSON)" }
                    </button>
                    <button type="button" class="button secondary" data-testid="export-csv" onclick={files::on_download(ctx, files::download_csv)}>
                        { "Download gaps (CSV)" }
                    </button>
                </p>
            </header>
            <section class="headline-scores" aria-labelledby="scores-title">
                <h2 id="scores-title">{ match (r.decision.categories_in_scope.is_empty(), r.scores.reports.is_empty()) {
                    (true, _) => "SOC 1 readiness",
                    (false, false) => "SOC 2 readiness",
                    (false, true) => "Overall readiness",
                } }</h2>
                <div class="cards">
                    <div class="card big">
                        <span class="value"><span data-testid="results-overall">{ score(overall.target) }</span><span class="out-of">{ " / 100" }</span></span>
                        <span class={classes!("band", overall.band.clone())}>{ band_label(ctx, overall) }</span>
                        <span class="sub">{ format!("for a {} report", r.decision.report_type.id.name()) }</span>
                    </div>
                    // The headline card is the SOC 2; the other report gets its own card.
                    { for r.scores.reports.iter().filter(|s| s.id != crate::catalog::kinds::Report::Soc2.id()).map(|s| {
                        let name = crate::catalog::kinds::Report::from_id(&s.id).map_or("", |x| x.name());
                        card(&format!("{name} readiness"), format!("{} / 100", score(s.target)), band_label(ctx, s), "")
                    }) }
                    { card("Design (Type I)", format!("{} / 100", score(overall.design)), String::new(), "") }
                    { card("Operating (Type II)", format!("{} / 100", score(overall.operating)), String::new(), "") }
                    { card("Confidence", format!("{}%", trim(overall.confidence)), format!("{} of {} control questions answered", overall.answered, overall.applicable), "") }
                </div>
                if !overall.key_gaps.is_empty() {
                    <p class="warning">{ format!("{} key control(s) fall short of what a {} needs, so the band is capped.", overall.key_gaps.len(), r.decision.report_type.id.name()) }</p>
                }
                { explanation(ctx) }
                { bar_chart("Readiness by category", &cat_rows) }
                { bar_chart("Readiness by criterion group", &group_rows) }
            </section>
            { decision_panel(ctx) }
            { gap_list(ctx) }
            { policy_checklist(ctx, full) }
            <AuditorPack />
            { timeline_section(ctx, full, &params) }
            { cost_section(ctx, full, &params) }
            <SharePanel />
        </article>
    }
}

/// The answers that pulled the overall score furthest below 100, and by how much.
fn explanation(ctx: &Ctx) -> Html {
    let type1 = ctx.readiness.decision.is_type1();
    let mut moves = ctx.readiness.overall_contributions.clone();
    let delta = |c: &crate::engine::scoring::Contribution| {
        if type1 {
            c.design_delta
        } else {
            c.operating_delta
        }
    };
    moves.retain(|c| delta(c) < -0.05);
    if moves.is_empty() {
        return html! {};
    }
    html! {
        <details class="explain">
            <summary>{ format!("What moved the overall score ({} answers below full marks)", moves.len()) }</summary>
            <p class="sub">{ "Each answer's share of the points lost; 100 minus all of them is the score." }</p>
            <ol>
                { for moves.iter().take(10).map(|c| html! {
                    <li>{ format!("{} points: {}", number((delta(c) * 10.0).round() / 10.0), ctx.catalog.question(&c.question).map_or(c.question.as_str(), |q| q.text.as_str())) }</li>
                }) }
            </ol>
        </details>
    }
}

fn gap_list(ctx: &Ctx) -> Html {
    let f = &ctx.state.gap_filter;
    let (category, key_only, effort) = (&f.category, f.key_only, &f.effort);
    let r = &ctx.readiness;
    let shown: Vec<_> = r
        .gaps
        .iter()
        .filter(|g| {
            // A control asked once counts under every category whose criteria it covers.
            (category == "all"
                || g.category == *category
                || g.criteria.iter().any(|c| {
                    ctx.catalog
                        .criterion(c)
                        .and_then(|c| ctx.catalog.group(&c.group))
                        .is_some_and(|grp| grp.category == *category)
                }))
                && (!key_only || g.key)
                && match effort.as_str() {
                    "small" => g.remaining_days <= 2.0,
                    "medium" => g.remaining_days > 2.0 && g.remaining_days <= 5.0,
                    "large" => g.remaining_days > 5.0,
                    _ => true,
                }
        })
        .collect();
    let set = |change: fn(&mut GapFilter, &Event)| {
        let d = ctx.state.dispatcher();
        let f = f.clone();
        Callback::from(move |e: Event| {
            let mut next = f.clone();
            change(&mut next, &e);
            d.dispatch(Action::GapFilter(next));
        })
    };
    let on_cat = set(|f, e| f.category = select_value(e));
    let on_key = set(|f, e| f.key_only = input(e).is_some_and(|i| i.checked()));
    let on_effort = set(|f, e| f.effort = select_value(e));
    let option_label = |id: &str| {
        ctx.catalog
            .scale_option(id)
            .map_or(id.to_owned(), |o| o.label.to_string())
    };
    html! {
        <section class="gaps" aria-labelledby="gaps-title">
            <h2 id="gaps-title">{ format!("Gaps to close ({})", r.gaps.len()) }</h2>
            <div class="filters no-print">
                <label>{ "Category " }
                    <select id="gap-category" onchange={on_cat}>
                        <option value="all" selected={category == "all"}>{ "All" }</option>
                        { for r.decision.assessed.iter().map(|c| html! {
                            <option value={c.clone()} selected={category == c}>{ ctx.catalog.category(c).map_or(c.clone(), |x| x.name.clone()) }</option>
                        }) }
                    </select>
                </label>
                <label><input type="checkbox" id="gap-key-only" checked={key_only} onchange={on_key} />{ " Key controls only" }</label>
                <label>{ "Effort " }
                    <select id="gap-effort" onchange={on_effort}>
                        { for [("any", "Any"), ("small", "Up to 2 days"), ("medium", "2 to 5 days"), ("large", "Over 5 days")].into_iter().map(|(v, l)| html! {
                            <option value={v} selected={effort == v}>{ l }</option>
                        }) }
                    </select>
                </label>
            </div>
            <p class="sub" aria-live="polite">{ format!("Showing {} of {}", shown.len(), r.gaps.len()) }</p>
            <ol class="gap-list" data-testid="gap-list">
                { for shown.iter().map(|g| {
                    let q = ctx.catalog.question(&g.question);
                    html! {
                        <li data-gap={g.question.clone()} class={classes!(g.key.then_some("key"))}>
                            <p class="gap-title">
                                { q.map_or(g.question.clone(), |q| q.text.clone()) }
                                if g.key { <span class="badge">{ "Key control" }</span> }
                            </p>
                            <p class="gap-meta">{ format!("Answer: {} · {} · criteria {} · about {} person-days",
                                option_label(&g.answer),
                                ctx.catalog.category(&g.category).map_or("", |c| c.name.as_str()),
                                g.criteria.join(", "), trim(g.remaining_days)) }</p>
                            if let Some(q) = q { <p class="advice">{ q.advice.clone() }</p> }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

fn timeline_section(ctx: &Ctx, full: &Readiness, params: &EstimationParams) -> Html {
    let t = &full.estimate.timeline;
    let dispatch = ctx.state.dispatcher();
    let today = crate::app::today();
    let on_start = {
        let today = today.clone();
        Callback::from(move |d: Option<String>| {
            dispatch.dispatch(Action::StartDate(d.unwrap_or_else(|| today.clone())));
        })
    };
    // A plan can start up to a year back (work already under way) and up to three years ahead.
    let (earliest, latest) = start_window(&today);
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{ "Timeline" }</h2>
            <p>
                <DateField id="start-date" label="Start date " value={t.start.clone()} earliest={earliest} latest={latest}
                    onchange={on_start} when_cleared={format!("Cleared: the plan starts today, {today}.")} />
            </p>
            <p class="headline">{ "First report in hand: " }
                <strong data-testid="first-report-date">{ t.first_report.likely.clone() }</strong>
                { format!(" (between {} and {})", t.first_report.low, t.first_report.high) }</p>
            if let Some(asof) = &t.type1_as_of { <p>{ format!("Type I “as of” date: {} (likely).", asof.likely) }</p> }
            <p data-testid="capacity">{ format!("Remediation work: {} at {} FTE", number_range(&t.remediation_person_days, "person-days"), trim(t.capacity_fte)) }
                { if ctx.state.answers.get("scope.compliance_fte").is_none() && ctx.state.answers.get("scope.headcount").is_some() { " (typical for your headcount)" } else { "" } }
                { ". " }<a href={crate::app::routes::question_href(&crate::app::routes::Route::Scope, "scope.compliance_fte")}>{ "Change the capacity" }</a></p>
            { estimate_basis(ctx, params) }
            if let Some(from) = &t.continues_from {
                <p data-testid="renewal">{ format!("Renewal: the next period starts on {from}, the day after the last one ended, so customers see no gap.") }</p>
            }
            if let Some(since) = &t.coverage_lapsed_since {
                <p class="warning" data-testid="renewal">{ format!("Your last period ended on {since}, too long ago to continue from: customers will see a gap in coverage, and the new period starts once you are ready.") }</p>
            }
            if let Some(b) = &t.bridge_letter_from {
                <p>{ format!("Bridge letters will be needed from {} (end of the report period) until the next report.", b.likely) }</p>
            }
            if let Some(fo) = &t.fiscal_overlap {
                <p class={if fo.months < fo.needed_months { "warning" } else { "ok" }} data-testid="fiscal-overlap">
                    { format!("The SOC 1 period overlaps your customers' financial year ending {} by about {} months; their auditors usually need at least {}.", fo.year_end, trim(fo.months), trim(fo.needed_months)) }
                    { if fo.months < fo.needed_months { " Start the period earlier or let it run longer." } else { "" } }
                </p>
            }
            if let Some(d) = &t.deadline {
                if d.met {
                    <p class="ok" data-testid="deadline">{ format!("Your deadline of {} can be met.", d.date) }</p>
                } else {
                    <div class="warning" data-testid="deadline">
                        if d.date < t.start {
                            <p>{ format!("Your deadline of {} is before the plan starts ({}): change the deadline in Scope or the start date above.", d.date, t.start) }</p>
                        } else {
                            <p>{ format!("Your deadline of {} is unlikely to be met. What would help:", d.date) }</p>
                        }
                        if let Some(closest) = d.alternatives.iter().filter(|_| !d.alternatives.iter().any(|a| a.meets_deadline)).min_by(|a, b| a.first_report.likely.cmp(&b.first_report.likely)) {
                            <p data-testid="deadline-closest"><strong>{ format!("Nothing below meets {}, alone or together. The closest is “{}”, with a first report around {}.", d.date, closest.id.label(), closest.first_report.likely) }</strong></p>
                        }
                        <ul>{ for d.alternatives.iter().map(|a| html! {
                            <li>{ format!("{}: first report likely {}{}", a.id.label(), a.first_report.likely, if a.meets_deadline { " — meets the deadline" } else { " — still late" }) }</li>
                        }) }</ul>
                    </div>
                }
            }
            if let Some(obs) = t.phases.iter().find(|p| p.id == "observation") {
                if t.calendar.iter().any(|c| c.must_fit_short_window) {
                    <div class="note" data-testid="annual-controls">
                        <p>{ format!("A {}-month window must contain each yearly control, or the auditor has nothing to test. Schedule these between {} and {}:", t.window_months, obs.start.likely, obs.end.likely) }</p>
                        <ul>{ for t.calendar.iter().filter(|c| c.must_fit_short_window).map(|c| html! { <li>{ c.label.clone() }</li> }) }</ul>
                    </div>
                }
                { control_calendar(ctx, t, obs) }
            }
            { gantt(&t.start, &t.phases) }
        </section>
    }
}

/// The policies a first SOC 2 usually needs, each with its status from the answers.
fn policy_checklist(ctx: &Ctx, full: &Readiness) -> Html {
    let policies = &full.policies;
    if policies.is_empty() {
        return Html::default();
    }
    let open = policies
        .iter()
        .filter(|p| p.status != crate::engine::policies::PolicyStatus::InPlace)
        .count();
    html! {
        <section class="policies" aria-labelledby="policies-title" data-testid="policy-checklist">
            <h2 id="policies-title">{ format!("Policies a first SOC 2 usually needs ({open} of {} not in place)", policies.len()) }</h2>
            <p class="sub">{ "Status from your answers to the questions each policy supports: in place when every answered control is implemented. Common practice, not a list the criteria prescribe." }</p>
            <table class="drivers">
                <caption class="visually-hidden">{ "Policy checklist" }</caption>
                <thead><tr><th scope="col">{ "Policy" }</th><th scope="col">{ "Status" }</th><th scope="col">{ "Questions it supports" }</th></tr></thead>
                <tbody>
                    { for policies.iter().map(|p| html! {
                        <tr data-policy={p.id.clone()} data-status={format!("{:?}", p.status)}>
                            <th scope="row">{ p.title.clone() }</th>
                            <td data-label="Status">{ p.status.label() }</td>
                            <td data-label="Questions">{ p.questions.len() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="no-print">
                <button type="button" class="button secondary" data-testid="export-policies" onclick={files::on_download(ctx, files::download_policies_csv)}>
                    { "Download policy checklist (CSV)" }
                </button>
            </p>
        </section>
    }
}

/// The recurring controls on the window's likely dates, with a CSV download.
fn control_calendar(
    ctx: &Ctx,
    t: &crate::estimate::timeline::Timeline,
    obs: &crate::estimate::timeline::Phase,
) -> Html {
    let every = |m: u32| match m {
        1 => "Monthly".to_owned(),
        3 => "Quarterly".to_owned(),
        12 => "Yearly".to_owned(),
        n => format!("Every {n} months"),
    };
    html! {
        <div class="calendar" data-testid="control-calendar">
            <table class="drivers">
                <caption>{ format!("Control calendar: the observation window, {} to {} (likely dates)", obs.start.likely, obs.end.likely) }</caption>
                <thead><tr><th scope="col">{ "Control" }</th><th scope="col">{ "How often" }</th><th scope="col">{ "Run by" }</th></tr></thead>
                <tbody>
                    { for t.calendar.iter().map(|c| html! {
                        <tr data-control={c.label.clone()}>
                            <th scope="row">{ c.label.clone() }</th>
                            <td data-label="How often">{ every(c.every_months) }</td>
                            <td data-label="Run by">{ c.due.join(", ") }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="no-print">
                <button type="button" class="button secondary" data-testid="export-calendar" onclick={files::on_download(ctx, files::download_calendar_csv)}>
                    { "Download control calendar (CSV)" }
                </button>
            </p>
        </div>
    }
}

/// The dates a plan may start on, around today.
fn start_window(today: &str) -> (String, String) {
    use crate::estimate::date;
    let t = date::parse(today).unwrap_or_else(|| date::parse("2026-01-01").expect("a date"));
    let back = t.replace_year(t.year() - 1).unwrap_or(t);
    let ahead = date::add_months(t, 36).unwrap_or(t);
    (date::format(back), date::format(ahead))
}

/// Why the ranges are as wide as they are: estimates rest on the control answers given.
fn estimate_basis(ctx: &Ctx, params: &EstimationParams) -> Html {
    let o = &ctx.readiness.scores.overall;
    let open = o.applicable - o.answered;
    let share = params.timeline.unanswered_effort_share.range;
    if o.answered == 0 {
        html! { <p class="warning" data-testid="estimate-basis">{ "No control question is answered yet, so these dates and figures rest on assumptions alone: answer the control questions for an estimate you can plan on." }</p> }
    } else if open > 0 {
        html! { <p class="sub" data-testid="estimate-basis">{ format!("{open} of {} control questions are unanswered. The range assumes between {} % and {} % of their work is still to do, which is why it is wide; each answer narrows it.", o.applicable, trim(share[0] * 100.0), trim(share[2] * 100.0)) }</p> }
    } else {
        html! {}
    }
}

/// The likely weeks of the fieldwork phases in the plan (Type I and Type II).
fn fieldwork_weeks(full: &Readiness) -> String {
    let weeks: f64 = full
        .estimate
        .timeline
        .phases
        .iter()
        .filter(|p| p.id.ends_with("fieldwork"))
        .map(|p| p.weeks.likely)
        .sum();
    format!("{} weeks", trim(weeks))
}

fn cost_section(ctx: &Ctx, full: &Readiness, params: &EstimationParams) -> Html {
    let c = &full.estimate.cost;
    let a = &ctx.state.assumptions;
    let d = ctx.state.dispatcher();
    let on_tier = {
        let d = d.clone();
        Callback::from(move |e: Event| d.dispatch(Action::Tier(select_value(&e))))
    };
    let toggle = |item: &'static str| {
        let d = d.clone();
        Callback::from(move |e: Event| {
            d.dispatch(Action::Optional {
                item,
                on: input(&e).is_some_and(|i| i.checked()),
            })
        })
    };
    let editable = params.assumptions();
    html! {
        <section class="cost" aria-labelledby="cost-title">
            <h2 id="cost-title">{ "Effort and cost" }</h2>
            <div class="controls no-print">
                <label for="tier">{ "Auditor " }</label>
                <select id="tier" onchange={on_tier}>
                    { for ctx.catalog.estimation.cost.tiers.iter().map(|t| html! {
                        <option value={t.id.clone()} selected={a.tier == t.id}>{ t.label.clone() }</option>
                    }) }
                </select>
                <label><input type="checkbox" checked={a.pen_test} onchange={toggle("pen_test")} />{ " Penetration test" }</label>
                <label><input type="checkbox" checked={a.consultant} onchange={toggle("consultant")} />{ " Readiness consultant" }</label>
                <label><input type="checkbox" checked={a.tooling} onchange={toggle("tooling")} />{ " Compliance platform" }</label>
            </div>
            <div class="cards">
                { card("Audit fee", money(c.audit_fee.likely), span(&c.audit_fee), "audit-fee") }
                { card("Internal effort", format!("{} h", trim(c.internal_hours.likely.round())), format!("≈ {}", money(c.internal_cost.likely)), "") }
                { card("First year, all in", money(c.first_year_total.likely), span(&c.first_year_total), "cost-total") }
                { card("Each renewal year", money(c.renewal_total.likely), span(&c.renewal_total), "renewal-total") }
            </div>
            <h3>{ "Audit effort, both sides" }</h3>
            <div class="cards" data-testid="audit-effort">
                { card("Auditor hours", format!("{} h", trim(c.effort.auditor_hours.likely.round())),
                    format!("{} – {} h at {} – {} an hour (an assumption you can edit: no public source gives auditor hours)",
                        trim(c.effort.auditor_hours.low.round()), trim(c.effort.auditor_hours.high.round()),
                        money(c.effort.auditor_rate.low), money(c.effort.auditor_rate.high)), "auditor-hours") }
                { card("Fieldwork", fieldwork_weeks(full), "weeks of the auditor's testing".into(), "fieldwork-weeks") }
                { card("Your hours during the audit", format!("{} h", trim(c.effort.support_hours.likely.round())),
                    "evidence requests, walkthroughs and samples".into(), "support-hours") }
                { card("Your remediation hours", format!("{} h", trim(c.effort.remediation_hours.likely.round())),
                    "closing the gaps before the audit".into(), "remediation-hours") }
                { card("Running the controls", format!("{} h", trim(c.effort.operating_hours.likely.round())),
                    "their first 12 months: reviews, evidence, training".into(), "operating-hours") }
            </div>
            if let Some(f) = &c.follow_on_type2 {
                <p data-testid="follow-on">{ format!("{}: {} (between {} and {}), counted in the first-year total.", f.label, money(f.amount.likely), money(f.amount.low), money(f.amount.high)) }</p>
            }
            { drivers_table(ctx, "Audit fee drivers", &c.audit_drivers, true, "Audit fee") }
            { drivers_table(ctx, "Internal hours", &c.internal_hour_drivers, false, "Internal hours") }
            if !c.optional.is_empty() { { drivers_table(ctx, "Optional line items", &c.optional, true, "Optional items") } }
            if !c.purchases.is_empty() {
                <p class="note">{ "Your gaps call for these tools and services. No public price list gives them, so each is an assumption you can edit below; subscriptions come back in the renewal year." }</p>
                { drivers_table(ctx, "Tools and services to buy", &c.purchases, true, "Purchases") }
            }
            { drivers_table(ctx, "Renewal year", &c.renewal_drivers, true, "Renewal total") }
            if c.renewal_total.likely > c.first_year_total.likely {
                <p class="note" data-testid="renewal-above">{ format!(
                    "A renewal year costs a little more than the first here: it audits a 12-month period where the first report audits {} months, and there is little left to fix.",
                    full.estimate.timeline.window_months) }</p>
            }
            <details class="assumptions no-print">
                <summary>{ "Edit assumptions" }</summary>
                <p>{ "No public source gives these figures, so they are our defaults: change them to match your quotes. Figures with a source stay as published." }</p>
                <table>
                    <thead><tr><th scope="col">{ "Assumption" }</th><th scope="col">{ "Low" }</th><th scope="col">{ "Likely" }</th><th scope="col">{ "High" }</th></tr></thead>
                    <tbody>
                        { for editable.into_iter().map(|(key, p)| html! {
                            <AssumptionRow key={key.clone()} key_name={key.clone()} param={p} dispatch={d.clone()} />
                        }) }
                    </tbody>
                </table>
                <button type="button" class="button secondary" onclick={{ let d = d.clone(); let keys: Vec<String> = a.overrides.keys().cloned().collect();
                    Callback::from(move |_| for k in &keys { d.dispatch(Action::Override(k.clone(), None)); }) }}>{ "Reset to defaults" }</button>
            </details>
        </section>
    }
}
