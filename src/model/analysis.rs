//! What the analyst layer (the `analysis` module) finds in a brief: targets with a year, key
//! figures, document types and numbers, organisations, and a key that links one policy
//! across briefs.
//!
//! Field names are public JSON: add fields, never rename. Enums serialise as snake_case.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which text field of a topic or news item something was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// A topic's headline.
    Headline,
    /// A topic's "At a glance" summary.
    AtAGlance,
    /// One of a topic's undated bullet points (`item` is its index).
    Point,
    /// One of a topic's dated bullet points (`item` is its index).
    Event,
    /// A topic's "MERICS comment".
    Comment,
    /// The English policy name of a topic's footer.
    PolicyName,
    /// The Chinese policy name of a topic's footer.
    PolicyNameZh,
    /// The issuing body of a topic's footer.
    IssuingBody,
    /// The text of a "Worth noting" news item.
    NewsText,
}

/// Where in a topic or news item: the field and, for points and events, which one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldRef {
    pub field: TextField,
    /// The index of the point or event; `None` for the other fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
}

/// How a target states its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// "by 2030", "before the end of 2025", "no later than 2023", "到2025年", "2025年底前".
    Deadline,
    /// "goals for 2025", "targets for 2023", "2025 targets".
    Goal,
    /// "in 2023" in a sentence that commits to something (aims, plans, will …) for a year
    /// after the reference date.
    InYear,
    /// "over the next five years", "within three years": resolved against the reference
    /// date (the current year counts as the first year when the reference falls in January
    /// to June).
    Relative,
    /// "during the 14th Five-Year Plan period (2021–2025)": the period's last year.
    PlanPeriod,
}

/// A commitment with a year.
///
/// A bullet point under a lead-in that names a year ("It outlines several goals for 2023,
/// including:") is a target of its own: its `text` is the bullet, its `context` the lead-in,
/// and its year, kind, phrase and span are the lead-in's (unless the bullet names a year of
/// its own: "By 2027, …"). The lead-in is then no target of its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The year by which (or in which) the commitment falls due.
    pub year: i32,
    /// The sentence the target was found in; for a bullet point, the whole bullet.
    pub text: String,
    pub kind: TargetKind,
    /// The words that state the year, as written: "goals for 2023", "By 2030".
    pub phrase: String,
    /// Byte span of `phrase` in the text of the field it is in: the field `at` names, or for
    /// a bullet that takes its year from its lead-in (`phrase` is in `context`, not in
    /// `text`), the topic's "At a glance".
    pub start: usize,
    pub end: usize,
    /// The field it was found in (for a bullet, the point); `None` from the finer functions,
    /// set by `analyse`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<FieldRef>,
    /// The day it falls due, when the words say more than the year: "by the end of 2021" is
    /// 2021-12-31, "by the first half of 2021" 2021-06-30, "by mid-2025" and "by June 2025"
    /// 2025-06-30. `None` for the year alone ("by 2025").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// For a target in a bullet point whose list is introduced by a lead-in that names a year
    /// ("It outlines several goals for 2023, including:"): that lead-in sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An amount of money; `unit` is the ISO currency code, `value` in whole units of it.
    Money,
    /// A percentage; `unit` is "%", `value` as written (20 for "20 percent").
    Percent,
    /// Energy; `unit` is "Wh".
    Energy,
    /// Power (capacity); `unit` is "W".
    Power,
    /// Mass; `unit` is "t" (tonnes).
    Mass,
    /// Length; `unit` is "km".
    Length,
    /// A count of things; `unit` is the thing, singular and lowercase ("project", "company").
    Count,
}

/// How a figure is hedged: "at least 20", "up to 50", "almost 190".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "at least", "no less than", "not less than", "minimum of".
    AtLeast,
    /// "more than", "over", "above", "exceeding".
    MoreThan,
    /// "up to", "at most", "no more than", "maximum of".
    UpTo,
    /// "less than", "under", "below", "fewer than".
    LessThan,
    /// "almost", "nearly", "close to".
    Almost,
    /// "about", "around", "roughly", "approximately", "some", "an estimated".
    About,
}

/// A key figure: money, a share, a capacity or a count, with a value that sorts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value in `unit`: CNY 70 billion is 70 000 000 000 CNY; 20 GWh is 2e10 Wh. For a
    /// range ("6-8 companies") the lower end.
    pub value: f64,
    /// The normalised unit: a currency code, "%", "Wh", "W", "t", "km", or a counted noun.
    pub unit: String,
    /// The sentence the figure was found in.
    pub text: String,
    /// The figure as written: "CNY 70 billion", "at least 20 percent", "20 GWh".
    pub raw: String,
    pub kind: FigureKind,
    /// The upper end of a range, in `unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Byte span of `raw` in the field's text.
    pub start: usize,
    pub end: usize,
    /// The field it was found in; `None` from the finer functions, set by `analyse`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<FieldRef>,
}

/// The kind of a policy document, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// 规划, 计划, 纲要: a (development) plan or outline.
    Plan,
    /// 行动计划, 行动方案.
    ActionPlan,
    /// 工作方案.
    WorkPlan,
    /// 实施方案.
    ImplementationPlan,
    /// 方案 on its own: a programme or scheme.
    Programme,
    /// 通知.
    Notice,
    /// 公告, 通告.
    Announcement,
    /// 意见, 实施意见.
    Opinions,
    /// 指导意见.
    GuidingOpinions,
    /// 办法, 措施, 若干措施.
    Measures,
    /// 指南, 指引.
    Guidelines,
    /// 解读, 答记者问: an official explanation of another document.
    Interpretation,
    /// 目录.
    Catalogue,
    /// 清单 (a list, e.g. a negative list).
    List,
    /// 法: a law.
    Law,
    /// 条例: regulations.
    Regulations,
    /// 规定, 规则, 细则: provisions and rules.
    Rules,
    /// 决定.
    Decision,
    /// 标准: a standard.
    Standard,
    /// 批复, 函: a reply or letter.
    Letter,
}

/// What a policy document is: its type, what it wraps, and whether it is a draft.
///
/// "《…行动计划》解读" is `{doc_type: interpretation, of: action_plan}`; "关于印发《…实施方案》的通知"
/// is `{doc_type: notice, of: implementation_plan}`; "…规划(征求意见稿)" is
/// `{doc_type: plan, is_draft: true}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// The primary type; `None` when the name says nothing recognisable.
    pub doc_type: Option<DocType>,
    /// For a document that interprets, issues or asks comments on another: that one's type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<DocType>,
    /// A draft: 征求意见稿, 草案, 送审稿, "Draft for Comments", or a notice asking for comments.
    pub is_draft: bool,
    /// A trial or interim version: 试行, 暂行, "(Trial)", "Interim".
    pub is_trial: bool,
}

/// A Chinese document number such as 工信部规〔2021〕12号.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocNumber {
    /// As written, e.g. "国办发[2020]39号".
    pub raw: String,
    /// With the standard brackets 〔〕: "国办发〔2020〕39号".
    pub canonical: String,
    /// The issuer's code: "工信部规", "国办发".
    pub issuer: String,
    pub year: i32,
    pub serial: u32,
}

/// A policy's identity across briefs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PolicyKey {
    /// "zh:" and the normalised Chinese name, or else "en:" and the normalised English name;
    /// a draft, its final version and their interpretations share it.
    pub key: String,
    /// This mention is of a draft.
    pub is_draft: bool,
}

/// A company or a government body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Company,
    Agency,
}

/// One place an organisation is named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgMention {
    /// The canonical name: "MIIT", "Huawei".
    pub name: String,
    pub kind: OrgKind,
    pub at: FieldRef,
    /// Byte span of the words in the field's text.
    pub start: usize,
    pub end: usize,
    /// The words as written: "Ministry of Industry and Information Technology".
    pub matched: String,
}

/// An organisation named in a brief, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// The canonical name: the usual acronym of an agency ("MIIT"), a company's short name.
    pub name: String,
    /// The long name, when there is one: "Ministry of Industry and Information Technology".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    pub kind: OrgKind,
    /// Indices of the topics that name it.
    pub topics: Vec<usize>,
    /// Indices of the news items that name it.
    pub news: Vec<usize>,
    /// How many times it is named in all.
    pub mentions: usize,
}

/// A span of years, e.g. "(2021-2025)" in a plan's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct YearRange {
    pub start: i32,
    pub end: i32,
}

/// What a topic's policy footer says about the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyAnalysis {
    pub doc: DocInfo,
    /// Boxed: few policy names carry a number, and a library holds every policy's analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<Box<DocNumber>>,
    /// `None` when the policy has no name at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<PolicyKey>,
    /// The issuing bodies, canonical ("MIIT"): several for a joint document.
    pub issuing_bodies: Vec<String>,
    /// The years the name covers: "(2021-2023)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<YearRange>,
}

/// What one topic holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicAnalysis {
    pub targets: Vec<Target>,
    pub figures: Vec<Figure>,
    pub organisations: Vec<OrgMention>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyAnalysis>,
}

/// What one "Worth noting" item holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewsAnalysis {
    pub targets: Vec<Target>,
    pub figures: Vec<Figure>,
    pub organisations: Vec<OrgMention>,
    /// The document type, when the item names one ("issues guiding opinions").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<DocType>,
}

/// Everything found in one brief; `topics` and `news` run parallel to the brief's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BriefAnalysis {
    pub topics: Vec<TopicAnalysis>,
    pub news: Vec<NewsAnalysis>,
    /// Every organisation named, in order of first mention.
    pub organisations: Vec<Organisation>,
}
