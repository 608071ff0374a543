//! SVG charts drawn by the app, each with the same numbers as a table for screen readers.

use crate::app::format::score;
use crate::estimate::date::parse;
use crate::estimate::range::number;
use crate::estimate::timeline::Phase;
use yew::prelude::*;

/// One row of a readiness bar chart.
#[derive(Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub design: Option<f64>,
    pub operating: Option<f64>,
}

/// Drawn twice, wide and narrow, so labels stay legible on a phone: CSS shows one.
const LAYOUTS: [bool; 2] = [false, true];

pub fn bar_chart(caption: &str, rows: &[BarRow]) -> Html {
    html! {
        <figure class="chart">
            <figcaption>{ caption.to_owned() }</figcaption>
            { for LAYOUTS.iter().map(|&narrow| bars_svg(rows, narrow)) }
            <div class="visually-hidden">
                <table>
                    <caption>{ caption.to_owned() }</caption>
                    <thead><tr><th scope="col">{ "Area" }</th><th scope="col">{ "Design readiness" }</th><th scope="col">{ "Operating readiness" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr><th scope="row">{ r.label.clone() }</th><td>{ score(r.design) }</td><td>{ score(r.operating) }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

fn bars_svg(rows: &[BarRow], narrow: bool) -> Html {
    // Narrow: the label sits above its bars and the bars take the full width.
    let (view_w, label_w, bar_w, row_h, top) = if narrow {
        (330.0, 0.0, 280.0, 52.0, 18.0)
    } else {
        (600.0, 190.0, 360.0, 34.0, 0.0)
    };
    let height = row_h * rows.len() as f64 + 24.0;
    let w = |v: Option<f64>| (v.unwrap_or(0.0) / 100.0 * bar_w).max(0.0);
    html! {
        <svg viewBox={format!("0 0 {} {}", number(view_w), number(height))} aria-hidden="true" focusable="false"
            class={if narrow { "bars narrow" } else { "bars wide" }}>
            { for rows.iter().enumerate().map(|(i, r)| {
                let y = 6.0 + i as f64 * row_h;
                let b = y + top;
                html! {
                    <g>
                        <text x="0" y={number(y + 14.0)} class="bar-label">{ if narrow { r.label.clone() } else { truncate(&r.label, 24) } }</text>
                        <rect x={number(label_w)} y={number(b)} width={number(bar_w)} height="24" class="track" />
                        <rect x={number(label_w)} y={number(b)} width={number(w(r.design))} height="11" class="design" />
                        <rect x={number(label_w)} y={number(b + 13.0)} width={number(w(r.operating))} height="11" class="operating" />
                        <text x={number(label_w + bar_w + 8.0)} y={number(b + 10.0)} class="value">{ score(r.design) }</text>
                        <text x={number(label_w + bar_w + 8.0)} y={number(b + 23.0)} class="value">{ score(r.operating) }</text>
                    </g>
                }
            }) }
            <g class="legend">
                <rect x="0" y={number(height - 12.0)} width="10" height="10" class="design" />
                <text x="14" y={number(height - 3.0)}>{ "Design (Type I)" }</text>
                <rect x="140" y={number(height - 12.0)} width="10" height="10" class="operating" />
                <text x="154" y={number(height - 3.0)}>{ "Operating (Type II)" }</text>
            </g>
        </svg>
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// The timeline as bars on a date axis: likely dates solid, the latest end as a whisker.
pub fn gantt(start: &str, phases: &[Phase]) -> Html {
    let Some(start) = parse(start) else {
        return html! {};
    };
    let day = |s: &str| parse(s).map_or(0.0, |d| (d - start).whole_days() as f64);
    let span = phases
        .iter()
        .map(|ph| day(&ph.end.high))
        .fold(1.0, f64::max);
    let svg = |narrow: bool| {
        // Narrow: the label sits above its bar and the bar takes the full width.
        let (view_w, label_w, chart_w, row_h, top) = if narrow {
            (330.0, 0.0, 326.0, 44.0, 18.0)
        } else {
            (600.0, 200.0, 380.0, 30.0, 0.0)
        };
        let x = |d: f64| label_w + d / span * chart_w;
        let height = row_h * phases.len() as f64 + 8.0;
        html! {
            <svg viewBox={format!("0 0 {} {}", number(view_w), number(height))} aria-hidden="true" focusable="false"
                class={if narrow { "gantt narrow" } else { "gantt wide" }}>
                { for phases.iter().enumerate().map(|(i, ph)| {
                    let y = 4.0 + i as f64 * row_h;
                    let b = y + top;
                    let (s, e, hi) = (day(&ph.start.likely), day(&ph.end.likely), day(&ph.end.high));
                    html! {
                        <g class={ph.id.clone()}>
                            <text x="0" y={number(y + 14.0)} class="bar-label">{ if narrow { ph.label.to_string() } else { truncate(&ph.label, 26) } }</text>
                            <line x1={number(x(e))} x2={number(x(hi))} y1={number(b + 10.0)} y2={number(b + 10.0)} class="whisker" />
                            <rect x={number(x(s))} y={number(b)} width={number((x(e) - x(s)).max(2.0))} height="20" rx="3" class="phase" />
                        </g>
                    }
                }) }
            </svg>
        }
    };
    html! {
        <figure class="chart">
            <figcaption>{ "Timeline (solid: likely dates; line: range to the latest end)" }</figcaption>
            { for LAYOUTS.iter().map(|&narrow| svg(narrow)) }
            <table class="dates">
                <caption class="visually-hidden">{ "Timeline dates" }</caption>
                <thead><tr><th scope="col">{ "Phase" }</th><th scope="col">{ "Starts (likely)" }</th><th scope="col">{ "Ends (likely)" }</th><th scope="col">{ "Ends (range)" }</th></tr></thead>
                <tbody>
                    { for phases.iter().map(|ph| html! {
                        <tr data-phase={ph.id.clone()}>
                            <th scope="row">{ ph.label.clone() }</th>
                            <td data-label="Starts">{ ph.start.likely.clone() }</td>
                            <td data-label="Ends">{ ph.end.likely.clone() }</td>
                            <td data-label="Range of the end">{ format!("{} to {}", ph.end.low, ph.end.high) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}
