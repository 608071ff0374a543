//! Share and preset links: answers packed into the URL fragment, which browsers
//! never send to a server.
//!
//! Format `<kind><version>.<base64url(postcard(payload) ++ adler32)>`. Questions
//! and options travel as their position in the questionnaire, which keeps a full
//! Security assessment to a few hundred characters; the questionnaire version
//! travels too, and a link from another version is refused rather than
//! misread. The checksum catches truncated or altered links (it is not a
//! signature: anyone can make a link).

use crate::catalog::kinds::{Report, ReportType};
use crate::catalog::QuestionKind;
use crate::report::check::{self, Problem};
use crate::report::snapshot::Snapshot;
use crate::report::summary::{self, Line, Summary, SummaryGap};
use crate::{AnswerValue, Answers, Catalog, Readiness};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// Longest link fragment offered; longer states go to the JSON export instead.
pub const MAX_LINK: usize = 6000;
/// Preset text limits, in characters.
pub const MAX_ORG: usize = 80;
pub const MAX_CONTACT: usize = 120;
pub const MAX_MESSAGE: usize = 600;

const SHARE: &str = "a3.";
const PRESET: &str = "p1.";

/// An answer by position: option index, option indexes, a number or text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Packed {
    Option(u8),
    Many(Vec<u8>),
    Number(f64),
    Text(String),
}

/// A summary by position: gaps as (question, option) positions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PackedSummary {
    company: String,
    made_on: String,
    reports: Vec<String>,
    report_type: String,
    window_months: u32,
    lines: Vec<PackedLine>,
    first_report: [String; 3],
    gaps: Option<Vec<(u16, u8)>>,
    customer_controls: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PackedLine {
    id: String,
    score: Option<u8>,
    band: Option<String>,
    answered: u32,
    applicable: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SharePayload {
    questionnaire_version: String,
    summary: PackedSummary,
    values: Vec<(u16, Packed)>,
    notes: Vec<(u16, String)>,
}

/// What the sender lets the link carry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareOptions {
    /// The gap list, and with it the control answers (a copy would show them).
    pub gaps: bool,
    /// The notes, when the control answers travel.
    pub notes: bool,
}

impl Default for ShareOptions {
    fn default() -> Self {
        ShareOptions {
            gaps: true,
            notes: false,
        }
    }
}

/// An opened share link: the summary to show and the answers a copy starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub summary: Summary,
    /// All answers when the sender shared the gaps; scope and applicability only otherwise.
    pub answers: Answers,
}

/// What a sales team presets for a prospect.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    pub organisation: String,
    pub contact: String,
    pub message: String,
    /// Categories to show; empty follows the recommendation.
    pub categories: Vec<String>,
    /// Preset scope and applicability answers.
    pub answers: Answers,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PresetPayload {
    questionnaire_version: String,
    organisation: String,
    contact: String,
    message: String,
    categories: Vec<String>,
    values: Vec<(u16, Packed)>,
}

/// A share link's fragment and what had to be left out.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareLink {
    /// `None` when even the answers alone do not fit in [`MAX_LINK`].
    pub data: Option<String>,
    pub notes_included: bool,
}

/// The answers a link carries: all of them, or those outside the categories.
fn shared_answers(catalog: &Catalog, answers: &Answers, controls: bool) -> Answers {
    let keep = |id: &String| {
        controls
            || catalog
                .questions()
                .find(|(_, _, q)| &q.id == id)
                .is_some_and(|(qn, _, _)| !catalog.is_category(&qn.id))
    };
    Answers {
        values: answers
            .values
            .iter()
            .filter(|(id, _)| keep(id))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        notes: if controls {
            answers.notes.clone()
        } else {
            Default::default()
        },
    }
}

fn pack_summary(catalog: &Catalog, s: &Summary) -> PackedSummary {
    let index = |id: &str| catalog.questions().position(|(_, _, q)| q.id == id);
    let scale = |o: &str| catalog.manifest.scale.iter().position(|x| x.id == o);
    let lines = std::iter::once(&s.overall)
        .chain(&s.categories)
        .map(|l| PackedLine {
            id: l.id.clone(),
            score: l.score,
            band: l.band.clone(),
            answered: l.answered,
            applicable: l.applicable,
        })
        .collect();
    PackedSummary {
        company: s.company.clone(),
        made_on: s.made_on.clone(),
        reports: s.reports.iter().map(|r| r.id().to_owned()).collect(),
        report_type: s.report_type.id().to_owned(),
        window_months: s.window_months,
        lines,
        first_report: s.first_report.clone(),
        gaps: s.gaps.as_ref().map(|gs| {
            gs.iter()
                .filter_map(|g| Some((index(&g.question)? as u16, scale(&g.answer)? as u8)))
                .collect()
        }),
        customer_controls: s.customer_controls.clone(),
    }
}

fn unpack_summary(
    catalog: &Catalog,
    questions: &[&crate::catalog::Question],
    p: PackedSummary,
) -> Result<Summary, Problem> {
    let mut lines = p.lines.into_iter().map(|l| Line {
        id: l.id,
        score: l.score,
        band: l.band,
        answered: l.answered,
        applicable: l.applicable,
    });
    let overall = lines
        .next()
        .ok_or_else(|| damaged("it has no overall score"))?;
    let gaps = match p.gaps {
        None => None,
        Some(gs) => Some(
            gs.into_iter()
                .map(|(q, o)| {
                    Some(SummaryGap {
                        question: questions.get(usize::from(q))?.id.to_string(),
                        answer: catalog.manifest.scale.get(usize::from(o))?.id.to_string(),
                    })
                })
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| damaged("a gap names a question or answer that does not exist"))?,
        ),
    };
    let reports = p
        .reports
        .iter()
        .map(|r| Report::from_id(r))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| damaged("it holds an unknown report"))?;
    let report_type = ReportType::from_id(&p.report_type)
        .ok_or_else(|| damaged("it holds an unknown report type or window"))?;
    let summary = Summary {
        company: p.company,
        made_on: p.made_on,
        reports,
        report_type,
        window_months: p.window_months,
        overall,
        categories: lines.collect(),
        first_report: p.first_report,
        gaps,
        customer_controls: p.customer_controls,
    };
    summary::check(catalog, &summary)?;
    Ok(summary)
}

fn option_ids<'c>(catalog: &'c Catalog, q: &'c crate::catalog::Question) -> Vec<&'c str> {
    if q.kind == QuestionKind::Control {
        catalog
            .manifest
            .scale
            .iter()
            .map(|o| o.id.as_str())
            .collect()
    } else {
        q.options.iter().map(|o| o.id.as_str()).collect()
    }
}

fn pack(catalog: &Catalog, answers: &Answers) -> Vec<(u16, Packed)> {
    catalog
        .questions()
        .enumerate()
        .filter_map(|(i, (_, _, q))| {
            let v = answers.get(&q.id)?;
            let ids = option_ids(catalog, q);
            let pos = |o: &str| ids.iter().position(|x| *x == o).map(|p| p as u8);
            let packed = match v {
                AnswerValue::Number(n) => Packed::Number(*n),
                AnswerValue::One(t)
                    if matches!(q.kind, QuestionKind::Text | QuestionKind::Date) =>
                {
                    Packed::Text(t.clone())
                }
                AnswerValue::One(o) => Packed::Option(pos(o)?),
                AnswerValue::Many(os) => Packed::Many(os.iter().filter_map(|o| pos(o)).collect()),
            };
            Some((i as u16, packed))
        })
        .collect()
}

/// The questions in catalog order: a link's question numbers index this list.
fn questions(catalog: &Catalog) -> Vec<&crate::catalog::Question> {
    catalog.questions().map(|(_, _, q)| q).collect()
}

/// Answers by position back to IDs; the caller checks them once complete.
fn unpack(
    catalog: &Catalog,
    questions: &[&crate::catalog::Question],
    values: Vec<(u16, Packed)>,
) -> Result<Answers, Problem> {
    let mut answers = Answers::default();
    for (i, p) in values {
        let q = questions
            .get(usize::from(i))
            .ok_or_else(|| damaged("it names a question that does not exist"))?;
        let ids = option_ids(catalog, q);
        let id = |o: u8| {
            ids.get(usize::from(o))
                .map(|s| (*s).to_owned())
                .ok_or_else(|| damaged("it names an answer that does not exist"))
        };
        let value = match p {
            Packed::Number(n) => AnswerValue::Number(n),
            Packed::Text(t) => AnswerValue::One(t),
            Packed::Option(o) => AnswerValue::One(id(o)?),
            Packed::Many(os) => {
                AnswerValue::Many(os.into_iter().map(id).collect::<Result<_, _>>()?)
            }
        };
        answers.values.insert(q.id.to_string(), value);
    }
    Ok(answers)
}

fn damaged(why: &str) -> Problem {
    Problem::new("link", format!("the link is damaged or incomplete: {why}"))
}

fn frame<T: Serialize>(prefix: &str, payload: &T) -> String {
    let mut bytes = postcard::to_allocvec(payload).unwrap_or_default();
    let sum = adler2::adler32_slice(&bytes);
    bytes.extend_from_slice(&sum.to_be_bytes());
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

fn unframe<T: DeserializeOwned>(prefix: &str, text: &str) -> Result<T, Problem> {
    let text = text.trim();
    let body =
        match text.strip_prefix(prefix) {
            Some(b) => b,
            None => return Err(match version_of(prefix, text) {
                Some(std::cmp::Ordering::Greater) => Problem::new(
                    "link",
                    "it was made by a newer version of the app; open it there or update this copy",
                ),
                Some(_) => Problem::new(
                    "link",
                    "it was made by an older version of the app; ask the sender for a new link",
                ),
                None => damaged("it does not start like a link from this app"),
            }),
        };
    let bytes = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| damaged("it holds characters or a length a link never has"))?;
    if bytes.len() < 5 {
        return Err(damaged("it is too short"));
    }
    let (data, sum) = bytes.split_at(bytes.len() - 4);
    if adler2::adler32_slice(data).to_be_bytes() != sum {
        return Err(damaged("the checksum does not match"));
    }
    postcard::from_bytes(data).map_err(|_| damaged("its contents cannot be read"))
}

/// How a link of the same kind compares with the version this app writes
/// (`a7.` against `a2.` is newer); `None` for anything else.
fn version_of(prefix: &str, text: &str) -> Option<std::cmp::Ordering> {
    let (kind, ours) = prefix.split_at(1);
    let version = |v: &str| v.trim_end_matches('.').parse::<u32>().ok();
    text.strip_prefix(kind)
        .and_then(|rest| rest.split_once('.'))
        .and_then(|(v, _)| version(v))
        .zip(version(ours))
        .map(|(theirs, ours)| theirs.cmp(&ours))
}

fn same_version(catalog: &Catalog, v: &str) -> Result<(), Problem> {
    if v == catalog.manifest.version {
        Ok(())
    } else {
        Err(Problem::new(
            "link",
            format!(
                "it was made with questionnaire version {v}; this app has {}. Ask for a JSON export instead",
                catalog.manifest.version
            ),
        ))
    }
}

/// A link with the summary and the answers the options allow, and the notes when they fit.
pub fn encode(
    catalog: &Catalog,
    snapshot: &Snapshot,
    readiness: &Readiness,
    made_on: &str,
    options: ShareOptions,
) -> ShareLink {
    let answers = shared_answers(catalog, &snapshot.answers, options.gaps);
    let summary = pack_summary(
        catalog,
        &summary::build(snapshot, readiness, made_on, options.gaps),
    );
    let values = pack(catalog, &answers);
    let index = |id: &str| catalog.questions().position(|(_, _, q)| q.id == id);
    let notes: Vec<(u16, String)> = if options.notes {
        answers
            .notes
            .iter()
            .filter_map(|(id, n)| Some((index(id)? as u16, n.clone())))
            .collect()
    } else {
        Vec::new()
    };
    let with_notes = notes.len();
    for notes in [notes, Vec::new()] {
        let included = !notes.is_empty() || with_notes == 0;
        let data = frame(
            SHARE,
            &SharePayload {
                questionnaire_version: catalog.manifest.version.to_string(),
                summary: summary.clone(),
                values: values.clone(),
                notes,
            },
        );
        if data.len() <= MAX_LINK {
            return ShareLink {
                data: Some(data),
                notes_included: included,
            };
        }
    }
    ShareLink {
        data: None,
        notes_included: false,
    }
}

/// The summary and answers of a share link, checked like an import.
pub fn decode(catalog: &Catalog, text: &str) -> Result<Shared, Problem> {
    if text.len() > MAX_LINK + 100 {
        return Err(damaged("it is longer than any link this app makes"));
    }
    let p: SharePayload = unframe(SHARE, text)?;
    same_version(catalog, &p.questionnaire_version)?;
    let questions = questions(catalog);
    let summary = unpack_summary(catalog, &questions, p.summary)?;
    let mut answers = unpack(catalog, &questions, p.values)?;
    for (i, note) in p.notes {
        let q = questions
            .get(usize::from(i))
            .ok_or_else(|| damaged("a note names a question that does not exist"))?;
        answers.notes.insert(q.id.to_string(), note);
    }
    check::answers(catalog, &answers)?;
    Ok(Shared { summary, answers })
}

fn limit(field: &str, text: &str, max: usize) -> Result<(), Problem> {
    if text.chars().count() > max {
        Err(Problem::new(
            format!("preset.{field}"),
            format!("longer than {max} characters"),
        ))
    } else {
        Ok(())
    }
}

fn check_preset(catalog: &Catalog, p: &Preset) -> Result<(), Problem> {
    limit("organisation", &p.organisation, MAX_ORG)?;
    limit("contact", &p.contact, MAX_CONTACT)?;
    limit("message", &p.message, MAX_MESSAGE)?;
    if let Some(c) = p.categories.iter().find(|c| catalog.category(c).is_none()) {
        return Err(Problem::new(
            "preset.categories",
            format!("unknown category \"{c}\""),
        ));
    }
    if p.categories
        .iter()
        .enumerate()
        .any(|(i, c)| p.categories[..i].contains(c))
    {
        return Err(Problem::new(
            "preset.categories",
            "a category is listed twice",
        ));
    }
    Ok(())
}

/// A sales preset link; `Err` when a text is over its limit.
pub fn encode_preset(catalog: &Catalog, p: &Preset) -> Result<String, Problem> {
    check_preset(catalog, p)?;
    // The recipient checks the answers; a link they would refuse is never made.
    check::answers(catalog, &p.answers)?;
    Ok(frame(
        PRESET,
        &PresetPayload {
            questionnaire_version: catalog.manifest.version.to_string(),
            organisation: p.organisation.clone(),
            contact: p.contact.clone(),
            message: p.message.clone(),
            categories: p.categories.clone(),
            values: pack(catalog, &p.answers),
        },
    ))
}

/// A preset, checked: text within limits, known categories, valid answers.
pub fn decode_preset(catalog: &Catalog, text: &str) -> Result<Preset, Problem> {
    let p: PresetPayload = unframe(PRESET, text)?;
    same_version(catalog, &p.questionnaire_version)?;
    let preset = Preset {
        organisation: p.organisation,
        contact: p.contact,
        message: p.message,
        categories: p.categories,
        answers: unpack(catalog, &questions(catalog), p.values)?,
    };
    check::answers(catalog, &preset.answers)?;
    check_preset(catalog, &preset)?;
    Ok(preset)
}
