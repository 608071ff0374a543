//! Estimation parameters from `questionnaires/estimation.toml`: every number a
//! low / likely / high range with its source, or marked as a user-editable assumption.

use super::static_data::{static_data, List, Map, Text};
use crate::catalog::CatalogError;
use litemap::LiteMap;
use serde::{Deserialize, Serialize};

static_data! {
    /// One estimated number as a range, with where it came from.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Param {
        /// `[low, likely, high]`.
        pub range: [f64; 3],
        #[serde(default)]
        pub source: Option<Text>,
        /// No public figure exists: the user may edit it.
        #[serde(default)]
        pub assumption: bool,
        #[serde(default)]
        pub label: Text,
        /// `[lowest, highest]` a user may set: editable numbers only.
        #[serde(default)]
        pub bounds: Option<[f64; 2]>,
    }
}

impl Param {
    /// The bounds, or the widest a sourced number may take.
    pub fn limits(&self) -> [f64; 2] {
        self.bounds.unwrap_or([0.0, 1e9])
    }

    /// True for a user's `[low, likely, high]` this parameter can take: finite,
    /// ordered and within its bounds. Nothing is re-sorted or clamped.
    pub fn accepts(&self, r: &[f64; 3]) -> bool {
        let [lo, hi] = self.limits();
        r.iter().all(|v| v.is_finite() && (lo..=hi).contains(v)) && r[0] <= r[1] && r[1] <= r[2]
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct EstimationParams {
        pub schema_version: u32,
        pub currency: Text,
        pub inputs: Inputs,
        pub sources: Map<Source>,
        pub timeline: TimelineParams,
        pub cost: CostParams,
    }
}

static_data! {
    /// A public page a parameter's range comes from, shown as a link.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Source {
        pub title: Text,
        pub url: Text,
    }
}

static_data! {
    /// The scope questions (and options) the estimates read.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Inputs {
        pub headcount: Text,
        pub systems: Text,
        pub locations: Text,
        pub subservice_count: Text,
        pub subservice_method: Text,
        pub inclusive_option: Text,
        pub compliance_fte: Text,
        pub tooling: Text,
        pub platform_option: Text,
        /// The frameworks the company already runs (a multi-choice question).
        pub frameworks: Text,
        /// Its options that lower the remediation effort.
        pub framework_options: List<Text>,
        pub deadline: Text,
        /// The deadline as a date, when the user gives one instead of a number of months.
        pub deadline_date: Text,
        /// When the last report's period ended (renewals continue from there).
        pub last_period_end: Text,
        /// Customers' usual financial year end, for a SOC 1 period.
        pub customer_year_end: Text,
        pub year_ends: List<YearEndOption>,
        /// Deadline options of the scope question and the months each means.
        pub deadlines: List<DeadlineOption>,
    }
}

static_data! {
    /// Up to `up_to` people, a company typically has `fte` people's worth of time for compliance.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct CapacityBand {
        pub up_to: f64,
        pub fte: f64,
    }
}

static_data! {
    /// An option of the customers' year-end question and the month it ends in.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct YearEndOption {
        pub option: Text,
        pub month: u8,
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct DeadlineOption {
        pub option: Text,
        pub months: u32,
    }
}

impl Inputs {
    /// Months until the deadline a scope option stands for.
    pub fn deadline_months(&self, option: &str) -> Option<u32> {
        self.deadlines
            .iter()
            .find(|d| d.option == option)
            .map(|d| d.months)
    }

    /// Every question ID named here, to check against the catalog.
    pub fn questions(&self) -> [&str; 12] {
        [
            &self.headcount,
            &self.systems,
            &self.locations,
            &self.subservice_count,
            &self.subservice_method,
            &self.compliance_fte,
            &self.tooling,
            &self.frameworks,
            &self.deadline,
            &self.deadline_date,
            &self.last_period_end,
            &self.customer_year_end,
        ]
    }

    /// The month a year-end option stands for.
    pub fn year_end_month(&self, option: &str) -> Option<u8> {
        self.year_ends
            .iter()
            .find(|y| y.option == option)
            .map(|y| y.month)
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct TimelineParams {
        pub scoping_weeks: Param,
        pub type1_fieldwork_weeks: Param,
        pub type2_fieldwork_weeks: Param,
        pub report_weeks: Param,
        pub productive_share: Param,
        pub max_parallel_people: Param,
        pub default_fte: Param,
        pub unanswered_effort_share: Param,
        /// The share of the listed effort a company actually spends: templates, one fix
        /// closing several gaps. Calibrated so a company starting from nothing lands in
        /// the public 4 to 9 months to audit-ready.
        pub effort_calibration: Param,
        /// Compliance capacity a company of a given size typically has, when not answered.
        pub capacity_by_headcount: List<CapacityBand>,
        pub platform_effort_factor: Param,
        /// Remediation effort when an existing framework programme already runs.
        pub framework_effort_factor: Param,
        /// Capacity a readiness consultant adds to remediation.
        pub outside_help_fte: Param,
        pub bridge_letter_gap_months: Param,
        /// Months a SOC 1 period should overlap customers' financial year.
        pub soc1_min_overlap_months: f64,
        pub auditor_booking_weeks: Param,
        /// Months (1 to 12) when fieldwork waits longer for the auditor.
        pub busy_season_months: List<u8>,
        pub busy_season_delay_weeks: Param,
        pub pen_test_booking_weeks: Param,
        pub pen_test_weeks: Param,
        pub pen_test_retest_weeks: Param,
        /// Recurring controls for the control calendar.
        pub recurring: List<RecurringControl>,
    }
}

static_data! {
    /// A control that runs on a schedule, and how often.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RecurringControl {
        pub label: Text,
        /// 1, 3, 6 or 12.
        pub every_months: u32,
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct CostParams {
        pub tiers: List<TierParams>,
        pub categories: List<CategoryFee>,
        pub complexity: ComplexityParams,
        pub reports: ReportParams,
        pub internal: InternalParams,
        pub auditor: AuditorParams,
        pub optional: OptionalParams,
        /// Tools and services the advice asks for, counted when their questions are gaps.
        #[serde(default)]
        pub purchases: List<Purchase>,
    }
}

static_data! {
    /// Something a company pays for to close a gap (a tool, a check, a legal review).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Purchase {
        pub id: Text,
        /// Any of these questions being a gap brings the purchase in.
        pub when_gap: List<Text>,
        pub per: Per,
        /// Paid again every year (a subscription), or once.
        pub recurring: bool,
        pub price: Param,
    }
}

static_data! {
    /// What a purchase's price is counted per.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Per {
        Person,
        Company,
    }
}

static_data! {
    /// What turns the fee into the auditor's hours.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct AuditorParams {
        pub blended_rate: Param,
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct TierParams {
        pub id: Text,
        pub label: Text,
        pub type1: Param,
        pub type2: Param,
    }
}

static_data! {
    /// The added audit fee when a category is in scope.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct CategoryFee {
        pub category: Text,
        /// Share of the base fee the category adds.
        pub share: Param,
    }
}

impl CostParams {
    pub fn tier(&self, id: &str) -> Option<&TierParams> {
        self.tiers.iter().find(|t| t.id == id)
    }
    pub fn category_fee(&self, id: &str) -> Option<&Param> {
        self.categories
            .iter()
            .find(|c| c.category == id)
            .map(|c| &c.share)
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ComplexityParams {
        pub included_systems: f64,
        pub per_extra_system: Param,
        pub included_locations: f64,
        pub per_extra_location: Param,
        pub per_subservice_carve_out: Param,
        pub per_subservice_inclusive: Param,
        pub per_window_month_over_3: Param,
        pub headcount_bands: List<HeadcountBand>,
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct HeadcountBand {
        pub up_to: f64,
        pub add: Param,
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ReportParams {
        /// A SOC 1 examined alongside a SOC 2, over the same period.
        pub soc1: Param,
        pub soc3: Param,
        pub soc2plus: Param,
        /// SOC 1 control objectives the fee covers before each further one adds to it.
        pub soc1_included_objectives: f64,
        pub soc1_per_extra_objective: Param,
        /// Internal hours for each SOC 1 objective: narratives, walkthroughs, samples.
        pub soc1_hours_per_objective: Param,
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct InternalParams {
        pub hours_per_person_day: f64,
        pub audit_support_hours_type1: Param,
        pub audit_support_hours_type2: Param,
        pub per_extra_category_hours: Param,
        pub hourly_rate: Param,
        /// People running the controls all year after the first report.
        pub operating_fte: Param,
        pub renewal_support_share: Param,
        pub hours_per_year: f64,
    }
}

static_data! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct OptionalParams {
        pub pen_test: Param,
        pub consultant: Param,
        pub tooling: Param,
    }
}

/// Optional line items are always editable, sourced or not.
pub const EDITABLE_PREFIX: &str = "cost.optional.";

impl EstimationParams {
    /// Every parameter with a stable key (its path in the file), for overrides and display.
    pub fn params_mut(&mut self) -> Vec<(String, &mut Param)> {
        let t = &mut self.timeline;
        let mut out: Vec<(String, &mut Param)> = vec![
            ("timeline.scoping_weeks".into(), &mut t.scoping_weeks),
            (
                "timeline.type1_fieldwork_weeks".into(),
                &mut t.type1_fieldwork_weeks,
            ),
            (
                "timeline.type2_fieldwork_weeks".into(),
                &mut t.type2_fieldwork_weeks,
            ),
            ("timeline.report_weeks".into(), &mut t.report_weeks),
            ("timeline.productive_share".into(), &mut t.productive_share),
            (
                "timeline.max_parallel_people".into(),
                &mut t.max_parallel_people,
            ),
            ("timeline.default_fte".into(), &mut t.default_fte),
            (
                "timeline.unanswered_effort_share".into(),
                &mut t.unanswered_effort_share,
            ),
            (
                "timeline.effort_calibration".into(),
                &mut t.effort_calibration,
            ),
            ("timeline.outside_help_fte".into(), &mut t.outside_help_fte),
            (
                "timeline.platform_effort_factor".into(),
                &mut t.platform_effort_factor,
            ),
            (
                "timeline.framework_effort_factor".into(),
                &mut t.framework_effort_factor,
            ),
            (
                "timeline.bridge_letter_gap_months".into(),
                &mut t.bridge_letter_gap_months,
            ),
            (
                "timeline.auditor_booking_weeks".into(),
                &mut t.auditor_booking_weeks,
            ),
            (
                "timeline.busy_season_delay_weeks".into(),
                &mut t.busy_season_delay_weeks,
            ),
            (
                "timeline.pen_test_booking_weeks".into(),
                &mut t.pen_test_booking_weeks,
            ),
            ("timeline.pen_test_weeks".into(), &mut t.pen_test_weeks),
            (
                "timeline.pen_test_retest_weeks".into(),
                &mut t.pen_test_retest_weeks,
            ),
        ];
        let c = &mut self.cost;
        for tier in c.tiers.iter_mut() {
            out.push((format!("cost.tiers.{}.type1", tier.id), &mut tier.type1));
            out.push((format!("cost.tiers.{}.type2", tier.id), &mut tier.type2));
        }
        for c in c.categories.iter_mut() {
            out.push((format!("cost.categories.{}", c.category), &mut c.share));
        }
        let x = &mut c.complexity;
        out.push((
            "cost.complexity.per_extra_system".into(),
            &mut x.per_extra_system,
        ));
        out.push((
            "cost.complexity.per_extra_location".into(),
            &mut x.per_extra_location,
        ));
        out.push((
            "cost.complexity.per_subservice_carve_out".into(),
            &mut x.per_subservice_carve_out,
        ));
        out.push((
            "cost.complexity.per_subservice_inclusive".into(),
            &mut x.per_subservice_inclusive,
        ));
        out.push((
            "cost.complexity.per_window_month_over_3".into(),
            &mut x.per_window_month_over_3,
        ));
        for (i, b) in x.headcount_bands.iter_mut().enumerate() {
            out.push((format!("cost.complexity.headcount_bands.{i}"), &mut b.add));
        }
        let r = &mut c.reports;
        out.push(("cost.reports.soc1".into(), &mut r.soc1));
        out.push(("cost.reports.soc3".into(), &mut r.soc3));
        out.push(("cost.reports.soc2plus".into(), &mut r.soc2plus));
        out.push((
            "cost.reports.soc1_per_extra_objective".into(),
            &mut r.soc1_per_extra_objective,
        ));
        out.push((
            "cost.reports.soc1_hours_per_objective".into(),
            &mut r.soc1_hours_per_objective,
        ));
        let i = &mut c.internal;
        out.push((
            "cost.internal.audit_support_hours_type1".into(),
            &mut i.audit_support_hours_type1,
        ));
        out.push((
            "cost.internal.audit_support_hours_type2".into(),
            &mut i.audit_support_hours_type2,
        ));
        out.push((
            "cost.internal.per_extra_category_hours".into(),
            &mut i.per_extra_category_hours,
        ));
        out.push(("cost.internal.hourly_rate".into(), &mut i.hourly_rate));
        out.push(("cost.internal.operating_fte".into(), &mut i.operating_fte));
        out.push((
            "cost.internal.renewal_support_share".into(),
            &mut i.renewal_support_share,
        ));
        out.push((
            "cost.auditor.blended_rate".into(),
            &mut c.auditor.blended_rate,
        ));
        let o = &mut c.optional;
        out.push(("cost.optional.pen_test".into(), &mut o.pen_test));
        out.push(("cost.optional.consultant".into(), &mut o.consultant));
        out.push(("cost.optional.tooling".into(), &mut o.tooling));
        for b in c.purchases.iter_mut() {
            out.push((format!("cost.purchases.{}", b.id), &mut b.price));
        }
        out
    }

    /// The user-editable parameters, by key, as they stand in the data.
    pub fn assumptions(&self) -> Vec<(String, Param)> {
        let mut copy = self.clone();
        copy.params_mut()
            .into_iter()
            .filter(|(k, p)| p.assumption || k.starts_with(EDITABLE_PREFIX))
            .map(|(k, p)| (k, p.clone()))
            .collect()
    }

    /// A copy with the user's overrides applied to assumption parameters and
    /// optional line items (others are ignored); an overridden figure counts as an assumption.
    pub fn with_overrides(&self, overrides: &LiteMap<String, [f64; 3]>) -> EstimationParams {
        let mut copy = self.clone();
        if !overrides.is_empty() {
            for (key, p) in copy.params_mut() {
                if let Some(r) = overrides.get(&key) {
                    let editable = p.assumption || key.starts_with(EDITABLE_PREFIX);
                    if editable && p.accepts(r) {
                        p.range = *r;
                        p.assumption = true;
                    }
                }
            }
        }
        copy
    }
}

/// Checks the estimation file: ranges ordered, sources known, every number sourced or an assumption.
pub fn validate(p: &EstimationParams) -> Vec<CatalogError> {
    let file = "estimation.toml";
    let mut errors = Vec::new();
    let mut copy = p.clone();
    let sources = p.sources.clone();
    for (key, s) in &sources {
        if s.title.trim().is_empty() || !s.url.starts_with("https://") {
            errors.push(CatalogError {
                file: file.into(),
                location: format!("sources.{key}"),
                reason: "a source needs a title and an https:// address".into(),
            });
        }
    }
    for (key, param) in copy.params_mut() {
        let [lo, mid, hi] = param.range;
        let ordered = lo <= mid && mid <= hi;
        if !ordered || param.range.iter().any(|v| !v.is_finite() || *v < 0.0) {
            errors.push(CatalogError {
                file: file.into(),
                location: key.clone(),
                reason: format!("range {:?} is not low <= likely <= high", param.range),
            });
        }
        match &param.source {
            Some(s) if !sources.contains_key(s) => errors.push(CatalogError {
                file: file.into(),
                location: key.clone(),
                reason: format!("unknown source `{s}`"),
            }),
            None if !param.assumption => errors.push(CatalogError {
                file: file.into(),
                location: key.clone(),
                reason: "needs a source or `assumption = true`".into(),
            }),
            _ => {}
        }
        let editable = param.assumption || key.starts_with(EDITABLE_PREFIX);
        match param.bounds {
            Some([lo, hi]) if lo <= hi && param.range.iter().all(|v| (lo..=hi).contains(v)) => {}
            Some(b) => errors.push(CatalogError {
                file: file.into(),
                location: key.clone(),
                reason: format!("bounds {b:?} do not hold the range {:?}", param.range),
            }),
            None if editable => errors.push(CatalogError {
                file: file.into(),
                location: key.clone(),
                reason: "an editable number needs `bounds`".into(),
            }),
            None => {}
        }
        if param.label.trim().is_empty() {
            errors.push(CatalogError {
                file: file.into(),
                location: key,
                reason: "missing label".into(),
            });
        }
    }
    for tier in ["boutique", "mid_tier", "large_firm"] {
        if p.cost.tier(tier).is_none() {
            errors.push(CatalogError {
                file: file.into(),
                location: format!("cost.tiers.{tier}"),
                reason: "missing auditor tier".into(),
            });
        }
    }
    errors
}
