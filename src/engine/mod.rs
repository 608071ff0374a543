//! The pure readiness engine: what is visible, which report fits, scores and gaps.
//! It knows nothing of estimates; `assessment` puts the two together.

pub mod answers;
pub mod applicability;
pub mod conditions;
pub mod crosswalk;
pub mod cuecs;
pub mod deadline;
pub mod evidence;
pub mod gaps;
pub mod object_map;
pub mod policies;
pub mod registers;
pub mod scoring;
pub mod visibility;

use crate::catalog::Catalog;
use answers::Answers;
use applicability::Decision;
use conditions::Effective;
use scoring::{Contribution, Item, Level};
use time::Date;
use visibility::{Shown, Visibility};

/// What the answers decide before anything is estimated.
pub struct Resolved<'a> {
    pub visibility: Visibility,
    /// The visible questions in walk order with their answers, so later steps need
    /// not search the visibility lists or the answers again.
    pub shown: Vec<Shown<'a>>,
    pub effective: Effective<'a>,
    pub decision: Decision,
    pub items: Vec<Item<'a>>,
}

/// Walks the questionnaires in order: scope and applicability first, then what is
/// assessed. Rules that read the readiness get it on a second pass, once the
/// control answers of what is assessed are known. A deadline is measured from `start`.
pub fn resolve<'a>(catalog: &'a Catalog, answers: &'a Answers, start: Date) -> Resolved<'a> {
    // Room for every question up front: growing the lists costs more than filling them.
    let n = catalog.questions().count();
    let mut vis = Visibility::default();
    vis.questions.reserve(n);
    let mut shown = Vec::with_capacity(n);
    let mut eff = Effective::with_capacity(n);
    // Each question's answer is looked up once: by number rather than through the
    // map's string comparisons.
    let given = answer_index(answers);
    let answer = |id: &str| given.get(id);
    for qn in catalog
        .questionnaires
        .iter()
        .filter(|q| !catalog.is_category(&q.id))
    {
        visibility::walk(qn, answer, &mut eff, &mut vis, &mut shown);
    }
    let deadline = deadline::from_answers(catalog, &eff, start);
    let first = applicability::decide(catalog, &eff, None, deadline.as_ref());
    for qn in catalog
        .questionnaires
        .iter()
        .filter(|q| first.assessed.contains(&q.id))
    {
        visibility::walk(qn, answer, &mut eff, &mut vis, &mut shown);
    }
    vis.finish();
    let items = scoring::items_of(catalog, &shown);
    let readiness = scoring::known_design_readiness(catalog, &items);
    let decision = match readiness {
        Some(_) => {
            let second = applicability::decide(catalog, &eff, readiness, deadline.as_ref());
            debug_assert_eq!(
                second.assessed, first.assessed,
                "readiness rules never change scope"
            );
            second
        }
        None => first,
    };
    Resolved {
        visibility: vis,
        shown,
        effective: eff,
        decision,
        items,
    }
}

/// The user's answers by question ID, for the walk's lookups.
fn answer_index(answers: &Answers) -> Index<'_, &answers::AnswerValue> {
    let mut index = Index::with_capacity(answers.values.len());
    for (id, value) in &answers.values {
        index.insert(id, value);
    }
    index
}

/// The answers that moved one score, and by how much (100 plus the deltas is the score).
/// The type of report (and so what counts) may hang on a deadline, measured from `start`.
/// A category, group or criterion that is not assessed has no score, so nothing
/// explains it, even when a question asked elsewhere covers one of its criteria.
pub fn explain(
    catalog: &Catalog,
    answers: &Answers,
    start: Date,
    level: Level,
    id: &str,
) -> Vec<Contribution> {
    let r = resolve(catalog, answers, start);
    let group_category = |g: &str| catalog.group(g).map(|g| g.category.as_str());
    let category = match level {
        Level::Overall | Level::Report => None,
        Level::Category => Some(id),
        Level::Group => group_category(id),
        Level::Criterion => catalog.criterion(id).and_then(|c| group_category(&c.group)),
    };
    if category.is_some_and(|c| !r.decision.assessed.iter().any(|a| a == c)) {
        return Vec::new();
    }
    scoring::contributions(
        &scoring::members(&r.items, level, id),
        r.decision.is_type1(),
    )
}

/// Positions of IDs in a list, for the many lookups of one evaluation: a small
/// hash table. A sorted list or a map compares strings at every step of a search;
/// here a search compares the IDs' numbers and then one string. It can hold any
/// small value instead of a position (the answers in effect are one).
#[derive(Debug)]
pub(crate) struct Index<'a, V = usize> {
    /// (number, ID, value) or empty, at the slot the number picks (or the next
    /// free one); at least twice as many slots as IDs, so a search rarely looks at two.
    slots: Vec<Option<(u64, &'a str, V)>>,
    bits: u32,
    len: usize,
}

impl<'a> Index<'a> {
    pub fn new(ids: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let mut index = Index::with_capacity(ids.len());
        for (i, id) in ids.enumerate() {
            index.insert(id, i);
        }
        index
    }
}

impl<'a, V: Copy> Index<'a, V> {
    /// Room for `n` IDs before the table has to grow.
    pub fn with_capacity(n: usize) -> Self {
        let bits = (2 * n).next_power_of_two().trailing_zeros();
        Index {
            slots: vec![None; 1 << bits],
            bits,
            len: 0,
        }
    }

    /// Adds `id` unless it is there already: the first value given stays.
    pub fn insert(&mut self, id: &'a str, value: V) {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let k = key(id);
        if let (at, None) = self.find(k, id) {
            self.slots[at] = Some((k, id, value));
            self.len += 1;
        }
    }

    /// The value of `id`: for [`Index::new`], its first position in the list.
    pub fn get(&self, id: &str) -> Option<V> {
        self.find(key(id), id).1
    }

    /// The slot holding `id` and its value, or the free slot where it would go.
    fn find(&self, k: u64, id: &str) -> (usize, Option<V>) {
        let mask = self.slots.len() - 1;
        // The high bits: they depend on every byte of the ID.
        let mut at = (k >> 1 >> (63 - self.bits)) as usize & mask;
        while let Some((other, other_id, v)) = self.slots[at] {
            if other == k && other_id == id {
                return (at, Some(v));
            }
            at = (at + 1) & mask;
        }
        (at, None)
    }

    /// Twice the slots, the IDs placed again.
    fn grow(&mut self) {
        let old = std::mem::replace(self, Index::with_capacity(self.slots.len()));
        for (_, id, v) in old.slots.into_iter().flatten() {
            self.insert(id, v);
        }
    }
}

/// A number standing for an ID: equal IDs get equal numbers, different ones
/// almost always different numbers (a clash costs one more string comparison).
/// Eight bytes at a time: IDs run to thirty characters and more.
pub(crate) fn key(id: &str) -> u64 {
    let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    let mut words = id.as_bytes().chunks_exact(8);
    let h = words.by_ref().fold(id.len() as u64, |h, w| {
        mix(h, u64::from_le_bytes(w.try_into().unwrap_or_default()))
    });
    words
        .remainder()
        .iter()
        .fold(h, |h, b| h.rotate_left(8) ^ u64::from(*b))
        .wrapping_mul(0x517c_c1b7_2722_0a95)
}

#[cfg(test)]
mod tests {
    use super::{key, Index};

    #[test]
    fn index_finds_the_first_position_of_each_id() {
        let ids = [
            "CC1.1",
            "sec.cc6.access_review",
            "",
            "A1.2",
            "CC1.1",
            "privacy",
        ];
        let index = Index::new(ids.iter().copied());
        for (i, id) in ids.iter().enumerate() {
            let first = ids.iter().position(|x| x == id);
            assert_eq!(index.get(id), first, "{id} at {i}");
        }
        for missing in ["CC1.2", "cc1.1", "sec.cc6.access_reviews", "A1"] {
            assert_eq!(index.get(missing), None, "{missing}");
        }
        assert_eq!(Index::new(std::iter::empty()).get("x"), None);
        // Grown one ID at a time from no room at all, the first value stays.
        let mut grown = Index::with_capacity(0);
        for (i, id) in ids.iter().enumerate() {
            grown.insert(id, i);
        }
        for id in ids {
            assert_eq!(grown.get(id), index.get(id), "{id}");
        }
        assert_ne!(key("sec.cc6.access_review"), key("sec.cc6.access_revieW"));
    }
}
