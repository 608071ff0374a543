//! Structural checks on a catalog, each error naming file, ID and reason.

use super::kinds::{Report, Status};
use super::{Catalog, CatalogError, Condition, Effect, Fact, Question, QuestionKind, Rule, Text};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// How many questions must cover each criterion.
pub const MIN_QUESTIONS_PER_CRITERION: usize = 2;

/// Two control questions of one report whose texts share at least this share of
/// their content words (Jaccard: shared over all) ask the same thing twice.
pub const NEAR_DUPLICATE_SHARED: f64 = 0.5;
/// ... or when at least this share of the shorter text's content words (five or
/// more) appears in the longer one: one question copied inside another.
pub const NEAR_DUPLICATE_CONTAINED: f64 = 0.8;

/// Words that carry no meaning of their own when comparing question texts.
const STOP_WORDS: &[&str] = &[
    "about", "after", "all", "also", "and", "any", "are", "been", "before", "being", "but", "can",
    "does", "each", "every", "for", "from", "has", "have", "how", "into", "its", "least", "more",
    "most", "not", "once", "only", "other", "our", "over", "per", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "was", "were",
    "what", "when", "where", "which", "who", "will", "with", "you", "your",
];

/// Scope questions that no rule, condition or estimate reads, and what uses them
/// instead. Every other scope question must change something.
pub const SCOPE_RECORD_ONLY: &[(&str, &str)] = &[
    (
        "scope.company_name",
        "names the assessment, the results page, the printout, shared links and the export",
    ),
    (
        "scope.services",
        "records which services the report would cover, listed with the scope answers in the export",
    ),
];

/// The content words of a text: lower case, without stop words, words under three
/// letters or a plural `s`, so "backups" and "backup" count as one word.
pub fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if w.chars().count() > 4 && !stem.ends_with('s') => stem.to_owned(),
            _ => w,
        })
        .collect()
}

/// How alike two texts are: (shared content words over all of them, shared over
/// those of the shorter text).
pub fn text_similarity(a: &str, b: &str) -> (f64, f64) {
    similarity(&content_words(a), &content_words(b))
}

fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> (f64, f64) {
    let shared = a.intersection(b).count() as f64;
    let all = (a.len() + b.len()) as f64 - shared;
    let shorter = a.len().min(b.len()) as f64;
    if shorter == 0.0 {
        return (0.0, 0.0);
    }
    (shared / all, shared / shorter)
}

fn nearly_same_words(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let (shared, contained) = similarity(a, b);
    shared >= NEAR_DUPLICATE_SHARED
        || (a.len().min(b.len()) >= 5 && contained >= NEAR_DUPLICATE_CONTAINED)
}

/// True when two question texts are nearly the same (see the thresholds above).
pub fn nearly_same_text(a: &str, b: &str) -> bool {
    nearly_same_words(&content_words(a), &content_words(b))
}

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
    // Bands, categories, groups and criteria are looked up by position: each ID
    // must name one of them.
    let mut seen: HashSet<&str> = HashSet::new();
    for id in m.bands.iter().map(|b| &b.id) {
        if !seen.insert(id) {
            err(manifest_file, id, "duplicate band ID".into());
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for id in m.categories.iter().map(|c| &c.id) {
        if !seen.insert(id) {
            err(manifest_file, id, "duplicate category ID".into());
        }
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
    let mut groups: HashSet<&str> = HashSet::new();
    for g in &m.groups {
        if !groups.insert(g.id.as_str()) {
            err(manifest_file, &g.id, "duplicate group ID".into());
        }
        if c.category(&g.category).is_none() {
            err(
                manifest_file,
                &g.id,
                format!("unknown category `{}`", g.category),
            );
        }
    }
    // Scores and lists look criteria up by position: each ID must name one criterion.
    let mut criteria: HashSet<&str> = HashSet::new();
    for x in &m.criteria {
        if !criteria.insert(x.id.as_str()) {
            err(manifest_file, &x.id, "duplicate criterion ID".into());
        }
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
    let retired: HashSet<&str> = m.retired_ids.iter().map(Text::as_str).collect();
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
    for (from, to) in &m.merged_into {
        if !retired.contains(from.as_str()) {
            err(
                manifest_file,
                "merged_into",
                format!("`{from}` is not a retired question"),
            );
        }
        if !known
            .get(to.as_str())
            .is_some_and(|q| q.kind == QuestionKind::Control)
        {
            err(
                manifest_file,
                "merged_into",
                format!("`{from}` moves to `{to}`, which is not a current control question"),
            );
        }
    }
    errors.extend(near_duplicates(c));
    errors.extend(unused_scope_questions(c));
    errors.extend(crate::catalog::estimation::validate(&c.estimation));
    errors.extend(check_inputs(c));
    errors.extend(super::validate_artefacts::validate(c));
    errors
}

/// Control questions of one report whose texts are nearly the same: the control is
/// asked twice and counted twice. Ask it once and list every criterion it covers.
/// SOC 1 and SOC 2 are compared apart: a SOC 1 can be assessed without a SOC 2, so
/// its IT general controls stand on their own.
pub fn near_duplicates(c: &Catalog) -> Vec<CatalogError> {
    type Entry<'c> = (&'c str, &'c Question, BTreeSet<String>);
    let mut by_report: BTreeMap<Report, Vec<Entry>> = BTreeMap::new();
    for qn in &c.questionnaires {
        let Some(category) = c.category(&qn.id) else {
            continue;
        };
        for q in qn.sections.iter().flat_map(|s| &s.questions) {
            by_report.entry(category.report).or_default().push((
                qn.file.as_str(),
                q,
                content_words(&q.text),
            ));
        }
    }
    let mut errors = Vec::new();
    for questions in by_report.values() {
        for (i, (file, q, words)) in questions.iter().enumerate() {
            for (_, earlier, earlier_words) in &questions[..i] {
                if nearly_same_words(earlier_words, words) {
                    let (shared, contained) = similarity(earlier_words, words);
                    errors.push(CatalogError {
                        file: (*file).to_owned(),
                        location: q.id.to_string(),
                        reason: format!(
                            "text nearly the same as `{}` ({:.0} % of words shared, {:.0} % of the shorter one): ask it once and list every criterion it covers",
                            earlier.id,
                            shared * 100.0,
                            contained * 100.0
                        ),
                    });
                }
            }
        }
    }
    errors
}

/// Scope questions nothing reads: asked, and never used. A scope question must be
/// read by a condition (`show_if`, a rule's `when`) or an estimate input, or be
/// listed in [`SCOPE_RECORD_ONLY`] with what uses it.
pub fn unused_scope_questions(c: &Catalog) -> Vec<CatalogError> {
    let mut read: Vec<&str> = c.estimation.inputs.questions().to_vec();
    // The register drafts read scope answers too.
    let a = &c.auditor;
    let drafts = a
        .subservices
        .iter()
        .chain(&a.other_subservice)
        .filter_map(|d| d.when.as_ref());
    for cond in drafts.chain(a.cuecs.iter().filter_map(|d| d.when.as_ref())) {
        crate::engine::conditions::questions_read(cond, &mut read);
    }
    for qn in &c.questionnaires {
        for s in &qn.sections {
            let conditions = s
                .show_if
                .iter()
                .chain(s.questions.iter().filter_map(|q| q.show_if.as_ref()));
            for cond in conditions {
                crate::engine::conditions::questions_read(cond, &mut read);
            }
        }
        for r in &qn.rules {
            crate::engine::conditions::questions_read(&r.when, &mut read);
        }
    }
    let mut errors = Vec::new();
    let Some(scope) = c.questionnaire("scope") else {
        return errors;
    };
    for q in scope.sections.iter().flat_map(|s| &s.questions) {
        let used = read.contains(&q.id.as_str());
        let listed = SCOPE_RECORD_ONLY.iter().any(|(id, _)| *id == q.id);
        let reason = match (used, listed) {
            (false, false) => "no rule, condition or estimate input reads this scope question: use it or remove it",
            (true, true) => "is read by a rule, condition or estimate, so it need not be listed as record-only",
            _ => continue,
        };
        errors.push(CatalogError {
            file: scope.file.to_string(),
            location: q.id.to_string(),
            reason: reason.into(),
        });
    }
    for (id, _) in SCOPE_RECORD_ONLY {
        if !scope
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .any(|q| q.id == *id)
        {
            errors.push(CatalogError {
                file: scope.file.to_string(),
                location: (*id).to_owned(),
                reason: "listed as a record-only scope question but not in the scope questionnaire"
                    .into(),
            });
        }
    }
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
        Condition::Not(cs) => cs.iter().for_each(|c| facts_read(c, out)),
        Condition::Decided(f) => out.push(Some(f)),
        Condition::ReadinessBelow(_) | Condition::DeadlineWithin(_) => out.push(None),
    }
}

/// Conditions may only name questions that come earlier, so visibility is one pass in order.
pub(super) fn check_condition(
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
        Condition::Not(cs) => {
            if cs.len() != 1 {
                err(format!("`not` holds {} conditions, not one", cs.len()));
            }
            cs.iter().for_each(|c| check_condition(c, known, err));
        }
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
    let inputs = &c.estimation.inputs;
    if let Some(q) = c.question(&inputs.frameworks) {
        for o in &inputs.framework_options {
            if !q.options.iter().any(|x| &x.id == o) {
                errors.push(error(
                    "inputs.framework_options".into(),
                    format!("`{o}` is not an option of `{}`", inputs.frameworks),
                ));
            }
        }
    }
    for p in &c.manifest.policies {
        let location = format!("policies.{}", p.id);
        if p.questions.is_empty() || p.title.trim().is_empty() {
            errors.push(CatalogError {
                file: "catalog.toml".into(),
                location: location.clone(),
                reason: "a policy needs a title and at least one question".into(),
            });
        }
        if let Some(cat) = &p.category {
            if c.category(cat).is_none() {
                errors.push(CatalogError {
                    file: "catalog.toml".into(),
                    location: location.clone(),
                    reason: format!("unknown category `{cat}`"),
                });
            }
        }
        for q in &p.questions {
            if !c
                .question(q)
                .is_some_and(|x| x.kind == QuestionKind::Control)
            {
                errors.push(CatalogError {
                    file: "catalog.toml".into(),
                    location: location.clone(),
                    reason: format!("`{q}` is not a control question"),
                });
            }
        }
    }
    for r in &c.estimation.timeline.recurring {
        if ![1, 3, 6, 12].contains(&r.every_months) || r.label.trim().is_empty() {
            errors.push(error(
                "timeline.recurring".into(),
                format!(
                    "`{}` every {} months: needs a label and 1, 3, 6 or 12",
                    r.label, r.every_months
                ),
            ));
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
