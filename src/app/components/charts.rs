//! SVG charts drawn by the app, each with the same numbers as a table for screen readers.

use crate::app::format::score;
use crate::estimate::date::parse;
use crate::estimate::timeline::Phase;
use yew::prelude::*;

/// One row of a readiness bar chart.
#[derive(Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub design: Option<f64>,
    pub operating: Option<f64>,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub caption: AttrValue,
    pub rows: Vec<BarRow>,
}

const LABEL_W: f64 = 190.0;
const BAR_W: f64 = 360.0;

#[component]
pub fn BarChart(p: &BarChartProps) -> Html {
    let row_h = 34.0;
    let height = row_h * p.rows.len() as f64 + 24.0;
    html! {
        <figure class="chart">
            <figcaption>{ p.caption.clone() }</figcaption>
            <svg viewBox={format!("0 0 600 {height}")} aria-hidden="true" focusable="false" class="bars">
                { for p.rows.iter().enumerate().map(|(i, r)| {
                    let y = 6.0 + i as f64 * row_h;
                    let w = |v: Option<f64>| (v.unwrap_or(0.0) / 100.0 * BAR_W).max(0.0);
                    html! {
                        <g>
                            <text x="0" y={(y + 16.0).to_string()} class="label">{ truncate(&r.label, 26) }</text>
                            <rect x={LABEL_W.to_string()} y={y.to_string()} width={BAR_W.to_string()} height="24" class="track" />
                            <rect x={LABEL_W.to_string()} y={y.to_string()} width={w(r.design).to_string()} height="11" class="design" />
                            <rect x={LABEL_W.to_string()} y={(y + 13.0).to_string()} width={w(r.operating).to_string()} height="11" class="operating" />
                            <text x={(LABEL_W + BAR_W + 8.0).to_string()} y={(y + 10.0).to_string()} class="value">{ score(r.design) }</text>
                            <text x={(LABEL_W + BAR_W + 8.0).to_string()} y={(y + 23.0).to_string()} class="value">{ score(r.operating) }</text>
                        </g>
                    }
                }) }
                <g class="legend">
                    <rect x={LABEL_W.to_string()} y={(height - 12.0).to_string()} width="10" height="10" class="design" />
                    <text x={(LABEL_W + 14.0).to_string()} y={(height - 3.0).to_string()}>{ "Design (Type I)" }</text>
                    <rect x={(LABEL_W + 140.0).to_string()} y={(height - 12.0).to_string()} width="10" height="10" class="operating" />
                    <text x={(LABEL_W + 154.0).to_string()} y={(height - 3.0).to_string()}>{ "Operating (Type II)" }</text>
                </g>
            </svg>
            <table class="visually-hidden">
                <caption>{ p.caption.clone() }</caption>
                <thead><tr><th scope="col">{ "Area" }</th><th scope="col">{ "Design readiness" }</th><th scope="col">{ "Operating readiness" }</th></tr></thead>
                <tbody>
                    { for p.rows.iter().map(|r| html! {
                        <tr><th scope="row">{ r.label.clone() }</th><td>{ score(r.design) }</td><td>{ score(r.operating) }</td></tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

#[derive(Properties, PartialEq)]
pub struct GanttProps {
    pub start: AttrValue,
    pub phases: Vec<Phase>,
}

/// The timeline as bars on a date axis: likely dates solid, the latest end as a whisker.
#[component]
pub fn Gantt(p: &GanttProps) -> Html {
    let Some(start) = parse(&p.start) else { return html! {} };
    let day = |s: &str| parse(s).map_or(0.0, |d| (d - start).whole_days() as f64);
    let span = p.phases.iter().map(|ph| day(&ph.end.high)).fold(1.0, f64::max);
    let (label_w, chart_w, row_h) = (200.0, 380.0, 30.0);
    let x = |d: f64| label_w + d / span * chart_w;
    let height = row_h * p.phases.len() as f64 + 8.0;
    html! {
        <figure class="chart">
            <figcaption>{ "Timeline (solid: likely dates; line: range to the latest end)" }</figcaption>
            <svg viewBox={format!("0 0 600 {height}")} aria-hidden="true" focusable="false" class="gantt">
                { for p.phases.iter().enumerate().map(|(i, ph)| {
                    let y = 4.0 + i as f64 * row_h;
                    let (s, e, hi) = (day(&ph.start.likely), day(&ph.end.likely), day(&ph.end.high));
                    html! {
                        <g class={ph.id.clone()}>
                            <text x="0" y={(y + 15.0).to_string()} class="label">{ truncate(&ph.label, 28) }</text>
                            <line x1={x(e).to_string()} x2={x(hi).to_string()} y1={(y + 10.0).to_string()} y2={(y + 10.0).to_string()} class="whisker" />
                            <rect x={x(s).to_string()} y={y.to_string()} width={(x(e) - x(s)).max(2.0).to_string()} height="20" rx="3" class="phase" />
                        </g>
                    }
                }) }
            </svg>
            <table class="dates">
                <caption class="visually-hidden">{ "Timeline dates" }</caption>
                <thead><tr><th scope="col">{ "Phase" }</th><th scope="col">{ "Starts (likely)" }</th><th scope="col">{ "Ends (likely)" }</th><th scope="col">{ "Ends (range)" }</th></tr></thead>
                <tbody>
                    { for p.phases.iter().map(|ph| html! {
                        <tr data-phase={ph.id.clone()}>
                            <th scope="row">{ ph.label.clone() }</th>
                            <td>{ ph.start.likely.clone() }</td>
                            <td>{ ph.end.likely.clone() }</td>
                            <td>{ format!("{} to {}", ph.end.low, ph.end.high) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}
