//! Readiness scores per criterion, group, category and overall, with their explanations.
//!
//! A score is the weighted mean of the points of the answered, visible, applicable
//! control questions it covers: not-applicable answers leave the denominator,
//! unanswered ones lower `confidence`, never the score.

use super::answers::AnswerValue;
use super::visibility::Visibility;
use crate::catalog::kinds::Report;
use crate::catalog::{Catalog, Question};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a score is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The report the headline is about: SOC 2 when it is assessed, else SOC 1.
    Overall,
    /// One report's controls (`soc1` or `soc2`), when both are assessed.
    Report,
    Category,
    Group,
    Criterion,
}

/// A score on 0..=100, separately for design (Type I) and operating (Type II).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Score {
    pub level: Level,
    pub id: String,
    pub design: Option<f64>,
    pub operating: Option<f64>,
    /// The score that matters for the recommended report type.
    pub target: Option<f64>,
    /// Band of `target`, after any key-control cap; none until enough is answered.
    pub band: Option<String>,
    /// Key controls with an open gap that capped the band.
    pub key_gaps: Vec<String>,
    /// Visible control questions counted here.
    pub applicable: usize,
    /// Of those, answered (including not applicable).
    pub answered: usize,
    pub not_applicable: usize,
    /// Share of visible questions answered, 0..=100.
    pub confidence: f64,
}

/// How one answer moved a score, relative to a perfect 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Contribution {
    pub question: String,
    pub answer: String,
    pub weight: u8,
    pub design_delta: f64,
    pub operating_delta: f64,
}

/// One visible control question with its answer resolved against the scale.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub questionnaire: &'a str,
    pub report: Report,
    pub question: &'a Question,
    /// The criterion groups of the question's criteria, looked up once.
    pub groups: Vec<&'a str>,
    /// The categories of those groups: a question asked once in one category
    /// (its `questionnaire`) may also cover criteria of others.
    pub categories: Vec<&'a str>,
    pub state: State<'a>,
}

#[derive(Debug, Clone, Copy)]
pub enum State<'a> {
    Unanswered,
    NotApplicable,
    Scored {
        option: &'a str,
        design: f64,
        operating: f64,
    },
}

/// The visible control questions with their answers resolved.
pub fn items<'a>(
    catalog: &'a Catalog,
    vis: &Visibility,
    answers: &'a crate::Answers,
) -> Vec<Item<'a>> {
    // Looked up once per call rather than once per question.
    let group_of: BTreeMap<&str, &str> = catalog
        .manifest
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c.group.as_str()))
        .collect();
    let category_of: BTreeMap<&str, &str> = catalog
        .manifest
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.category.as_str()))
        .collect();
    catalog
        .questionnaires
        .iter()
        .filter_map(|qn| Some((qn, catalog.category(&qn.id)?.report)))
        .flat_map(|(qn, report)| {
            qn.sections
                .iter()
                .flat_map(|s| &s.questions)
                .map(move |q| (qn, report, q))
        })
        .filter(|(_, _, q)| vis.question(&q.id))
        .map(|(qn, report, q)| {
            let state = match answers
                .get(&q.id)
                .and_then(AnswerValue::as_str)
                .and_then(|o| catalog.scale_option(o))
            {
                None => State::Unanswered,
                Some(o) if o.not_applicable => State::NotApplicable,
                Some(o) => State::Scored {
                    option: &o.id,
                    design: o.design,
                    operating: o.operating,
                },
            };
            let mut groups: Vec<&str> = q
                .criteria
                .iter()
                .filter_map(|c| group_of.get(c.as_str()).copied())
                .collect();
            groups.dedup();
            let mut categories: Vec<&str> = Vec::new();
            for c in groups.iter().filter_map(|g| category_of.get(g).copied()) {
                if !categories.contains(&c) {
                    categories.push(c);
                }
            }
            Item {
                report,
                questionnaire: &qn.id,
                question: q,
                groups,
                categories,
                state,
            }
        })
        .collect()
}

/// Scores one set of items.
pub fn score(catalog: &Catalog, level: Level, id: &str, items: &[&Item], type1: bool) -> Score {
    let (mut w, mut d, mut o) = (0.0, 0.0, 0.0);
    let (mut answered, mut na) = (0, 0);
    let mut key_gaps = Vec::new();
    for it in items {
        match it.state {
            State::Unanswered => {}
            State::NotApplicable => {
                answered += 1;
                na += 1;
            }
            State::Scored {
                design, operating, ..
            } => {
                answered += 1;
                let wt = f64::from(it.question.weight);
                w += wt;
                d += wt * design;
                o += wt * operating;
                // A key control is a gap when it falls short for the report type in view.
                let points = if type1 { design } else { operating };
                if it.question.key && points < catalog.manifest.key_gap_below {
                    key_gaps.push(it.question.id.clone());
                }
            }
        }
    }
    let design = (w > 0.0).then(|| round1(d / w));
    let operating = (w > 0.0).then(|| round1(o / w));
    let target = if type1 { design } else { operating };
    let enough = answered as f64 >= catalog.manifest.band_min_answered_share * items.len() as f64;
    let band = target.filter(|_| enough).map(|t| {
        let band = catalog.band_for(t);
        if key_gaps.is_empty() {
            band.id.clone()
        } else {
            capped(catalog, &band.id)
        }
    });
    Score {
        level,
        id: id.to_owned(),
        design,
        operating,
        target,
        band,
        key_gaps,
        applicable: items.len(),
        answered,
        not_applicable: na,
        confidence: if items.is_empty() {
            100.0
        } else {
            round1(100.0 * answered as f64 / items.len() as f64)
        },
    }
}

/// The lower of a band and the key-gap cap band (bands run from best to worst).
fn capped(catalog: &Catalog, band: &str) -> String {
    let bands = &catalog.manifest.bands;
    let pos = |id: &str| bands.iter().position(|b| b.id == id).unwrap_or(0);
    let cap = &catalog.manifest.key_gap_cap_band;
    if pos(band) < pos(cap) {
        cap.clone()
    } else {
        band.to_owned()
    }
}

/// How each answered item moved a score; `100 + sum of deltas` is the score.
pub fn contributions(items: &[&Item], type1: bool) -> Vec<Contribution> {
    let w: f64 = items
        .iter()
        .filter(|i| matches!(i.state, State::Scored { .. }))
        .map(|i| f64::from(i.question.weight))
        .sum();
    let mut out: Vec<Contribution> = items
        .iter()
        .filter_map(|i| match i.state {
            State::Scored {
                option,
                design,
                operating,
            } => {
                let wt = f64::from(i.question.weight);
                Some(Contribution {
                    question: i.question.id.clone(),
                    answer: option.to_owned(),
                    weight: i.question.weight,
                    design_delta: -wt * (100.0 - design) / w,
                    operating_delta: -wt * (100.0 - operating) / w,
                })
            }
            _ => None,
        })
        .collect();
    // Largest loss first, for the recommended report type's score.
    let key = |c: &Contribution| {
        if type1 {
            (c.design_delta, c.operating_delta)
        } else {
            (c.operating_delta, c.design_delta)
        }
    };
    out.sort_by(|a, b| {
        let (a, b) = (key(a), key(b));
        a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
    });
    out
}

pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// All scores of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Scores {
    pub overall: Score,
    /// SOC 1 and SOC 2 apart, when both are assessed.
    pub reports: Vec<Score>,
    pub categories: Vec<Score>,
    pub groups: Vec<Score>,
    pub criteria: Vec<Score>,
}

impl Scores {
    /// Every score, overall first, then categories, groups and criteria.
    pub fn all(&self) -> impl Iterator<Item = &Score> {
        std::iter::once(&self.overall)
            .chain(&self.reports)
            .chain(&self.categories)
            .chain(&self.groups)
            .chain(&self.criteria)
    }
}

/// Which items count toward a score, so scores and their explanations use one definition.
///
/// A question is asked once, in one category's questionnaire, but may cover
/// criteria of other categories (the continuity plan in Security also covers
/// Availability's A1.2): it counts toward each of those categories, groups and
/// criteria, and once toward the overall and report scores.
pub fn members<'i, 'a>(items: &'i [Item<'a>], level: Level, id: &str) -> Vec<&'i Item<'a>> {
    let primary = if items.iter().any(|it| it.report == Report::Soc2) {
        Report::Soc2
    } else {
        Report::Soc1
    };
    items
        .iter()
        .filter(|it| match level {
            Level::Overall => it.report == primary,
            Level::Report => it.report.id() == id,
            Level::Category => it.questionnaire == id || it.categories.contains(&id),
            Level::Group => it.groups.contains(&id),
            Level::Criterion => it.question.criteria.iter().any(|c| c == id),
        })
        .collect()
}

/// Scores at every level, for the categories in scope.
pub fn all_scores(catalog: &Catalog, items: &[Item], in_scope: &[String], type1: bool) -> Scores {
    let one = |level, id: &str| score(catalog, level, id, &members(items, level, id), type1);
    // Groups and criteria are many: index the items by them in one pass (the same
    // membership as `members`), instead of a pass over every item for each one.
    let mut by_group: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
    let mut by_criterion: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
    for it in items {
        for (index, keys) in [
            (&mut by_group, it.groups.clone()),
            (
                &mut by_criterion,
                it.question.criteria.iter().map(String::as_str).collect(),
            ),
        ] {
            for k in keys {
                let list = index.entry(k).or_default();
                if !list.last().is_some_and(|last| std::ptr::eq(*last, it)) {
                    list.push(it);
                }
            }
        }
    }
    let indexed = |index: &BTreeMap<&str, Vec<&Item>>, level, id: &str| {
        score(
            catalog,
            level,
            id,
            index.get(id).map_or(&[][..], Vec::as_slice),
            type1,
        )
    };
    let m = &catalog.manifest;
    let groups: Vec<&str> = m
        .groups
        .iter()
        .filter(|g| in_scope.contains(&g.category))
        .map(|g| g.id.as_str())
        .collect();
    let reports: Vec<Report> = Report::ALL
        .into_iter()
        .filter(|r| items.iter().any(|it| it.report == *r))
        .collect();
    Scores {
        overall: one(Level::Overall, "overall"),
        reports: if reports.len() > 1 {
            reports.iter().map(|r| one(Level::Report, r.id())).collect()
        } else {
            Vec::new()
        },
        categories: in_scope.iter().map(|c| one(Level::Category, c)).collect(),
        groups: groups
            .iter()
            .map(|g| indexed(&by_group, Level::Group, g))
            .collect(),
        criteria: m
            .criteria
            .iter()
            .filter(|c| groups.contains(&c.group.as_str()))
            .map(|c| indexed(&by_criterion, Level::Criterion, &c.id))
            .collect(),
    }
}

/// The lowest design readiness of the reports assessed (SOC 1, SOC 2), among
/// those with enough answers for a band; rules such as "low readiness and a near
/// deadline" read it, and the least ready report is the one that sets the pace.
pub fn known_design_readiness(catalog: &Catalog, items: &[Item]) -> Option<f64> {
    Report::ALL
        .into_iter()
        .filter_map(|r| {
            let s = score(
                catalog,
                Level::Report,
                r.id(),
                &members(items, Level::Report, r.id()),
                true,
            );
            s.band.and(s.design)
        })
        .reduce(f64::min)
}

/// The SOC 1 control objectives with at least one question in view.
pub fn soc1_objectives_in_view<'a>(
    catalog: &'a Catalog,
    items: &[Item<'a>],
) -> impl Iterator<Item = &'a crate::catalog::Criterion> {
    let ids: Vec<&str> = items
        .iter()
        .filter(|i| i.report == Report::Soc1)
        .flat_map(|i| i.question.criteria.iter().map(String::as_str))
        .collect();
    catalog
        .manifest
        .criteria
        .iter()
        .filter(move |c| ids.contains(&c.id.as_str()))
}
