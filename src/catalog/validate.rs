//! Structural checks on a catalog, each error naming file, ID and reason.

use super::kinds::{Report, Status};
use super::{Catalog, CatalogError, Condition, Effect, Fact, Question, QuestionKind, Rule};
use std::collections::{BTreeMap, HashMap, HashSet};

/// How many questions must cover each criterion.
pub const MIN_QUESTIONS_PER_CRITERION: usize = 2;

/// Everything wrong with the catalog; empty when it is usable.
pub fn validate(c: &Catalog) -> Vec<CatalogError> {
    let mut errors = Vec::new();
    let mut err = |file: &str, location: &str, reason: String| {
        errors.push(CatalogError {
            file: file.to_owned(),
            location: location.to_owned(),
            reason,
        })
    };
    let m = &c.manifest;
    let manifest_file = "catalog.toml";
    if m.disclaimer.trim().is_empty() {
        err(
            manifest_file,
            "disclaimer",
            "every result must say it is a self-assessment: the disclaimer cannot be empty".into(),
        );
    }
    if m.bands.is_empty() || m.bands.last().map(|b| b.min) != Some(0.0) {
        err(
            manifest_file,
            "bands",
            "the last band must start at 0".into(),
        );
    }
    if m.bands.windows(2).any(|w| w[0].min <= w[1].min) {
        err(
            manifest_file,
            "bands",
            "bands must be listed from the highest threshold down".into(),
        );
    }
    if !m.bands.iter().any(|b| b.id == m.key_gap_cap_band) {
        err(
            manifest_file,
            "key_gap_cap_band",
            format!("unknown band `{}`", m.key_gap_cap_band),
        );
    }
    for o in &m.scale {
        for (name, v) in [("design", o.design), ("operating", o.operating)] {
            if !(0.0..=100.0).contains(&v) {
                err(
                    manifest_file,
                    &o.id,
                    format!("{name} points {v} out of range 0..=100"),
                );
            }
        }
        if !(0.0..=1.0).contains(&o.remaining_effort) {
            err(
                manifest_file,
                &o.id,
                "remaining_effort out of range 0..=1".into(),
            );
        }
    }
    if m.scale.iter().filter(|o| !o.not_applicable).count() < 2 {
        err(
            manifest_file,
            "scale",
            "the scale needs at least two scored options".into(),
        );
    }
    let groups: HashSet<&str> = m.groups.iter().map(|g| g.id.as_str()).collect();
    for g in &m.groups {
        if c.category(&g.category).is_none() {
            err(
                manifest_file,
                &g.id,
                format!("unknown category `{}`", g.category),
            );
        }
    }
    let criteria: HashSet<&str> = m.criteria.iter().map(|x| x.id.as_str()).collect();
    for x in &m.criteria {
        if !groups.contains(x.group.as_str()) {
            err(manifest_file, &x.id, format!("unknown group `{}`", x.group));
        }
    }
    for name in &m.questionnaires {
        if !c
            .questionnaires
            .iter()
            .any(|q| q.file == format!("{name}.toml"))
        {
            err(
                manifest_file,
                "questionnaires",
                format!("`{name}.toml` is listed but not loaded"),
            );
        }
    }

    // IDs: unique across everything, never a retired one.
    let retired: HashSet<&str> = m.retired_ids.iter().map(String::as_str).collect();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let mut known: HashMap<&str, &Question> = HashMap::new();
    let mut coverage: BTreeMap<&str, usize> = criteria.iter().map(|id| (*id, 0)).collect();
    for qn in &c.questionnaires {
        let file = qn.file.as_str();
        if qn.schema_version != m.schema_version {
            err(
                file,
                &qn.id,
                format!(
                    "schema_version {} but catalog is {}",
                    qn.schema_version, m.schema_version
                ),
            );
        }
        let is_category = c.is_category(&qn.id);
        let mut ids = vec![qn.id.as_str()];
        ids.extend(qn.sections.iter().map(|s| s.id.as_str()));
        ids.extend(
            qn.sections
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.id.as_str())),
        );
        ids.extend(qn.rules.iter().map(|r| r.id.as_str()));
        for id in ids {
            if let Some(other) = seen.insert(id, file) {
                err(file, id, format!("duplicate ID (also in {other})"));
            }
            if retired.contains(id) {
                err(file, id, "ID is retired and must not be reused".into());
            }
        }
        for s in &qn.sections {
            if let Some(g) = &s.group {
                if !groups.contains(g.as_str()) {
                    err(file, &s.id, format!("unknown criterion group `{g}`"));
                }
            }
            if let Some(cond) = &s.show_if {
                check_condition(cond, &known, &mut |r| err(file, &s.id, r));
                if reads_facts(cond) {
                    err(file, &s.id, "show_if may read answers only".into());
                }
            }
            for q in &s.questions {
                if let Some(cond) = &q.show_if {
                    check_condition(cond, &known, &mut |r| err(file, &q.id, r));
                    if reads_facts(cond) {
                        err(file, &q.id, "show_if may read answers only".into());
                    }
                }
                check_question(q, is_category, &criteria, &mut coverage, &mut |r| {
                    err(file, &q.id, r)
                });
                known.insert(q.id.as_str(), q);
            }
        }
    }
    // Rules may refer to any question, so they are checked once all are known.
    let rules: Vec<(&str, &Rule)> = c
        .questionnaires
        .iter()
        .flat_map(|qn| qn.rules.iter().map(move |r| (qn.file.as_str(), r)))
        .collect();
    for (i, (file, r)) in rules.iter().enumerate() {
        check_condition(&r.when, &known, &mut |reason| err(file, &r.id, reason));
        if r.because.trim().is_empty() {
            err(file, &r.id, "missing `because`".into());
        }
        let ok = match &r.then {
            Effect::Category(x) => c.category(x).is_some_and(|x| x.report == Report::Soc2),
            Effect::WindowMonths(n) => [3, 6, 12].contains(n),
            Effect::Note(id) => !id.trim().is_empty(),
            Effect::Report(_)
            | Effect::AddOn(_)
            | Effect::ReportType(_)
            | Effect::BridgeLetter(_)
            | Effect::RuleOut(_) => true,
        };
        if !ok {
            err(file, &r.id, format!("unknown effect value {:?}", r.then));
        }
        let graded = matches!(
            r.then,
            Effect::Report(_) | Effect::AddOn(_) | Effect::Category(_)
        );
        if r.status != Status::Recommended && !graded {
            err(
                file,
                &r.id,
                "only reports, add-ons and categories take a `status`".into(),
            );
        }
        let mut facts = Vec::new();
        facts_read(&r.when, &mut facts);
        for fact in facts {
            // A rule reads a fact only once no later rule can change it.
            let later = rules[i + 1..]
                .iter()
                .find(|(_, later)| match (fact, &later.then) {
                    // Only a recommending rule can make a report recommended outright.
                    (Some(Fact::Report(r)), Effect::Report(x)) => {
                        r == x && later.status == Status::Recommended
                    }
                    (Some(Fact::Offered(r)), Effect::Report(x)) => r == x,
                    (Some(Fact::ReportType(_)), Effect::ReportType(_)) => true,
                    _ => false,
                });
            if let Some((_, later)) = later {
                err(
                    file,
                    &r.id,
                    format!(
                        "reads a decision that the later rule `{}` can still change",
                        later.id
                    ),
                );
            }
            // The report type may come from the readiness, so it counts as readiness.
            let reads_readiness = matches!(fact, None | Some(Fact::ReportType(_)));
            let may = matches!(
                r.then,
                Effect::ReportType(_)
                    | Effect::WindowMonths(_)
                    | Effect::Note(_)
                    | Effect::RuleOut(_)
            );
            if reads_readiness && !may {
                err(
                    file,
                    &r.id,
                    "`readiness_below` and `report_type` may decide only the type, window, notes or plan changes"
                        .into(),
                );
            }
        }
    }
    for (id, n) in coverage {
        if n < MIN_QUESTIONS_PER_CRITERION {
            err("questionnaires", id, format!("criterion covered by {n} question(s), needs at least {MIN_QUESTIONS_PER_CRITERION}"));
        }
    }
    errors.extend(crate::catalog::estimation::validate(&c.estimation));
    errors.extend(check_inputs(c));
    errors
}

fn check_question(
    q: &Question,
    is_category: bool,
    criteria: &HashSet<&str>,
    coverage: &mut BTreeMap<&str, usize>,
    err: &mut impl FnMut(String),
) {
    if q.text.trim().is_empty() {
        err("missing text".into());
    }
    if q.help.trim().is_empty() {
        err("missing help".into());
    }
    match q.kind {
        QuestionKind::Control => {
            if !is_category {
                err("control questions belong in a category questionnaire".into());
            }
            if q.evidence.trim().is_empty() {
                err("missing evidence".into());
            }
            if q.advice.trim().is_empty() {
                err("missing advice".into());
            }
            if !(1..=5).contains(&q.weight) {
                err(format!("weight {} out of range 1..=5", q.weight));
            }
            if !(0.5..=60.0).contains(&q.effort_days) {
                err(format!(
                    "effort_days {} out of range 0.5..=60",
                    q.effort_days
                ));
            }
            if q.criteria.is_empty() {
                err("maps to no criteria".into());
            }
            for id in &q.criteria {
                match coverage.get_mut(id.as_str()) {
                    Some(n) => *n += 1,
                    None if criteria.contains(id.as_str()) => {}
                    None => err(format!("unknown criterion `{id}`")),
                }
            }
        }
        QuestionKind::Choice | QuestionKind::Multi => {
            if q.options.len() < 2 {
                err("a choice needs at least two options".into());
            }
            let mut ids = HashSet::new();
            for o in &q.options {
                if !ids.insert(o.id.as_str()) {
                    err(format!("duplicate option `{}`", o.id));
                }
            }
        }
        QuestionKind::Number => match (q.min, q.max) {
            (Some(lo), Some(hi)) if lo <= hi => {}
            _ => err("a number question needs min <= max".into()),
        },
        _ if q.integer => err("only a number question can be `integer`".into()),
        QuestionKind::Date => match (q.min, q.max) {
            (None, None) => {}
            (Some(lo), Some(hi)) if lo <= hi && lo.fract() == 0.0 && hi.fract() == 0.0 => {}
            _ => err("a date question's window needs whole days min <= max from today".into()),
        },
        QuestionKind::Text => {}
    }
}

fn reads_facts(cond: &Condition) -> bool {
    let mut f = Vec::new();
    facts_read(cond, &mut f);
    !f.is_empty()
}

/// The facts a rule reads: `Some(fact)` for a decision, `None` for the readiness.
fn facts_read<'c>(cond: &'c Condition, out: &mut Vec<Option<&'c Fact>>) {
    match cond {
        Condition::Answer { .. } | Condition::AtLeast { .. } => {}
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| facts_read(c, out)),
        Condition::Not(c) => facts_read(c, out),
        Condition::Decided(f) => out.push(Some(f)),
        Condition::ReadinessBelow(_) | Condition::DeadlineWithin(_) => out.push(None),
    }
}

/// Conditions may only name questions that come earlier, so visibility is one pass in order.
fn check_condition(
    cond: &Condition,
    known: &HashMap<&str, &Question>,
    err: &mut impl FnMut(String),
) {
    match cond {
        Condition::Answer { question, one_of } => match known.get(question.as_str()) {
            None => err(format!(
                "condition names unknown or later question `{question}`"
            )),
            Some(q) => {
                for o in one_of {
                    let exists = match q.kind {
                        QuestionKind::Choice | QuestionKind::Multi => {
                            q.options.iter().any(|x| &x.id == o)
                        }
                        QuestionKind::Control => true, // checked against the scale at evaluation
                        _ => false,
                    };
                    if !exists {
                        err(format!(
                            "condition names unknown option `{o}` of `{question}`"
                        ));
                    }
                }
                if one_of.is_empty() {
                    err(format!("condition on `{question}` lists no options"));
                }
            }
        },
        Condition::AtLeast { question, .. } => match known.get(question.as_str()) {
            Some(q) if q.kind == QuestionKind::Number => {}
            Some(_) => err(format!(
                "`at_least` needs a number question, `{question}` is not"
            )),
            None => err(format!(
                "condition names unknown or later question `{question}`"
            )),
        },
        Condition::All(cs) | Condition::Any(cs) => {
            for c in cs {
                check_condition(c, known, err);
            }
        }
        Condition::Not(c) => check_condition(c, known, err),
        Condition::Decided(_) => {}
        Condition::ReadinessBelow(v) => {
            if !(0.0..=100.0).contains(v) {
                err(format!("readiness_below {v} out of range 0..=100"));
            }
        }
        Condition::DeadlineWithin(m) => {
            if !(*m > 0.0 && *m <= 60.0) {
                err(format!("deadline_within {m} out of range (0, 60] months"));
            }
        }
    }
}

/// The estimation inputs must name real scope questions, purchases real control
/// questions, and the busy season real months.
pub(crate) fn check_inputs(c: &Catalog) -> Vec<CatalogError> {
    let error = |location: String, reason: String| CatalogError {
        file: "estimation.toml".into(),
        location,
        reason,
    };
    let mut errors: Vec<CatalogError> = c
        .estimation
        .inputs
        .questions()
        .iter()
        .filter(|id| c.question(id).is_none())
        .map(|id| error("inputs".into(), format!("unknown question `{id}`")))
        .collect();
    for b in &c.estimation.cost.purchases {
        let location = format!("cost.purchases.{}", b.id);
        if b.when_gap.is_empty() {
            errors.push(error(location.clone(), "lists no questions".into()));
        }
        for id in &b.when_gap {
            if !c
                .question(id)
                .is_some_and(|q| q.kind == QuestionKind::Control)
            {
                errors.push(error(
                    location.clone(),
                    format!("`{id}` is not a control question"),
                ));
            }
        }
    }
    let months = &c.estimation.timeline.busy_season_months;
    if months.iter().any(|m| !(1..=12).contains(m)) {
        errors.push(error(
            "timeline.busy_season_months".into(),
            format!("{months:?} are not months 1 to 12"),
        ));
    }
    errors
}
