//! The analyst layer's findings as table rows: targets and key figures from every topic and
//! news item, and each policy's document type.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::{Library, Row, View};
use crate::model::{
    BriefAnalysis, DocInfo, DocType, Figure, FigureKind, OrgKind, Organisation, PolicyAnalysis,
    Target, TargetKind,
};

/// Where a target or figure was found in its brief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A topic (its index in the brief).
    Topic(u16),
    /// A "Worth noting" item (its index in the brief).
    News(u16),
}

/// A target with where it came from, as [`Library::target`] gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetRow<'a> {
    pub brief: u32,
    /// Its place among its brief's targets: with the brief's id, what selection keeps.
    pub seq: u32,
    pub origin: Origin,
    /// The year by which (or in which) the commitment falls due.
    pub year: i32,
    pub kind: TargetKind,
    /// The sentence the target was found in.
    pub text: &'a str,
    /// The words that state the year, as written: "goals for 2023", "By 2030".
    pub phrase: &'a str,
    /// The day it falls due, when the words say more than the year ("by the end of 2021").
    pub due: Option<chrono::NaiveDate>,
    /// For a goal in a bullet point: the lead-in that introduces the list and names its year.
    pub context: Option<&'a str>,
}

/// A key figure with where it came from, as [`Library::figure`] gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureRow<'a> {
    pub brief: u32,
    pub seq: u32,
    pub origin: Origin,
    /// The value in `unit` (see [`Figure::value`]).
    pub value: f64,
    /// The upper end of a range, in `unit`.
    pub upper: Option<f64>,
    pub kind: FigureKind,
    /// The normalised unit: a currency code, "%", "Wh", a counted noun.
    pub unit: &'a str,
    /// The sentence the figure was found in.
    pub text: &'a str,
    /// The figure as written: "CNY 70 billion".
    pub raw: &'a str,
}

/// The words of a finding: a stretch of its sentence (from `start`, `len` bytes), or (never,
/// as the analysis works, but nothing assumes it) stretch `start` of their own, when `len` is
/// [`APART`]. Eight bytes: hundreds of thousands of findings hold one.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Words {
    start: u32,
    len: u32,
}

/// The `len` of [`Words`] kept apart from their sentence.
const APART: u32 = u32::MAX;

/// A target as the library keeps it: a library holds hundreds of thousands of findings, and
/// a sentence often holds several of them and recurs across briefs, so the texts are kept
/// once each in [`Stretches`] and a finding keeps only their numbers.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct TargetEntry {
    pub(super) brief: u32,
    pub(super) seq: u32,
    origin: Origin,
    year: i32,
    kind: TargetKind,
    /// The sentence: a stretch.
    pub(super) sentence: u32,
    phrase: Words,
    due: Option<chrono::NaiveDate>,
    /// The lead-in of a goal in a bullet point: a stretch, or [`NO_CONTEXT`].
    context: u32,
}

/// [`TargetEntry::context`] of a target that has none.
const NO_CONTEXT: u32 = u32::MAX;

/// A figure as the library keeps it (see [`TargetEntry`]).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct FigureEntry {
    pub(super) brief: u32,
    pub(super) seq: u32,
    origin: Origin,
    value: f64,
    /// The upper end, or NaN for none (an `Option` would take 8 bytes more per figure).
    upper: f64,
    kind: FigureKind,
    /// A stretch.
    unit: u32,
    pub(super) sentence: u32,
    raw: Words,
}

/// Texts laid end to end in one string: no allocation per text.
#[derive(Default)]
pub(super) struct Stretches {
    text: String,
    /// Where each stretch ends; stretch `i` starts where `i - 1` ends.
    ends: Vec<usize>,
}

impl Stretches {
    pub(super) fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = match i {
            0 => 0,
            _ => self.ends.get(i - 1).copied().unwrap_or(0),
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or("")
    }

    /// The text all stretches are laid in, and where each ends.
    pub(super) fn parts(&self) -> (&str, &[usize]) {
        (&self.text, &self.ends)
    }

    fn push(&mut self, text: &str) -> u32 {
        self.text.push_str(text);
        self.ends.push(self.text.len());
        self.ends.len() as u32 - 1
    }

    fn words(&self, sentence: u32, words: Words) -> &str {
        match words.apart() {
            Some(i) => self.get(i),
            None => {
                let start = words.start as usize;
                (self.get(sentence).get(start..start + words.len as usize)).unwrap_or("")
            }
        }
    }
}

impl Words {
    /// The stretch of words kept apart from their sentence.
    fn apart(self) -> Option<u32> {
        (self.len == APART).then_some(self.start)
    }
}

impl TargetEntry {
    /// The phrase's own stretch, when it is not in the sentence.
    pub(super) fn words_apart(&self) -> Option<u32> {
        self.phrase.apart()
    }
}

impl FigureEntry {
    /// The figure's own stretch, when it is not in the sentence.
    pub(super) fn words_apart(&self) -> Option<u32> {
        self.raw.apart()
    }
}

/// What the library keeps of the analyses.
#[derive(Default)]
pub(super) struct Findings {
    pub targets: Vec<TargetEntry>,
    pub figures: Vec<FigureEntry>,
    /// The sentences, words and units of the targets and figures.
    pub texts: Stretches,
    /// Per brief, per topic: what the footer says of the policy document.
    pub policies: Vec<Vec<Option<PolicyAnalysis>>>,
    /// Every organisation named anywhere, with where.
    pub orgs: Vec<OrgRow>,
    /// Policy key → the topics (brief, topic) whose footer names that policy, oldest brief
    /// first.
    pub same_policy: HashMap<String, Vec<(u32, u16)>>,
    /// The rows of the Targets, Figures and Organisations views.
    pub rows: BTreeMap<View, Vec<Row>>,
}

/// How many of the items that name an organisation the library keeps (see [`OrgRow::items`]).
pub const ORG_ITEMS_KEPT: usize = 200;

/// An organisation across the library.
#[derive(Clone, Debug, PartialEq)]
pub struct OrgRow {
    pub name: String,
    pub full_name: Option<String>,
    pub kind: OrgKind,
    /// The briefs that name it.
    pub briefs: Vec<u32>,
    /// The first [`ORG_ITEMS_KEPT`] topics and news items that name it, by brief (its detail
    /// lists those): a company named in thousands of items would otherwise hold them all.
    pub items: Vec<(u32, Origin)>,
    /// How many topics and news items name it.
    pub item_count: usize,
    pub mentions: usize,
    /// The periods of the briefs that name it, "YYYY-MM".
    pub periods: Vec<String>,
}

/// The analyses of a library's briefs, taken one brief at a time (as they are read from the
/// store or made), in any order; [`Library::install_findings`] puts them in place. Nothing of
/// an analysis but what the views show is kept: the places of organisation mentions are
/// dropped (the brief-level list says which topics and news items name each one) and equal
/// sentences and units are stored once.
pub struct FindingsBuilder {
    findings: Findings,
    /// A hash of every sentence and unit kept so far → its stretch, to share equal ones.
    shared: HashMap<u64, u32>,
    hasher: std::hash::RandomState,
    /// Organisation name → its row in `findings.orgs`.
    org_index: HashMap<String, usize>,
    /// Per brief: its analysis is in.
    added: Vec<bool>,
}

impl FindingsBuilder {
    /// For a library of `briefs` briefs.
    pub fn new(briefs: usize) -> Self {
        Self {
            findings: Findings {
                policies: vec![Vec::new(); briefs],
                ..Findings::default()
            },
            shared: HashMap::new(),
            hasher: std::hash::RandomState::new(),
            org_index: HashMap::new(),
            added: vec![false; briefs],
        }
    }

    /// The stretch that holds `text`, kept once.
    fn share(&mut self, text: &str) -> u32 {
        use std::hash::BuildHasher as _;
        let texts = &mut self.findings.texts;
        let hash = self.hasher.hash_one(text);
        match self.shared.get(&hash) {
            Some(&i) if texts.get(i) == text => i,
            // Two texts with one hash (rare): the second is kept apart, not shared.
            Some(_) => texts.push(text),
            None => {
                let i = texts.push(text);
                self.shared.insert(hash, i);
                i
            }
        }
    }

    /// Where `words` are in the sentence (stretch `sentence`), or their own stretch.
    fn words(&mut self, sentence: u32, words: &str) -> Words {
        let found = self.findings.texts.get(sentence).find(words);
        let start = found.and_then(|start| u32::try_from(start).ok());
        match (start, u32::try_from(words.len())) {
            (Some(start), Ok(len)) if len != APART => Words { start, len },
            _ => Words {
                start: self.findings.texts.push(words),
                len: APART,
            },
        }
    }

    /// Adds the analysis of brief `b` (its index in the library). A brief added twice, or out
    /// of range, is ignored.
    pub fn add(&mut self, b: usize, analysis: BriefAnalysis) {
        match self.added.get_mut(b) {
            Some(added) if !*added => *added = true,
            _ => return,
        }
        let b32 = b as u32;
        let (mut t_seq, mut f_seq) = (0u32, 0u32);
        let mut push =
            |this: &mut Self, origin: Origin, targets: Vec<Target>, figures: Vec<Figure>| {
                for target in targets {
                    let sentence = this.share(&target.text);
                    let context = target
                        .context
                        .as_deref()
                        .map_or(NO_CONTEXT, |c| this.share(c));
                    let row = TargetEntry {
                        brief: b32,
                        seq: t_seq,
                        origin,
                        year: target.year,
                        kind: target.kind,
                        sentence,
                        phrase: this.words(sentence, &target.phrase),
                        due: target.due,
                        context,
                    };
                    this.findings.targets.push(row);
                    t_seq += 1;
                }
                for figure in figures {
                    let sentence = this.share(&figure.text);
                    let row = FigureEntry {
                        brief: b32,
                        seq: f_seq,
                        origin,
                        value: figure.value,
                        upper: figure.upper.unwrap_or(f64::NAN),
                        kind: figure.kind,
                        unit: this.share(&figure.unit),
                        sentence,
                        raw: this.words(sentence, &figure.raw),
                    };
                    this.findings.figures.push(row);
                    f_seq += 1;
                }
            };
        let mut policies = Vec::with_capacity(analysis.topics.len());
        for (t, topic) in analysis.topics.into_iter().enumerate() {
            if let Some(key) = topic.policy.as_ref().and_then(|p| p.key.as_ref()) {
                self.findings
                    .same_policy
                    .entry(key.key.clone())
                    .or_default()
                    .push((b32, t as u16));
            }
            policies.push(topic.policy);
            push(self, Origin::Topic(t as u16), topic.targets, topic.figures);
        }
        for (n, item) in analysis.news.into_iter().enumerate() {
            push(self, Origin::News(n as u16), item.targets, item.figures);
        }
        self.findings.policies[b] = policies;
        for org in analysis.organisations {
            self.add_org(b32, org);
        }
    }

    /// The findings in brief order, with the organisations merged across briefs.
    fn finish(self) -> Findings {
        let mut out = self.findings;
        // Briefs may have come in any order; each brief's findings are together, in order.
        out.targets.sort_by_key(|t| t.brief);
        out.figures.sort_by_key(|f| f.brief);
        out.targets.shrink_to_fit();
        out.figures.shrink_to_fit();
        out.texts.text.shrink_to_fit();
        out.texts.ends.shrink_to_fit();
        for topics in out.same_policy.values_mut() {
            topics.sort_unstable();
        }
        for org in &mut out.orgs {
            org.briefs.sort_unstable();
            keep_first_items(&mut org.items);
            org.briefs.shrink_to_fit();
            org.items.shrink_to_fit();
        }
        out.orgs.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.name.cmp(&b.name))
        });
        out
    }

    /// Merges brief `b`'s mention of `org` into the organisation's row.
    fn add_org(&mut self, b: u32, org: Organisation) {
        let orgs = &mut self.findings.orgs;
        let i = *self.org_index.entry(org.name.clone()).or_insert_with(|| {
            orgs.push(OrgRow {
                name: org.name.clone(),
                full_name: None,
                kind: org.kind,
                briefs: Vec::new(),
                items: Vec::new(),
                item_count: 0,
                mentions: 0,
                periods: Vec::new(),
            });
            orgs.len() - 1
        });
        let row = &mut orgs[i];
        row.briefs.push(b);
        row.mentions += org.mentions;
        row.items
            .extend(org.topics.iter().map(|t| (b, Origin::Topic(*t as u16))));
        row.items
            .extend(org.news.iter().map(|n| (b, Origin::News(*n as u16))));
        row.item_count += org.topics.len() + org.news.len();
        if row.items.len() >= 2 * ORG_ITEMS_KEPT {
            keep_first_items(&mut row.items);
        }
        if row.full_name.is_none() {
            row.full_name = org.full_name;
        }
    }
}

/// Sorts an organisation's items by brief and keeps the first [`ORG_ITEMS_KEPT`].
fn keep_first_items(items: &mut Vec<(u32, Origin)>) {
    items.sort_unstable_by_key(|(b, origin)| (*b, origin.order()));
    items.truncate(ORG_ITEMS_KEPT);
}

impl Origin {
    /// Topics before news items, each in brief order.
    fn order(self) -> (u8, u16) {
        match self {
            Origin::Topic(t) => (0, t),
            Origin::News(n) => (1, n),
        }
    }
}

impl Findings {
    /// Fills in each organisation's periods from its briefs'.
    fn set_periods(&mut self, periods: &[Vec<String>]) {
        for org in &mut self.orgs {
            // Distinct labels first: an organisation named in thousands of briefs has only a
            // few hundred periods, and copying every brief's labels left that many small
            // strings freed behind (and the list at its first, full length).
            let distinct: std::collections::BTreeSet<&str> = org
                .briefs
                .iter()
                .flat_map(|b| periods.get(*b as usize).into_iter().flatten())
                .map(String::as_str)
                .collect();
            org.periods = distinct.into_iter().map(str::to_owned).collect();
        }
    }
}

impl Library {
    /// Adds each brief's analysis (in the order of the briefs): the Targets, Figures and
    /// Organisations views, the policies' document types and their links across briefs.
    pub fn with_analyses(mut self, analyses: Vec<BriefAnalysis>) -> Self {
        self.findings = std::sync::OnceLock::new();
        self.haystacks = Default::default();
        self.ranks = super::sort::RankCache::new();
        self.install_analyses(analyses);
        self
    }

    /// [`Library::install_findings`] of `analyses`, given in the order of the briefs.
    pub fn install_analyses(&self, analyses: Vec<BriefAnalysis>) {
        let mut builder = FindingsBuilder::new(self.briefs.len());
        for (b, analysis) in analyses.into_iter().enumerate() {
            builder.add(b, analysis);
        }
        self.install_findings(builder);
    }

    /// Adds the analyses to a library already shared with the window (a large library shows
    /// its tables first). Once only: later calls change nothing. Call before the search texts
    /// are made ([`Library::warm`], [`Library::texts_builder`]), so they cover the findings.
    pub fn install_findings(&self, builder: FindingsBuilder) {
        let mut findings = builder.finish();
        findings.set_periods(&self.period_labels);
        let targets = (0..findings.targets.len() as u32).map(Row::Target);
        findings.rows.insert(View::Targets, targets.collect());
        let figures = (0..findings.figures.len() as u32).map(Row::Figure);
        findings.rows.insert(View::Figures, figures.collect());
        let orgs = (0..findings.orgs.len() as u32).map(Row::Org);
        findings.rows.insert(View::Organisations, orgs.collect());
        self.findings.set(findings).ok();
    }

    /// True once the analyses are in (see [`Library::install_analyses`]).
    pub fn has_analyses(&self) -> bool {
        self.findings.get().is_some()
    }

    /// The findings, or none yet.
    pub(super) fn found(&self) -> &Findings {
        static NONE: std::sync::LazyLock<Findings> = std::sync::LazyLock::new(Findings::default);
        self.findings.get().unwrap_or(&NONE)
    }

    pub fn target(&self, index: u32) -> Option<TargetRow<'_>> {
        let found = self.found();
        let t = found.targets.get(index as usize)?;
        Some(TargetRow {
            brief: t.brief,
            seq: t.seq,
            origin: t.origin,
            year: t.year,
            kind: t.kind,
            text: found.texts.get(t.sentence),
            phrase: found.texts.words(t.sentence, t.phrase),
            due: t.due,
            context: (t.context != NO_CONTEXT).then(|| found.texts.get(t.context)),
        })
    }

    pub fn figure(&self, index: u32) -> Option<FigureRow<'_>> {
        let found = self.found();
        let f = found.figures.get(index as usize)?;
        Some(FigureRow {
            brief: f.brief,
            seq: f.seq,
            origin: f.origin,
            value: f.value,
            upper: (!f.upper.is_nan()).then_some(f.upper),
            kind: f.kind,
            unit: found.texts.get(f.unit),
            text: found.texts.get(f.sentence),
            raw: found.texts.words(f.sentence, f.raw),
        })
    }

    /// What the analysis found in the footer of topic `t` of brief `b`.
    pub fn policy_analysis(&self, b: u32, t: u16) -> Option<&PolicyAnalysis> {
        self.found()
            .policies
            .get(b as usize)?
            .get(t as usize)?
            .as_ref()
    }

    /// The document type of topic `t` of brief `b`'s policy, if the analysis found one.
    pub fn doc_info(&self, b: u32, t: u16) -> Option<&DocInfo> {
        self.policy_analysis(b, t).map(|p| &p.doc)
    }

    /// The issuing bodies of topic `t` of brief `b`, by their usual names: "Ministry of
    /// Industry and Information Technology" and "MIIT" are both "MIIT". As written when the
    /// analysis has none.
    pub fn bodies(&self, b: u32, t: u16) -> Vec<&str> {
        match self.policy_analysis(b, t) {
            Some(p) if !p.issuing_bodies.is_empty() => {
                p.issuing_bodies.iter().map(String::as_str).collect()
            }
            _ => self
                .topic(b, t)
                .and_then(|t| t.policy.as_ref()?.issuing_body.as_deref())
                .map(super::split_bodies)
                .unwrap_or_default(),
        }
    }

    /// The other topics whose footer names the same policy as topic `t` of brief `b` (a draft
    /// and its final version, an interpretation), oldest brief first.
    pub fn same_policy(&self, b: u32, t: u16) -> Vec<(u32, u16)> {
        let Some(key) = self.policy_analysis(b, t).and_then(|p| p.key.as_ref()) else {
            return Vec::new();
        };
        self.found()
            .same_policy
            .get(&key.key)
            .map(|all| all.iter().copied().filter(|m| *m != (b, t)).collect())
            .unwrap_or_default()
    }

    pub fn org(&self, index: u32) -> Option<&OrgRow> {
        self.found().orgs.get(index as usize)
    }

    /// What a target or figure came from, in a few words: the policy's name, or the news
    /// item's date and start.
    pub fn origin_label(&self, b: u32, origin: Origin) -> Cow<'_, str> {
        match origin {
            Origin::Topic(t) => match self.topic(b, t) {
                Some(topic) => match &topic.policy {
                    Some(p) if !p.name.is_empty() => Cow::Borrowed(&p.name),
                    _ => Cow::Owned(format!("{}. {}", topic.number, topic.headline)),
                },
                None => Cow::Borrowed(""),
            },
            Origin::News(n) => match self.news_item(b, n) {
                Some(item) => Cow::Owned(format!(
                    "News {}: {}",
                    item.date.map(|d| d.to_string()).unwrap_or_default(),
                    item.text().chars().take(60).collect::<String>()
                )),
                None => Cow::Borrowed(""),
            },
        }
    }

    /// The issuing body of the policy a target or figure came from, as written.
    pub fn origin_body(&self, b: u32, origin: Origin) -> Option<&str> {
        match origin {
            Origin::Topic(t) => self.topic(b, t)?.policy.as_ref()?.issuing_body.as_deref(),
            Origin::News(_) => None,
        }
    }

    /// The issuing bodies of the policy a target or figure came from, by their usual names
    /// (as [`Library::bodies`]): what the body facet counts.
    pub fn origin_bodies(&self, b: u32, origin: Origin) -> Vec<&str> {
        match origin {
            Origin::Topic(t) => self.bodies(b, t),
            Origin::News(_) => Vec::new(),
        }
    }
}

/// The last day of a target's year: when "by 2025" falls due.
pub fn deadline_date(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

/// "action plan", "draft for comments": a document type in words.
pub fn doc_type_label(doc_type: DocType) -> &'static str {
    match doc_type {
        DocType::Plan => "plan",
        DocType::ActionPlan => "action plan",
        DocType::WorkPlan => "work plan",
        DocType::ImplementationPlan => "implementation plan",
        DocType::Programme => "programme",
        DocType::Notice => "notice",
        DocType::Announcement => "announcement",
        DocType::Opinions => "opinions",
        DocType::GuidingOpinions => "guiding opinions",
        DocType::Measures => "measures",
        DocType::Guidelines => "guidelines",
        DocType::Interpretation => "interpretation",
        DocType::Catalogue => "catalogue",
        DocType::List => "list",
        DocType::Law => "law",
        DocType::Regulations => "regulations",
        DocType::Rules => "rules",
        DocType::Decision => "decision",
        DocType::Standard => "standard",
        DocType::Letter => "letter",
    }
}

/// A document's type in words: "interpretation of an action plan", "plan (draft for
/// comments)".
pub fn doc_label(doc: &DocInfo) -> String {
    let Some(primary) = doc.doc_type else {
        return String::new();
    };
    let mut text = doc_type_label(primary).to_owned();
    if let Some(of) = doc.of {
        text.push_str(" of ");
        text.push_str(doc_type_label(of));
    }
    if doc.is_draft {
        text.push_str(" (draft for comments)");
    } else if doc.is_trial {
        text.push_str(" (trial)");
    }
    text
}

/// "deadline", "goal": how a target states its year.
pub fn target_kind_label(kind: TargetKind) -> &'static str {
    match kind {
        TargetKind::Deadline => "deadline",
        TargetKind::Goal => "goal",
        TargetKind::InYear => "in year",
        TargetKind::Relative => "relative",
        TargetKind::PlanPeriod => "plan period",
    }
}

/// "money", "percent": what a figure measures.
pub fn figure_kind_label(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Money => "money",
        FigureKind::Percent => "percent",
        FigureKind::Energy => "energy",
        FigureKind::Power => "power",
        FigureKind::Mass => "mass",
        FigureKind::Length => "length",
        FigureKind::Count => "count",
    }
}

/// "company", "agency".
pub fn org_kind_label(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Company => "company",
        OrgKind::Agency => "agency",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BriefAnalysis, OrgKind, Organisation};

    /// A brief's analysis naming one company in topics `topics` and news items `news`.
    fn naming(topics: Vec<usize>, news: Vec<usize>) -> BriefAnalysis {
        BriefAnalysis {
            organisations: vec![Organisation {
                name: "Maker".into(),
                full_name: None,
                kind: OrgKind::Company,
                mentions: topics.len() + news.len(),
                topics,
                news,
            }],
            ..BriefAnalysis::default()
        }
    }

    /// Hundreds of thousands of findings: a few bytes each are megabytes.
    #[test]
    fn findings_stay_small() {
        use std::mem::size_of;
        assert_eq!(size_of::<Words>(), 8);
        assert_eq!(size_of::<FigureEntry>(), 48);
        // 32, and 8 for a goal's day due and its lead-in (issue #19): under a megabyte for
        // the 10,000-brief library's targets.
        assert_eq!(size_of::<TargetEntry>(), 40);
        assert_eq!(size_of::<Option<crate::model::PolicyAnalysis>>(), 80);
    }

    #[test]
    fn words_in_their_sentence_or_apart_come_back_as_written() {
        let target = |text: &str, phrase: &str| crate::model::Target {
            year: 2030,
            text: text.into(),
            kind: crate::model::TargetKind::Deadline,
            phrase: phrase.into(),
            start: 0,
            end: 0,
            at: None,
            due: None,
            context: None,
        };
        let mut builder = FindingsBuilder::new(1);
        let analysis = BriefAnalysis {
            topics: vec![crate::model::TopicAnalysis {
                targets: vec![
                    target("Output doubles By 2030, it says.", "By 2030"),
                    target("Output doubles By 2030, it says.", "no later than 2030"),
                ],
                ..Default::default()
            }],
            ..BriefAnalysis::default()
        };
        builder.add(0, analysis);
        let found = builder.finish();
        let phrases: Vec<&str> = (found.targets.iter())
            .map(|t| found.texts.words(t.sentence, t.phrase))
            .collect();
        assert_eq!(phrases, ["By 2030", "no later than 2030"]);
        assert_eq!(found.targets[0].words_apart(), None);
        assert!(found.targets[1].words_apart().is_some());
    }

    #[test]
    fn an_organisation_keeps_its_first_items_by_brief_and_counts_them_all() {
        let briefs = 300;
        let mut builder = FindingsBuilder::new(briefs);
        // Briefs arrive from the last to the first, each naming the company twice.
        for b in (0..briefs).rev() {
            builder.add(b, naming(vec![1], vec![0]));
        }
        let org = builder.finish().orgs.remove(0);
        assert_eq!(org.item_count, 2 * briefs);
        assert_eq!(org.mentions, 2 * briefs);
        assert_eq!(org.briefs.len(), briefs);
        let expected: Vec<(u32, Origin)> = (0..ORG_ITEMS_KEPT as u32 / 2)
            .flat_map(|b| [(b, Origin::Topic(1)), (b, Origin::News(0))])
            .collect();
        assert_eq!(org.items, expected);
    }
}
