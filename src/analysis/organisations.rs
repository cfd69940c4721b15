//! Organisations named in a brief: the curated list (`known_orgs.rs`) plus what the
//! brief's glossary defines.
//!
//! A glossary entry adds an organisation when its long form looks like one: an acronym whose
//! meaning is a capitalised name with a word such as "Ministry", "Administration",
//! "Commission", "Bureau" (an agency) or "Technologies", "Group", "Corporation", "Co., Ltd"
//! (a company), or a Chinese term ending in 部, 委员会, 局 … (an agency) or 公司, 集团 … (a
//! company). An entry that names a known organisation by another name adds that name as an
//! alias. Latin names match as whole words and case-sensitively; Chinese names anywhere, the
//! longest first.
//!
//! Beyond the list, cues name organisations (never over a list name, which wins):
//! - a company noun before a capitalised name: "battery maker Lumicell", "startup Qingfeng
//!   Robotics", "state-owned carmaker Jianghu Motors" (automaker, carmaker, chipmaker, maker,
//!   startup, start-up, company, firm, giant, group, operator, supplier, manufacturer,
//!   developer, producer, conglomerate);
//! - a capitalised name before "Group", "Holdings", "Corporation", "Company" (kept in the
//!   name) or a legal form "Co., Ltd.", "Ltd.", "Inc.", "AG", "GmbH" … (left out of it);
//! - an agency word ("Bureau", "Administration", "Commission", "Ministry", "Department" …)
//!   with capitalised words before it or "of …" after it, after "the" ("the Economic and
//!   Information Bureau of Xiantao", "the Ministry of Ecology") or with a local word
//!   ("Xiantao Municipal Finance Bureau").
//!
//! A cued name starts with no article, preposition, month, day, title or adjective of a
//! country, is no place alone, and has at most a few words: a long capitalised run is a
//! title.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::known_orgs::KNOWN;
use super::text::{is_han, may_have_cjk, words};
use crate::model::{FieldRef, GlossaryEntry, GlossaryKind, OrgKind, OrgMention};

/// Which organisation: one of [`KNOWN`] or one the glossary added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum OrgId {
    Known(usize),
    Extra(usize),
}

/// A name to match: its Latin words and what lies between them, or a Chinese string.
struct Alias {
    tokens: Vec<String>,
    gaps: Vec<String>,
    org: OrgId,
}

/// Names to match, looked up by their first word.
struct Index {
    /// For each ASCII first character, the lengths (bit n for n bytes, 15 for longer) of
    /// the first words that begin with it: most words are ruled out before hashing.
    initials: [u16; 128],
    first: HashMap<String, Vec<usize>>,
    aliases: Vec<Alias>,
    cjk: Vec<(String, OrgId)>,
    /// Indices into `cjk` by the name's first character.
    cjk_first: HashMap<char, Vec<usize>>,
}

impl Default for Index {
    fn default() -> Self {
        Self {
            initials: [0; 128],
            first: HashMap::new(),
            aliases: Vec::new(),
            cjk: Vec::new(),
            cjk_first: HashMap::new(),
        }
    }
}

impl Index {
    fn add(&mut self, name: &str, org: OrgId) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        if name.chars().any(is_han) {
            if !self.cjk.iter().any(|(n, _)| n == name)
                && let Some(c) = name.chars().next()
            {
                self.cjk.push((name.to_owned(), org));
                self.cjk_first
                    .entry(c)
                    .or_default()
                    .push(self.cjk.len() - 1);
            }
            return;
        }
        let found: Vec<(usize, &str)> = words(name).collect();
        let Some(&(_, first)) = found.first() else {
            return;
        };
        let tokens: Vec<String> = found.iter().map(|(_, w)| (*w).to_owned()).collect();
        let gaps = found
            .windows(2)
            .map(|pair| name[pair[0].0 + pair[0].1.len()..pair[1].0].to_owned())
            .collect();
        if self
            .first
            .get(first)
            .is_some_and(|ids| ids.iter().any(|&i| self.aliases[i].tokens == tokens))
        {
            return;
        }
        if let Some(c) = first.bytes().next().filter(u8::is_ascii) {
            self.initials[usize::from(c)] |= 1 << first.len().min(15);
        }
        self.aliases.push(Alias { tokens, gaps, org });
        let id = self.aliases.len() - 1;
        let list = self.first.entry(first.to_owned()).or_default();
        list.push(id);
        let aliases = &self.aliases;
        list.sort_by_key(|&i| std::cmp::Reverse(aliases[i].tokens.len()));
    }

    /// Every Chinese name in `text`, overlapping ones included.
    fn find_cjk(&self, text: &str, out: &mut Vec<(usize, usize, OrgId)>) {
        if self.cjk.is_empty() {
            return;
        }
        for (at, c) in text.char_indices().filter(|(_, c)| is_han(*c)) {
            let Some(ids) = self.cjk_first.get(&c) else {
                continue;
            };
            for &id in ids {
                let (name, org) = &self.cjk[id];
                if text[at..].starts_with(name.as_str()) {
                    out.push((at, at + name.len(), *org));
                }
            }
        }
    }

    /// The longest alias that starts at word `i`: its organisation and word count.
    fn match_at(&self, text: &str, all: &[(usize, &str)], i: usize) -> Option<(OrgId, usize)> {
        let word = all.get(i)?.1;
        let initial = word.bytes().next()?;
        if initial.is_ascii()
            && self.initials[usize::from(initial)] & (1 << word.len().min(15)) == 0
        {
            return None;
        }
        let ids = self.first.get(word)?;
        ids.iter().find_map(|&id| {
            let alias = &self.aliases[id];
            let n = alias.tokens.len();
            let slice = all.get(i..i + n)?;
            let words_match = slice
                .iter()
                .zip(&alias.tokens)
                .all(|((_, w), t)| *w == t.as_str());
            let gaps_match = slice.windows(2).zip(&alias.gaps).all(|(pair, gap)| {
                let between = &text[pair[0].0 + pair[0].1.len()..pair[1].0];
                gap_matches(between, gap)
            });
            (words_match && gaps_match).then_some((alias.org, n))
        })
    }
}

/// Whether the text between two words fits the alias's: any run of spaces for a space,
/// either apostrophe for an apostrophe.
fn gap_matches(between: &str, gap: &str) -> bool {
    if gap.chars().all(char::is_whitespace) {
        return !between.is_empty() && between.chars().all(char::is_whitespace);
    }
    let norm = |s: &str| s.replace('’', "'");
    norm(between) == norm(gap)
}

static KNOWN_INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut index = Index::default();
    for (i, known) in KNOWN.iter().enumerate() {
        let org = OrgId::Known(i);
        index.add(known.name, org);
        if let Some(full) = known.full {
            index.add(full, org);
        }
        for alias in &known.aliases {
            index.add(alias, org);
        }
    }
    index
});

/// An organisation the glossary added.
struct Extra {
    name: String,
    full: Option<String>,
    kind: OrgKind,
}

/// Finds organisations in text: the known ones and those a brief's glossary defines.
pub struct OrgMatcher {
    extras: Vec<Extra>,
    extra_index: Index,
}

/// Words in a long form that make it a government body.
const AGENCY_WORDS: &[&str] = &[
    "Ministry",
    "Administration",
    "Commission",
    "Bureau",
    "Council",
    "Office",
    "Agency",
    "Authority",
    "Department",
    "Committee",
    "Congress",
    "Court",
    "Procuratorate",
    "Government",
];

/// Last words of a long form that make it a company.
const COMPANY_WORDS: &[&str] = &[
    "Technologies",
    "Technology",
    "Group",
    "Holdings",
    "Holding",
    "Inc",
    "Corp",
    "Corporation",
    "Company",
    "Co",
    "Ltd",
    "Limited",
    "Motor",
    "Motors",
    "Robotics",
    "Electronics",
    "Semiconductor",
    "Semiconductors",
    "Telecom",
    "Airlines",
    "Energy",
];

/// Chinese endings of a government body.
const AGENCY_ZH: &[&str] = &[
    "部",
    "委员会",
    "委",
    "局",
    "署",
    "办公室",
    "国务院",
    "政府",
    "厅",
];

/// Chinese endings of a company.
const COMPANY_ZH: &[&str] = &["公司", "集团", "股份", "控股"];

/// What a glossary's long form looks like: a capitalised name with an agency or company word.
fn kind_of_meaning(meaning: &str) -> Option<OrgKind> {
    let all: Vec<&str> = words(meaning).map(|(_, w)| w).collect();
    let capitalised = all
        .first()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    if !capitalised {
        return None;
    }
    if all.iter().any(|w| AGENCY_WORDS.contains(w)) {
        return Some(OrgKind::Agency);
    }
    all.last()
        .filter(|w| COMPANY_WORDS.contains(w))
        .map(|_| OrgKind::Company)
}

fn kind_of_chinese(term: &str) -> Option<OrgKind> {
    if COMPANY_ZH.iter().any(|s| term.ends_with(s)) {
        Some(OrgKind::Company)
    } else if AGENCY_ZH.iter().any(|s| term.ends_with(s)) {
        Some(OrgKind::Agency)
    } else {
        None
    }
}

/// The known organisation `name` is one of the names of, compared as whole text.
fn known_by_name(name: &str) -> Option<usize> {
    let name = clean(name);
    let all: Vec<(usize, &str)> = words(&name).collect();
    if name.chars().any(is_han) {
        return KNOWN_INDEX
            .cjk
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, org)| match org {
                OrgId::Known(i) => Some(*i),
                OrgId::Extra(_) => None,
            });
    }
    if all.is_empty() {
        return None;
    }
    match KNOWN_INDEX.match_at(&name, &all, 0) {
        Some((OrgId::Known(i), n)) if n == all.len() => Some(i),
        _ => None,
    }
}

/// Trimmed, single-spaced, without a leading "the".
fn clean(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let joined = joined.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | ':'));
    ["the ", "The "]
        .iter()
        .find_map(|p| joined.strip_prefix(p))
        .unwrap_or(joined)
        .to_owned()
}

// ---------------------------------------------------------------------------------------
// Organisations found by their cues, not by name.
// ---------------------------------------------------------------------------------------

/// Nouns that introduce a company's name: "battery maker Lumicell", "startup WeRide".
const COMPANY_CUES: &[&str] = &[
    "automaker",
    "carmaker",
    "chipmaker",
    "startup",
    "company",
    "firm",
    "giant",
    "group",
    "operator",
    "supplier",
    "manufacturer",
    "developer",
    "maker",
    "producer",
    "conglomerate",
];

/// Words before "maker", "developer" … that make it no company: "policy maker Li".
const NOT_COMPANY_MAKERS: &[&str] = &[
    "policy", "decision", "law", "rule", "peace", "film", "movie", "match", "trouble", "deal",
    "king", "opinion", "real", "estate",
];

/// Last words of a company name, kept in the name: "Zhenhai Rare Metals Group".
const COMPANY_HEADS: &[&str] = &["Group", "Holdings", "Holding", "Corporation", "Company"];

/// Legal forms: they make a name a company's but are left out of its canonical name
/// ("Hangxin Precision Co., Ltd." is "Hangxin Precision").
const LEGAL_FORMS: &[&str] = &[
    "Co",
    "Ltd",
    "Limited",
    "Inc",
    "Incorporated",
    "Corp",
    "AG",
    "GmbH",
    "LLC",
    "PLC",
    "Plc",
];

/// Last words of a government body: "the Economic and Information Bureau of Xiantao".
const AGENCY_HEADS: &[&str] = &[
    "Bureau",
    "Administration",
    "Commission",
    "Ministry",
    "Department",
    "Agency",
    "Authority",
    "Committee",
    "Council",
];

/// Words that make a name with an agency head a local government body.
const LOCAL_WORDS: &[&str] = &[
    "Municipal",
    "Provincial",
    "Prefectural",
    "County",
    "District",
    "City",
];

/// Capitalised words that start no organisation's name: articles, prepositions, sentence
/// openers, months and days, titles, and adjectives of a country.
const STOP_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Of",
    "To",
    "As",
    "And",
    "But",
    "Or",
    "If",
    "While",
    "When",
    "After",
    "Before",
    "Since",
    "Meanwhile",
    "Yesterday",
    "Today",
    "Also",
    "However",
    "Then",
    "Still",
    "Yet",
    "Both",
    "Each",
    "Other",
    "Some",
    "Many",
    "Most",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "CEO",
    "Chairman",
    "Chairwoman",
    "President",
    "Founder",
    "Director",
    "Chief",
    "Vice",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Chinese",
    "German",
    "American",
    "Japanese",
    "Korean",
    "European",
    "French",
    "British",
    "Dutch",
    "Swiss",
    "Italian",
    "Indian",
    "Russian",
    "Taiwanese",
    "Foreign",
    "Domestic",
    "Local",
    "Global",
    "State",
    "Private",
    "Startup",
    "Company",
    "Firm",
];

/// Places that are no organisation on their own: "China Group" is not a name.
const PLACES: &[&str] = &[
    "China", "PRC", "Germany", "Japan", "US", "USA", "America", "Europe", "EU", "Korea", "Taiwan",
    "Hong", "Kong", "India", "Russia", "France", "UK", "Britain", "Beijing", "Shanghai",
];

/// At most this many words before a head: a longer capitalised run is a title, not a name.
const MAX_NAME_WORDS: usize = 7;

/// An organisation found by a cue: byte span, canonical name, kind.
type Cued = (usize, usize, String, OrgKind);

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words and the text between them, with which words a list name already covers.
struct Words<'a> {
    text: &'a str,
    all: &'a [(usize, &'a str)],
    taken: &'a [bool],
}

impl Words<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.all.get(i).map(|&(_, w)| w)
    }

    fn end(&self, i: usize) -> usize {
        self.all[i].0 + self.all[i].1.len()
    }

    /// The text between word `i` and word `i + 1`.
    fn gap(&self, i: usize) -> &str {
        match (self.all.get(i), self.all.get(i + 1)) {
            (Some(_), Some(&(next, _))) => self.text.get(self.end(i)..next).unwrap_or(""),
            _ => "",
        }
    }

    /// Whether words `i` and `i + 1` are one phrase: spaces on one line between them.
    fn spaced(&self, i: usize) -> bool {
        let gap = self.gap(i);
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    /// Whether word `i + 1` carries on a name that word `i` is part of: "Rare Metals",
    /// "Hi-Tech", "People's".
    fn joins(&self, i: usize) -> bool {
        let Some(next) = self.word(i + 1) else {
            return false;
        };
        if self.taken[i + 1] || self.taken[i] {
            return false;
        }
        let this = self.all[i].1;
        if !is_capitalised(this) || this == "The" {
            return false;
        }
        match self.gap(i) {
            "-" => true,
            "'" | "’" => next == "s",
            " & " => is_capitalised(next),
            _ => self.spaced(i) && is_capitalised(next) && next != "The",
        }
    }

    /// Whether a legal form follows word `i`: "Co., Ltd." after "Precision".
    fn legal_follows(&self, i: usize) -> bool {
        let gap = self.gap(i);
        self.word(i + 1).is_some_and(|w| LEGAL_FORMS.contains(&w))
            && !self.taken[i + 1]
            && !gap.is_empty()
            && gap.chars().all(|c| matches!(c, ' ' | ',' | '.' | '\u{a0}'))
            // "Co-operation" is no legal form.
            && !self.gap(i + 1).starts_with('-')
    }

    /// The last word of a run of legal forms that starts after word `i`, or `i`.
    fn past_legal(&self, mut i: usize) -> usize {
        while self.legal_follows(i) {
            i += 1;
        }
        i
    }
}

/// Whether a name's words are only stop words and places.
fn says_nothing(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| STOP_WORDS.contains(w) || PLACES.contains(w) || LEGAL_FORMS.contains(w))
}

/// Every organisation a cue points to in `text`; `taken[i]` says word `i` is part of a list
/// name, which no cued name may include.
fn find_cued(text: &str, all: &[(usize, &str)], taken: &[bool]) -> Vec<Cued> {
    let w = Words { text, all, taken };
    let mut found: Vec<Cued> = Vec::new();
    for i in 0..all.len() {
        if taken[i] {
            continue;
        }
        let word = all[i].1;
        if let Some(c) = company_after_cue(&w, i) {
            found.push(c);
        }
        if COMPANY_HEADS.contains(&word) || LEGAL_FORMS.contains(&word) {
            if let Some(c) = company_before_head(&w, i) {
                found.push(c);
            }
        } else if AGENCY_HEADS.contains(&word)
            && let Some(c) = agency_around_head(&w, i)
        {
            found.push(c);
        }
    }
    // Longest first where they overlap.
    found.sort_by_key(|c| (c.0, std::cmp::Reverse(c.1)));
    let mut out: Vec<Cued> = Vec::new();
    for c in found {
        if out.last().is_none_or(|last| c.0 >= last.1) {
            out.push(c);
        }
    }
    out
}

/// The name of a company from word `first` to word `last`: its legal form left out.
fn company_name(w: &Words, first: usize, last: usize) -> Option<String> {
    let mut name_last = last;
    while name_last > first && LEGAL_FORMS.contains(&w.all[name_last].1) {
        name_last -= 1;
    }
    if name_last < last && name_last > first && w.all[name_last].1 == "Company" {
        name_last -= 1;
    }
    let names: Vec<&str> = w.all[first..=name_last].iter().map(|&(_, s)| s).collect();
    let core: Vec<&str> = names
        .iter()
        .copied()
        .filter(|s| !COMPANY_HEADS.contains(s))
        .collect();
    if names.len() > MAX_NAME_WORDS || core.is_empty() || says_nothing(&core) {
        return None;
    }
    let name = clean(w.text.get(w.all[first].0..w.end(name_last))?);
    Some(name)
}

/// "battery maker Lumicell", "startup Qingfeng Robotics": a cue noun, then a capitalised
/// name.
fn company_after_cue(w: &Words, i: usize) -> Option<Cued> {
    let word = w.all[i].1;
    let start_up = word.eq_ignore_ascii_case("up")
        && i > 0
        && w.gap(i - 1) == "-"
        && w.all[i - 1].1.eq_ignore_ascii_case("start");
    let cue = COMPANY_CUES
        .iter()
        .find(|c| c.eq_ignore_ascii_case(word))
        .or(start_up.then_some(&"startup"))?;
    // Lower case, or capitalised at the start of a sentence ("Startup WeRide …").
    let lower = !is_capitalised(w.all[if start_up { i - 1 } else { i }].1);
    let sentence_start = i == 0 || w.gap(i - 1).trim_end().ends_with(['.', ':', ';', '\n']);
    let capital_ok = sentence_start && !matches!(*cue, "group" | "company");
    if !(lower || capital_ok) {
        return None;
    }
    if matches!(*cue, "maker" | "developer" | "producer" | "operator")
        && i > 0
        && NOT_COMPANY_MAKERS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(w.all[i - 1].1))
    {
        return None;
    }
    let first = i + 1;
    let first_word = w.word(first)?;
    if w.taken[first]
        || !w.spaced(i)
        || !is_capitalised(first_word)
        || STOP_WORDS.contains(&first_word)
        || PLACES.contains(&first_word)
    {
        return None;
    }
    let mut last = first;
    while w.joins(last) {
        last += 1;
    }
    last = w.past_legal(last);
    let name = company_name(w, first, last)?;
    Some((w.all[first].0, w.end(last), name, OrgKind::Company))
}

/// "Zhenhai Rare Metals Group", "Hangxin Precision Co., Ltd.": a capitalised name before a
/// company word or a legal form.
fn company_before_head(w: &Words, i: usize) -> Option<Cued> {
    if LEGAL_FORMS.contains(&w.all[i].1) && w.gap(i).starts_with('-') {
        return None;
    }
    let legal = |k: usize| LEGAL_FORMS.contains(&w.all[k].1);
    let mut first = i;
    // Back over the legal forms before this one ("Co., Ltd."), to the name's last word.
    while first > 0 && legal(first) && legal(first - 1) && w.legal_follows(first - 1) {
        first -= 1;
    }
    if legal(first) {
        if first == 0
            || w.taken[first - 1]
            || !is_capitalised(w.all[first - 1].1)
            || !w.legal_follows(first - 1)
        {
            return None;
        }
        first -= 1;
    }
    while first > 0 && w.joins(first - 1) {
        first -= 1;
    }
    while first < i && STOP_WORDS.contains(&w.all[first].1) {
        first += 1;
    }
    let mut last = i;
    // "Aluminum Corporation of China".
    if w.all[i].1 == "Corporation"
        && w.word(i + 1) == Some("of")
        && w.spaced(i)
        && w.spaced(i + 1)
        && w.word(i + 2).is_some_and(is_capitalised)
        && !w.taken[i + 2]
    {
        last = i + 2;
        while w.joins(last) {
            last += 1;
        }
    }
    last = w.past_legal(last);
    if first >= i && COMPANY_HEADS.contains(&w.all[i].1) {
        return None;
    }
    let name = company_name(w, first, last)?;
    Some((w.all[first].0, w.end(last), name, OrgKind::Company))
}

/// "the Economic and Information Bureau of Xiantao", "Beijing Municipal Economic and
/// Information Bureau", "the Ministry of Ecology": a capitalised name around an agency word,
/// after "the" or with a word such as "Municipal".
fn agency_around_head(w: &Words, head: usize) -> Option<Cued> {
    let connector = |s: &str| matches!(s, "and" | "of" | "for");
    let mut first = head;
    loop {
        if first > 0 && w.joins(first - 1) {
            first -= 1;
        } else if first > 1
            && connector(w.all[first - 1].1)
            && w.spaced(first - 1)
            && w.spaced(first - 2)
            && !w.taken[first - 2]
            && is_capitalised(w.all[first - 2].1)
            && w.all[first - 2].1 != "The"
            && first < head
        {
            first -= 2;
        } else {
            break;
        }
    }
    while first < head
        && ((STOP_WORDS.contains(&w.all[first].1)
            && !matches!(w.all[first].1, "State" | "Global" | "European" | "Foreign"))
            || connector(w.all[first].1))
    {
        first += 1;
    }
    let after_the = first > 0 && w.spaced(first - 1) && matches!(w.all[first - 1].1, "the" | "The");
    // Whether the word after `at` is one of `joining` and a free capitalised word follows it:
    // "… Bureau of Xiantao", "… Economic and Information …".
    let continues = |at: usize, joining: &[&str]| {
        w.word(at + 1).is_some_and(|s| joining.contains(&s))
            && w.spaced(at)
            && w.spaced(at + 1)
            && w.word(at + 2)
                .is_some_and(|s| is_capitalised(s) && s != "The")
            && !w.taken.get(at + 2).copied().unwrap_or(true)
    };
    let mut last = head;
    while continues(last, &["of", "for", "on"]) {
        last += 2;
        loop {
            if w.joins(last) {
                last += 1;
            } else if continues(last, &["and"]) {
                last += 2;
            } else {
                break;
            }
        }
    }
    let before: Vec<&str> = w.all[first..head].iter().map(|&(_, s)| s).collect();
    let named_before = before.iter().filter(|s| !connector(s)).count();
    if named_before > MAX_NAME_WORDS {
        return None;
    }
    let local = before.iter().any(|s| LOCAL_WORDS.contains(s)) && named_before >= 2;
    let ministry_of = w.all[head].1 == "Ministry" && last > head;
    // "the Bureau of Statistics", but not "Measures for the Administration of Quotas".
    let of_only = last > head && matches!(w.all[head].1, "Ministry" | "Bureau" | "Department");
    let ok = (after_the && (named_before >= 1 || of_only)) || local || ministry_of;
    let all_words: Vec<&str> = w.all[first..=last]
        .iter()
        .map(|&(_, s)| s)
        .filter(|s| !connector(s) && !AGENCY_HEADS.contains(s))
        .collect();
    if !ok || all_words.is_empty() || says_nothing(&all_words) {
        return None;
    }
    let start = w.all[first].0;
    let end = w.end(last);
    Some((start, end, clean(w.text.get(start..end)?), OrgKind::Agency))
}

impl OrgMatcher {
    /// A matcher for one brief, with the organisations its glossary defines.
    pub fn new(glossary: &[GlossaryEntry]) -> Self {
        let mut matcher = Self {
            extras: Vec::new(),
            extra_index: Index::default(),
        };
        for entry in glossary {
            matcher.add_glossary_entry(entry);
        }
        matcher
    }

    fn add_glossary_entry(&mut self, entry: &GlossaryEntry) {
        let (term, meaning) = (entry.term.trim(), entry.meaning.trim());
        if let Some(i) = known_by_name(term).or_else(|| known_by_name(meaning)) {
            // Another name of a known organisation.
            let org = OrgId::Known(i);
            for name in [term, meaning] {
                if known_by_name(name).is_none() {
                    self.extra_index.add(name, org);
                }
            }
            return;
        }
        let kind = match entry.kind {
            GlossaryKind::Acronym => kind_of_meaning(meaning),
            GlossaryKind::Chinese => kind_of_chinese(term).or_else(|| kind_of_meaning(meaning)),
        };
        let Some(kind) = kind else {
            return;
        };
        let (name, full) = match entry.kind {
            GlossaryKind::Acronym => (term.to_owned(), Some(meaning.to_owned())),
            GlossaryKind::Chinese => (meaning.to_owned(), None),
        };
        if self.extras.iter().any(|e| e.name == name) {
            return;
        }
        self.extras.push(Extra { name, full, kind });
        let org = OrgId::Extra(self.extras.len() - 1);
        self.extra_index.add(term, org);
        self.extra_index.add(meaning, org);
    }

    fn name_of(&self, org: OrgId) -> (&str, Option<&str>, OrgKind) {
        match org {
            OrgId::Known(i) => {
                let k = &KNOWN[i];
                (k.name, k.full, k.kind)
            }
            OrgId::Extra(i) => {
                let e = &self.extras[i];
                (e.name.as_str(), e.full.as_deref(), e.kind)
            }
        }
    }

    /// The long name of the organisation canonically called `name`, if there is one.
    pub fn full_name(&self, name: &str) -> Option<String> {
        KNOWN
            .iter()
            .find(|k| k.name == name)
            .and_then(|k| k.full)
            .or_else(|| {
                self.extras
                    .iter()
                    .find(|e| e.name == name)
                    .and_then(|e| e.full.as_deref())
            })
            .map(str::to_owned)
    }

    /// The kind of a canonical name: known or defined kind, else `None`.
    pub fn kind_of(&self, name: &str) -> Option<OrgKind> {
        KNOWN
            .iter()
            .find(|k| k.name == name)
            .map(|k| k.kind)
            .or_else(|| self.extras.iter().find(|e| e.name == name).map(|e| e.kind))
    }

    /// Every organisation named in `text`, in order, with byte spans into `text`.
    pub fn find(&self, text: &str, at: FieldRef) -> Vec<OrgMention> {
        let mut spans: Vec<(usize, usize, OrgId)> = Vec::new();
        let all: Vec<(usize, &str)> = words(text).collect();
        let mut i = 0;
        while i < all.len() {
            let known = KNOWN_INDEX.match_at(text, &all, i);
            let extra = self.extra_index.match_at(text, &all, i);
            let best = match (known, extra) {
                (Some(a), Some(b)) => Some(if b.1 > a.1 { b } else { a }),
                (a, b) => a.or(b),
            };
            if let Some((org, n)) = best {
                let (start, _) = all[i];
                let (last_at, last) = all[i + n - 1];
                spans.push((start, last_at + last.len(), org));
                i += n;
            } else {
                i += 1;
            }
        }
        let mut taken = vec![false; all.len()];
        {
            let mut k = 0;
            for &(start, end, _) in &spans {
                while k < all.len() && all[k].0 < end {
                    if all[k].0 >= start {
                        taken[k] = true;
                    }
                    k += 1;
                }
            }
        }
        let cued = find_cued(text, &all, &taken);
        if may_have_cjk(text) {
            let mut cjk: Vec<(usize, usize, OrgId)> = Vec::new();
            KNOWN_INDEX.find_cjk(text, &mut cjk);
            self.extra_index.find_cjk(text, &mut cjk);
            // Longest first where they overlap.
            cjk.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            let mut end = 0;
            for span in cjk {
                if span.0 >= end {
                    end = span.1;
                    spans.push(span);
                }
            }
            spans.sort_by_key(|&(s, _, _)| s);
        }
        let mut out: Vec<OrgMention> = Vec::with_capacity(spans.len());
        let mut prev: Option<(usize, OrgId)> = None;
        for (start, end, org) in spans {
            // "Ministry of … Technology (MIIT)": the acronym defines, it is no second mention.
            let defines = prev.is_some_and(|(prev_end, prev_org)| {
                prev_org == org
                    && text
                        .get(prev_end..start)
                        .is_some_and(|gap| matches!(gap.trim(), "(" | "（"))
            });
            prev = Some((end, org));
            if defines {
                continue;
            }
            let (name, _, kind) = self.name_of(org);
            out.push(OrgMention {
                name: name.to_owned(),
                kind,
                at,
                start,
                end,
                matched: text[start..end].to_owned(),
            });
        }
        if !cued.is_empty() {
            for (start, end, name, kind) in cued {
                let (name, kind) = match self.whole_match(&name) {
                    Some(org) => {
                        let (known, _, kind) = self.name_of(org);
                        (known.to_owned(), kind)
                    }
                    None => (name, kind),
                };
                out.push(OrgMention {
                    name,
                    kind,
                    at,
                    start,
                    end,
                    matched: text[start..end].to_owned(),
                });
            }
            out.sort_by_key(|m| m.start);
        }
        out
    }

    /// The canonical name of one issuing body: "Ministry of Industry and Information
    /// Technology", "the MIIT" and "工信部" all give "MIIT"; a body nobody knows is returned
    /// trimmed, single-spaced and without a leading "the".
    pub fn normalise_body(&self, body: &str) -> String {
        let cleaned = clean(body);
        if let Some(org) = self.whole_match(&cleaned) {
            return self.name_of(org).0.to_owned();
        }
        // "Full Name (ACR)": either part.
        if let Some(open) = cleaned.rfind(['(', '（'])
            && cleaned.ends_with([')', '）'])
        {
            let close_len = cleaned.chars().next_back().map_or(1, char::len_utf8);
            let inner = cleaned
                .get(
                    open + cleaned[open..].chars().next().map_or(1, char::len_utf8)
                        ..cleaned.len() - close_len,
                )
                .unwrap_or("");
            for part in [inner, cleaned[..open].trim()] {
                if let Some(org) = self.whole_match(&clean(part)) {
                    return self.name_of(org).0.to_owned();
                }
            }
        }
        cleaned
    }

    /// The organisation `name` is a whole name of.
    fn whole_match(&self, name: &str) -> Option<OrgId> {
        if let Some(i) = known_by_name(name) {
            return Some(OrgId::Known(i));
        }
        if name.chars().any(is_han) {
            return self
                .extra_index
                .cjk
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, org)| *org);
        }
        let all: Vec<(usize, &str)> = words(name).collect();
        if all.is_empty() {
            return None;
        }
        match self.extra_index.match_at(name, &all, 0) {
            Some((org, n)) if n == all.len() => Some(org),
            _ => None,
        }
    }

    /// The issuing bodies of a footer, canonical: a joint document names several
    /// ("MIIT, NDRC", "MIIT and NDRC", "工信部、发改委"); "and" inside a known name does not split
    /// it.
    pub fn issuing_bodies(&self, field: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for part in field.split([',', ';', '、', '，', '；', '/', '&']) {
            let part = clean(part);
            if part.is_empty() {
                continue;
            }
            let whole = self.whole_match(&part);
            let pieces: Vec<String> = if whole.is_some() {
                vec![part.clone()]
            } else {
                let split: Vec<String> = part
                    .split(" and ")
                    .map(clean)
                    .filter(|p| !p.is_empty())
                    .collect();
                if split.len() > 1 && split.iter().all(|p| self.whole_match(p).is_some()) {
                    split
                } else {
                    vec![part.clone()]
                }
            };
            for piece in pieces {
                let name = self.normalise_body(&piece);
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
    }
}

/// Every organisation named in `text` (known, or defined in `glossary`), in order.
pub fn find_organisations(text: &str, glossary: &[GlossaryEntry], at: FieldRef) -> Vec<OrgMention> {
    OrgMatcher::new(glossary).find(text, at)
}

/// The canonical name of an issuing body, e.g. "Ministry of Industry and Information
/// Technology" → "MIIT"; unknown bodies come back trimmed and single-spaced.
pub fn normalise_body(body: &str, glossary: &[GlossaryEntry]) -> String {
    OrgMatcher::new(glossary).normalise_body(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextField;

    const AT: FieldRef = FieldRef {
        field: TextField::NewsText,
        item: None,
    };

    fn names(text: &str, glossary: &[GlossaryEntry]) -> Vec<(String, OrgKind, String)> {
        find_organisations(text, glossary, AT)
            .into_iter()
            .map(|m| (m.name, m.kind, m.matched))
            .collect()
    }

    fn entry(term: &str, meaning: &str, kind: GlossaryKind) -> GlossaryEntry {
        GlossaryEntry {
            term: term.into(),
            meaning: meaning.into(),
            kind,
        }
    }

    #[test]
    fn known_names_and_aliases() {
        let got = names(
            "The National Development and Reform Commission (NDRC) and the MIIT back BYD’s \
             plant; most firms NEAR the port, unlike CATL, welcome it. 工信部和宁德时代签约。",
            &[],
        );
        let short: Vec<(&str, &str)> = got
            .iter()
            .map(|(n, _, m)| (n.as_str(), m.as_str()))
            .collect();
        assert_eq!(
            short,
            [
                ("NDRC", "National Development and Reform Commission"),
                ("MIIT", "MIIT"),
                ("BYD", "BYD"),
                ("CATL", "CATL"),
                ("MIIT", "工信部"),
                ("CATL", "宁德时代"),
            ]
        );
        assert_eq!(got[2].1, OrgKind::Company);
        assert_eq!(got[0].1, OrgKind::Agency);
    }

    #[test]
    fn case_and_word_boundaries() {
        assert!(names("Most of the NEAR-term bydding, Baiduism and most.", &[]).is_empty());
        assert_eq!(names("MOST and NEA", &[]).len(), 2);
        // A longer Chinese name wins over the one inside it.
        let got = names("国务院国有资产监督管理委员会发布通知", &[]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "SASAC");
    }

    #[test]
    fn glossary_adds_organisations() {
        let glossary = [
            entry(
                "CBRA",
                "China Battery Recycling Authority",
                GlossaryKind::Acronym,
            ),
            entry(
                "无锡某某电子有限公司",
                "Wuxi Sample Electronics",
                GlossaryKind::Chinese,
            ),
            entry("S&T", "science and technology", GlossaryKind::Acronym),
            entry("两区", "Two Zones", GlossaryKind::Chinese),
            entry(
                "MIT",
                "Ministry of Industry and Information Technology",
                GlossaryKind::Acronym,
            ),
        ];
        let got = names(
            "The CBRA fined Wuxi Sample Electronics (无锡某某电子有限公司); the MIT agreed on S&T in the Two Zones.",
            &glossary,
        );
        let short: Vec<(&str, OrgKind)> = got.iter().map(|(n, k, _)| (n.as_str(), *k)).collect();
        assert_eq!(
            short,
            [
                ("CBRA", OrgKind::Agency),
                ("Wuxi Sample Electronics", OrgKind::Company),
                ("MIIT", OrgKind::Agency),
            ]
        );
    }

    #[test]
    fn bodies_normalise() {
        let glossary = [entry(
            "BMEIB",
            "Beijing Municipal Economy and Information Bureau",
            GlossaryKind::Acronym,
        )];
        for (body, want) in [
            ("Ministry of Industry and Information Technology", "MIIT"),
            ("the  MIIT ", "MIIT"),
            ("工业和信息化部", "MIIT"),
            ("National Energy Administration (NEA)", "NEA"),
            ("Beijing Municipal Economy and Information Bureau", "BMEIB"),
            (
                "Shanghai Municipal Commission of Commerce",
                "Shanghai Municipal Commission of Commerce",
            ),
            ("", ""),
        ] {
            assert_eq!(normalise_body(body, &glossary), want, "{body}");
        }
        let m = OrgMatcher::new(&[]);
        assert_eq!(
            m.issuing_bodies("MIIT, NDRC and MOST"),
            ["MIIT", "NDRC", "MOST"]
        );
        assert_eq!(
            m.issuing_bodies("Ministry of Industry and Information Technology"),
            ["MIIT"]
        );
        assert_eq!(m.issuing_bodies("工信部、国家发展改革委"), ["MIIT", "NDRC"]);
        assert_eq!(
            m.issuing_bodies("Some Office and Another Office"),
            ["Some Office and Another Office"]
        );
        assert_eq!(
            m.full_name("NEA").as_deref(),
            Some("National Energy Administration")
        );
        assert_eq!(m.kind_of("Huawei"), Some(OrgKind::Company));
    }

    #[test]
    fn aliases_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for known in KNOWN.iter() {
            for name in std::iter::once(known.name)
                .chain(known.full)
                .chain(known.aliases.iter().copied())
            {
                assert!(seen.insert(name), "{name} twice");
            }
        }
    }
}
