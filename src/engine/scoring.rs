//! Readiness scores per criterion, group, category and overall, with their explanations.
//!
//! A score is the weighted mean of the points of the answered, visible, applicable
//! control questions it covers: not-applicable answers leave the denominator,
//! unanswered ones lower `confidence`, never the score.

use super::answers::AnswerValue;
use super::visibility::{Shown, Visibility};
use crate::catalog::kinds::Report;
use crate::catalog::Text;
use crate::catalog::{Catalog, Group, Question, Questionnaire, ScaleOption};
use serde::{Deserialize, Serialize};

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
    pub id: Text,
    pub design: Option<f64>,
    pub operating: Option<f64>,
    /// The score that matters for the recommended report type.
    pub target: Option<f64>,
    /// Band of `target`, after any key-control cap; none until enough is answered.
    pub band: Option<Text>,
    /// Key controls with an open gap that capped the band.
    pub key_gaps: Vec<Text>,
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
    pub question: Text,
    pub answer: Text,
    pub weight: u8,
    pub design_delta: f64,
    pub operating_delta: f64,
}

/// One visible control question with its answer resolved against the scale.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub questionnaire: &'a Text,
    pub report: Report,
    pub question: &'a Question,
    /// The criteria the question cites, with their groups, looked up once. Their
    /// groups' categories may differ from `questionnaire`: a question asked once in
    /// one category may also cover criteria of others.
    pub cites: Vec<Cite<'a>>,
    pub state: State<'a>,
}

/// A criterion a question cites: its position in the manifest's criteria, its
/// group's position in the manifest's groups (so scores can count by position),
/// and the group.
#[derive(Debug, Clone, Copy)]
pub struct Cite<'a> {
    pub criterion: usize,
    pub group_at: usize,
    pub group: &'a Group,
}

#[derive(Debug, Clone, Copy)]
pub enum State<'a> {
    Unanswered,
    NotApplicable,
    Scored {
        option: &'a ScaleOption,
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
    let shown: Vec<Shown> = catalog
        .questions()
        .filter(|(_, _, q)| vis.question(&q.id))
        .map(|(qn, _, q)| Shown {
            questionnaire: qn,
            question: q,
            answer: answers.get(&q.id),
        })
        .collect();
    items_of(catalog, &shown)
}

/// [`items`] from what the walk recorded, without looking anything up again.
pub fn items_of<'a>(catalog: &'a Catalog, shown: &[Shown<'a>]) -> Vec<Item<'a>> {
    let m = &catalog.manifest;
    // Looked up once per call rather than once per question.
    let criteria = super::Index::new(m.criteria.iter().map(|c| c.id.as_str()));
    let group_at = group_positions(catalog);
    // The questionnaire last seen and its report, if it holds a category's controls.
    let mut last: Option<(&Questionnaire, Option<Report>)> = None;
    // Sized once: the list is long, and growing it copies it each time.
    let mut items = Vec::with_capacity(shown.len());
    items.extend(shown.iter().filter_map(|s| {
        let qn = s.questionnaire;
        let report = match last {
            Some((at, report)) if std::ptr::eq(at, qn) => report,
            _ => {
                let report = catalog.category(&qn.id).map(|c| c.report);
                last = Some((qn, report));
                report
            }
        }?;
        let q = s.question;
        let state = match s
            .answer
            .and_then(AnswerValue::as_str)
            .and_then(|o| catalog.scale_option(o))
        {
            None => State::Unanswered,
            Some(o) if o.not_applicable => State::NotApplicable,
            Some(o) => State::Scored {
                option: o,
                design: o.design,
                operating: o.operating,
            },
        };
        let cites = q
            .criteria
            .iter()
            .filter_map(|c| {
                let criterion = criteria.get(c)?;
                let group_at = group_at[criterion]?;
                Some(Cite {
                    criterion,
                    group_at,
                    group: &m.groups[group_at],
                })
            })
            .collect();
        Some(Item {
            report,
            questionnaire: &qn.id,
            question: q,
            cites,
            state,
        })
    }));
    items
}

/// The position in the manifest's groups of each criterion's group. Criteria are
/// listed group by group, so each search starts where the last one ended.
fn group_positions(catalog: &Catalog) -> Vec<Option<usize>> {
    let groups = &catalog.manifest.groups;
    let mut at = 0;
    catalog
        .manifest
        .criteria
        .iter()
        .map(|c| {
            let found = (at..groups.len())
                .chain(0..at)
                .find(|&g| groups[g].id == c.group);
            at = found.unwrap_or(at);
            found
        })
        .collect()
}

/// A score being counted, item by item, so every score of a level can be counted
/// in one pass over the items.
#[derive(Debug, Clone, Default)]
struct Tally {
    weight: f64,
    design: f64,
    operating: f64,
    items: usize,
    answered: usize,
    not_applicable: usize,
    key_gaps: Vec<Text>,
    /// The position of the item counted last, so an item is counted once.
    last: Option<usize>,
}

impl Tally {
    fn add(&mut self, it: &Item, type1: bool, key_gap_below: f64) {
        self.items += 1;
        match it.state {
            State::Unanswered => {}
            State::NotApplicable => {
                self.answered += 1;
                self.not_applicable += 1;
            }
            State::Scored {
                design, operating, ..
            } => {
                self.answered += 1;
                let wt = f64::from(it.question.weight);
                self.weight += wt;
                self.design += wt * design;
                self.operating += wt * operating;
                // A key control is a gap when it falls short for the report type in view.
                let points = if type1 { design } else { operating };
                if it.question.key && points < key_gap_below {
                    self.key_gaps.push(it.question.id.clone());
                }
            }
        }
    }

    /// Counts the item at `at` unless it was the last one counted.
    fn add_once(&mut self, at: usize, it: &Item, type1: bool, key_gap_below: f64) {
        if self.last != Some(at) {
            self.last = Some(at);
            self.add(it, type1, key_gap_below);
        }
    }

    /// Whether enough of the items are answered for the score to have a band.
    fn enough(&self, catalog: &Catalog) -> bool {
        self.answered as f64 >= catalog.manifest.band_min_answered_share * self.items as f64
    }

    fn score(self, catalog: &Catalog, level: Level, id: &Text, type1: bool) -> Score {
        let w = self.weight;
        let design = (w > 0.0).then(|| round1(self.design / w));
        let operating = (w > 0.0).then(|| round1(self.operating / w));
        let target = if type1 { design } else { operating };
        let band = target.filter(|_| self.enough(catalog)).map(|t| {
            let at = catalog.band_at(t);
            if self.key_gaps.is_empty() {
                catalog.manifest.bands[at].id.clone()
            } else {
                capped(catalog, at)
            }
        });
        let (n, answered) = (self.items, self.answered);
        Score {
            level,
            id: id.clone(),
            design,
            operating,
            target,
            band,
            key_gaps: self.key_gaps,
            applicable: n,
            answered,
            not_applicable: self.not_applicable,
            confidence: if n == 0 {
                100.0
            } else {
                round1(100.0 * answered as f64 / n as f64)
            },
        }
    }
}

/// Scores one set of items.
pub fn score(catalog: &Catalog, level: Level, id: &Text, items: &[&Item], type1: bool) -> Score {
    let mut t = Tally::default();
    for it in items {
        t.add(it, type1, catalog.manifest.key_gap_below);
    }
    t.score(catalog, level, id, type1)
}

/// The lower of the band at `at` and the key-gap cap band (bands run from best to
/// worst, so the cap is lower when it comes after the band).
fn capped(catalog: &Catalog, at: usize) -> Text {
    let bands = &catalog.manifest.bands;
    let cap = &catalog.manifest.key_gap_cap_band;
    if bands[at + 1..].iter().any(|b| b.id == *cap) {
        cap.clone()
    } else {
        bands[at].id.clone()
    }
}

/// How each answered item moved a score; `100 + sum of deltas` is the score.
pub fn contributions(items: &[&Item], type1: bool) -> Vec<Contribution> {
    let w: f64 = items
        .iter()
        .filter(|i| matches!(i.state, State::Scored { .. }))
        .map(|i| f64::from(i.question.weight))
        .sum();
    // Sorted before the strings are made: moving small tuples is cheaper.
    let mut out: Vec<(f64, f64, &Item, &ScaleOption)> = Vec::with_capacity(items.len());
    out.extend(items.iter().filter_map(|i| match i.state {
        State::Scored {
            option,
            design,
            operating,
        } => {
            let wt = f64::from(i.question.weight);
            Some((
                -wt * (100.0 - design) / w,
                -wt * (100.0 - operating) / w,
                *i,
                option,
            ))
        }
        _ => None,
    }));
    // Largest loss first, for the recommended report type's score; equal losses
    // in item order. As whole numbers, with the position last, the order is total:
    // an unstable sort gives the stable one, comparing integers only.
    let rank = |at: usize, c: &(f64, f64, &Item, &ScaleOption)| {
        let (first, second) = if type1 { (c.0, c.1) } else { (c.1, c.0) };
        (total_order(first), total_order(second), at)
    };
    let mut order: Vec<(i64, i64, usize)> =
        out.iter().enumerate().map(|(at, c)| rank(at, c)).collect();
    order.sort_unstable();
    order
        .into_iter()
        .map(|(_, _, at)| {
            let (design_delta, operating_delta, i, option) = out[at];
            Contribution {
                question: i.question.id.clone(),
                answer: option.id.clone(),
                weight: i.question.weight,
                design_delta,
                operating_delta,
            }
        })
        .collect()
}

/// A number that orders as [`f64::total_cmp`] orders the float (the same
/// transformation), so sorts can compare integers.
pub(crate) fn total_order(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
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
            Level::Category => {
                it.questionnaire == id || it.cites.iter().any(|c| c.group.category == id)
            }
            Level::Group => it.cites.iter().any(|c| c.group.id == id),
            Level::Criterion => it.question.criteria.iter().any(|c| c == id),
        })
        .collect()
}

/// Scores at every level, for the categories in scope.
pub fn all_scores(catalog: &Catalog, items: &[Item], in_scope: &[Text], type1: bool) -> Scores {
    let one = |level, id: &Text| score(catalog, level, id, &members(items, level, id), type1);
    let m = &catalog.manifest;
    // Groups and criteria are many: count the items into all of them in one pass
    // (the same membership as `members`), by their positions in the manifest.
    let mut groups = vec![Tally::default(); m.groups.len()];
    let mut criteria = vec![Tally::default(); m.criteria.len()];
    for (at, it) in items.iter().enumerate() {
        for c in &it.cites {
            groups[c.group_at].add_once(at, it, type1, m.key_gap_below);
            criteria[c.criterion].add_once(at, it, type1, m.key_gap_below);
        }
    }
    let group_in_scope: Vec<bool> = m
        .groups
        .iter()
        .map(|g| in_scope.contains(&g.category))
        .collect();
    let reports: Vec<Report> = Report::ALL
        .into_iter()
        .filter(|r| items.iter().any(|it| it.report == *r))
        .collect();
    Scores {
        overall: one(Level::Overall, &Text::from_static("overall")),
        reports: if reports.len() > 1 {
            reports
                .iter()
                .map(|r| one(Level::Report, &Text::from_static(r.id())))
                .collect()
        } else {
            Vec::new()
        },
        categories: in_scope
            .iter()
            .zip(category_tallies(
                items,
                in_scope,
                &m.groups,
                type1,
                m.key_gap_below,
            ))
            .map(|(c, t)| t.score(catalog, Level::Category, c, type1))
            .collect(),
        groups: m
            .groups
            .iter()
            .zip(groups)
            .zip(&group_in_scope)
            .filter(|(_, in_scope)| **in_scope)
            .map(|((g, t), _)| t.score(catalog, Level::Group, &g.id, type1))
            .collect(),
        criteria: m
            .criteria
            .iter()
            .zip(criteria)
            .zip(group_positions(catalog))
            .filter(|(_, g)| g.is_some_and(|g| group_in_scope[g]))
            .map(|((c, t), _)| t.score(catalog, Level::Criterion, &c.id, type1))
            .collect(),
    }
}

/// The categories' tallies (in the order of `in_scope`), counted in one pass over
/// the items, with the membership of [`members`]: an item counts toward the
/// category of its questionnaire and those of the groups it cites, once each.
fn category_tallies(
    items: &[Item],
    in_scope: &[Text],
    groups: &[Group],
    type1: bool,
    key_gap_below: f64,
) -> Vec<Tally> {
    let position = |id: &str| in_scope.iter().position(|c| c == id);
    // Looked up once per group and once per run of one questionnaire's items.
    let group_category: Vec<Option<usize>> = groups.iter().map(|g| position(&g.category)).collect();
    let mut last: Option<(&Text, Option<usize>)> = None;
    let mut tallies = vec![Tally::default(); in_scope.len()];
    for (at, it) in items.iter().enumerate() {
        let own = match last {
            Some((qn, own)) if std::ptr::eq(qn, it.questionnaire) => own,
            _ => {
                let own = position(it.questionnaire);
                last = Some((it.questionnaire, own));
                own
            }
        };
        let cited = it.cites.iter().filter_map(|c| group_category[c.group_at]);
        for c in own.into_iter().chain(cited) {
            tallies[c].add_once(at, it, type1, key_gap_below);
        }
    }
    tallies
}

/// The lowest design readiness of the reports assessed (SOC 1, SOC 2), among
/// those with enough answers for a band; rules such as "low readiness and a near
/// deadline" read it, and the least ready report is the one that sets the pace.
pub fn known_design_readiness(catalog: &Catalog, items: &[Item]) -> Option<f64> {
    Report::ALL
        .into_iter()
        .filter_map(|r| {
            let mut t = Tally::default();
            // Only the design score and whether it has a band matter: no key gaps.
            for it in items.iter().filter(|it| it.report == r) {
                t.add(it, true, f64::NEG_INFINITY);
            }
            // As `score`: a band needs an answered design score.
            (t.weight > 0.0 && t.enough(catalog)).then(|| round1(t.design / t.weight))
        })
        .reduce(f64::min)
}

/// The SOC 1 control objectives with at least one question in view.
pub fn soc1_objectives_in_view<'a>(
    catalog: &'a Catalog,
    items: &[Item<'a>],
) -> impl Iterator<Item = &'a crate::catalog::Criterion> {
    // By position: each item's cites are its criteria found in the manifest (whose
    // IDs are unique), so no ID needs comparing.
    let mut cited = vec![false; catalog.manifest.criteria.len()];
    for c in items
        .iter()
        .filter(|i| i.report == Report::Soc1)
        .flat_map(|i| &i.cites)
    {
        cited[c.criterion] = true;
    }
    catalog
        .manifest
        .criteria
        .iter()
        .zip(cited)
        .filter_map(|(c, cited)| cited.then_some(c))
}
