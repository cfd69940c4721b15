//! Terms a brief defines in its own text: "Ministry of Industry and Information Technology
//! (MIIT)" and "“Two Zones” (两区)".

use std::collections::HashSet;

use super::scanners::lowercase_find;
use super::script::{find_all_either, find_either, is_cjk, is_han};
use super::trim::trim;
use crate::model::{GlossaryEntry, GlossaryKind};

/// Small words an acronym may skip or use: "Ministry of Transport (MOT)".
const CONNECTORS: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "to", "&", "de", "und", "für",
];

/// [`CONNECTORS`] as a table to look up lower-cased words in.
const CONNECTOR_TABLE: &[(&str, ())] = &[
    ("of", ()),
    ("and", ()),
    ("the", ()),
    ("for", ()),
    ("on", ()),
    ("in", ()),
    ("to", ()),
    ("&", ()),
    ("de", ()),
    ("und", ()),
    ("für", ()),
];

/// The definitions found so far, in the order found; the first definition of a term wins.
#[derive(Default)]
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
    /// The terms of `entries`, once there are more than [`FEW`] of them.
    terms: HashSet<String>,
}

/// Up to this many entries, a term is looked up by reading them all.
const FEW: usize = 32;

impl Glossary {
    /// Adds every definition found in `text` whose term is not defined yet.
    pub fn collect_definitions(&mut self, text: &str) {
        // The first closing bracket after an opener, once looked for: the openers
        // before it share it, so a run of openers costs one search, not one each.
        let mut close: Option<Option<usize>> = None;
        for open in find_all_either(text, '(', '（') {
            let open_len = text[open..].chars().next().map_or(1, char::len_utf8);
            let search_from = open + open_len;
            let close_at = match close {
                Some(Some(at)) if at >= search_from => at,
                _ => {
                    let found = find_either(text, search_from, ')', '）');
                    close = Some(found);
                    match found {
                        Some(at) => at,
                        None => return,
                    }
                }
            };
            let inner = trim(&text[search_from..close_at]);
            let kind = if is_acronym(inner) {
                GlossaryKind::Acronym
            } else if is_chinese_term(inner) {
                GlossaryKind::Chinese
            } else {
                continue;
            };
            if self.has(inner) {
                continue;
            }
            let before = tail_words(&text[..open]);
            let meaning = match kind {
                GlossaryKind::Acronym => {
                    acronym_meaning(before, inner).or_else(|| syllable_meaning(before, inner))
                }
                GlossaryKind::Chinese => chinese_meaning(before),
            };
            if let Some(meaning) = meaning {
                if self.entries.len() == FEW {
                    self.terms = self.entries.iter().map(|e| e.term.clone()).collect();
                }
                if self.entries.len() >= FEW {
                    self.terms.insert(inner.to_owned());
                }
                self.entries.push(GlossaryEntry {
                    term: inner.to_owned(),
                    meaning,
                    kind,
                });
            }
        }
    }

    fn has(&self, term: &str) -> bool {
        if self.entries.len() <= FEW {
            self.entries.iter().any(|e| e.term == term)
        } else {
            self.terms.contains(term)
        }
    }

    pub fn into_entries(self) -> Vec<GlossaryEntry> {
        self.entries
    }
}

/// How far before a bracket a meaning may start, in bytes: enough for any real name, and it
/// keeps a long paragraph with many brackets linear.
const LOOK_BACK: usize = 512;

/// The whole words in the last [`LOOK_BACK`] bytes of `before`.
fn tail_words(before: &str) -> &str {
    if before.len() <= LOOK_BACK {
        return before;
    }
    let mut cut = before.len() - LOOK_BACK;
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    // Start after the first space, so no word is cut in half.
    let window = &before[cut..];
    window
        .find(char::is_whitespace)
        .map_or("", |space| &window[space..])
}

/// "MIIT", "S&T", "SOEs", "R&D"; not a language tag such as "CN".
fn is_acronym(s: &str) -> bool {
    if s.len() > 10 {
        return false;
    }
    let upper = s.chars().filter(char::is_ascii_uppercase).count();
    let len = s.chars().count();
    (2..=10).contains(&len)
        && upper >= 2
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '&' || c == '-')
        && s.chars().filter(char::is_ascii_lowercase).count() <= 1
        && !matches!(s, "CN" | "EN" | "DE" | "ZH")
}

/// Longest bracketed Chinese term, in bytes (100 characters of three bytes).
const MAX_TERM: usize = 300;

fn is_chinese_term(s: &str) -> bool {
    s.len() <= MAX_TERM
        && s.chars().filter(|c| is_han(*c)).count() >= 2
        && s.chars().all(|c| is_cjk(c) || c == '·')
}

/// Whether `word` is one of [`CONNECTORS`], in any case.
fn is_connector(word: &str) -> bool {
    lowercase_find(word, CONNECTOR_TABLE).is_some()
}

/// The byte index in `outer` where `inner`, a slice of it, starts.
fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

/// `s`'s words joined with single spaces.
fn join_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The words before an acronym that spell it: "Ministry of Industry and Information Technology".
fn acronym_meaning(before: &str, acronym: &str) -> Option<String> {
    // An acronym is at most ten ASCII characters ([`is_acronym`]).
    let mut buf = ['\0'; 10];
    let mut count = 0;
    for c in acronym.trim_end_matches('s').chars() {
        if c.is_ascii_alphabetic() && count < buf.len() {
            buf[count] = c.to_ascii_lowercase();
            count += 1;
        }
    }
    let letters = &buf[..count];
    let mut need = letters.len();
    // Where the first word of the meaning starts; words are read from the last one back.
    let mut first_word = before.len();
    for raw in before.split_whitespace().rev() {
        if need == 0 {
            break;
        }
        // Most words start and end with an ASCII letter: nothing to trim.
        let plain = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && b != b'"' && b != b'\'');
        let word = if plain(raw.as_bytes().first()) && plain(raw.as_bytes().last()) {
            raw
        } else {
            raw.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\''))
        };
        if word.is_empty() || word.ends_with([',', '.', ';', ':', ')']) {
            return None;
        }
        let initial = |s: &str| s.chars().next().map(|c| c.to_ascii_lowercase());
        let parts = || word.split('-').filter(|p| !p.is_empty());
        let part_count = if word.contains('-') {
            parts().count()
        } else {
            1
        };
        let all_parts_match = part_count > 1
            && part_count <= need
            && parts()
                .rev()
                .enumerate()
                .all(|(k, p)| initial(p) == Some(letters[need - 1 - k]));
        if all_parts_match {
            need -= part_count;
        } else if initial(word) == Some(letters[need - 1]) {
            need -= 1;
        } else if is_connector(word) && need < letters.len() {
            continue;
        } else {
            return None;
        }
        first_word = offset_in(before, raw);
    }
    (need == 0).then(|| join_words(trim_phrase(&before[first_word..])))
}

/// The words before an acronym made of the first letters of several of them, as Chinese
/// ministries' often are: "Ministry of Commerce (MOFCOM)", "Ministry of Housing and
/// Urban-Rural Development (MOHURD)". Each word lends the start of itself ("M", "OF",
/// "COM"); a joining word ("of", "and") may lend nothing. The fewest words that spell the
/// acronym whole, at most eight, starting with a capitalised word.
fn syllable_meaning(before: &str, acronym: &str) -> Option<String> {
    let letters: Vec<char> = acronym
        .trim_end_matches('s')
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if letters.len() < 3 {
        return None;
    }
    let mut words: Vec<(&str, Vec<char>)> = Vec::new();
    for raw in before.split_whitespace().rev().take(8) {
        let word = raw.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\''));
        if word.is_empty() || word.ends_with([',', '.', ';', ':', ')']) {
            break;
        }
        let chars = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        words.push((raw, chars));
        let meaning: Vec<&(&str, Vec<char>)> = words.iter().rev().collect();
        let first = meaning[0].0;
        let capitalised = first.chars().next().is_some_and(char::is_uppercase);
        if capitalised && spells(&meaning, &letters) {
            let start = offset_in(before, first);
            return Some(join_words(trim_phrase(&before[start..])));
        }
    }
    None
}

/// Whether `letters` split into a start of each word in turn (a joining word may lend none).
fn spells(words: &[&(&str, Vec<char>)], letters: &[char]) -> bool {
    let Some(((raw, chars), rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let least = usize::from(!is_connector(raw));
    (least..=chars.len().min(letters.len()))
        .rev()
        .any(|n| chars[..n] == letters[..n] && spells(rest, &letters[n..]))
}

/// The English words before a Chinese term: a quoted phrase, or a run of capitalised words.
fn chinese_meaning(before: &str) -> Option<String> {
    let before = before.trim_end();
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’'), ('「', '」')] {
        if let Some(body) = before.strip_suffix(close)
            && let Some(start) = body.rfind(open)
        {
            let phrase = body[start + open.len_utf8()..].trim();
            return (!phrase.is_empty() && !phrase.contains(is_cjk)).then(|| phrase.to_owned());
        }
    }
    // The run of words that ends the text, read from its last word back.
    let mut run: Vec<&str> = Vec::new();
    for (from_end, word) in before.split_whitespace().rev().enumerate() {
        let capitalised = word.starts_with(|c: char| c.is_uppercase());
        let joins = CONNECTORS.contains(&word) && !run.is_empty();
        let ends_clause = word.ends_with([',', '.', ';', ':', ')', '）']) && from_end > 0;
        if ends_clause || !(capitalised || joins) || word.contains(is_cjk) {
            break;
        }
        run.push(word);
    }
    run.reverse();
    // A run cannot start with a connector, nor with a sentence's "The".
    let first = run.iter().take_while(|w| is_connector(w)).count();
    (first < run.len()).then(|| clean_phrase(&run[first..].join(" ")))
}

fn clean_phrase(s: &str) -> String {
    trim_phrase(s).to_owned()
}

/// `s` without quotes, commas and whitespace at either end. Joining the words of the result
/// gives what joining the words of `s` and then trimming gives, since whitespace is trimmed too.
fn trim_phrase(s: &str) -> &str {
    s.trim_matches(|c: char| {
        matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | ',') || c.is_whitespace()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, GlossaryKind)> {
        let mut glossary = Glossary::default();
        glossary.collect_definitions(text);
        glossary
            .into_entries()
            .into_iter()
            .map(|e| (e.term, e.meaning, e.kind))
            .collect()
    }

    fn acr(term: &str, meaning: &str) -> (String, String, GlossaryKind) {
        (term.into(), meaning.into(), GlossaryKind::Acronym)
    }

    #[test]
    fn acronyms_table() {
        let cases = [
            (
                "The Ministry of Industry and Information Technology (MIIT) said",
                "MIIT",
                "Ministry of Industry and Information Technology",
            ),
            (
                "The Ministry of Transport (MOT) has",
                "MOT",
                "Ministry of Transport",
            ),
            (
                "The Ministry of Science and Technology (MOST) publishes",
                "MOST",
                "Ministry of Science and Technology",
            ),
            (
                "international science and technology (S&T) cooperation",
                "S&T",
                "science and technology",
            ),
            (
                "large state-owned enterprises (SOEs).",
                "SOEs",
                "state-owned enterprises",
            ),
            (
                "the State-owned Assets Supervision and Administration Commission (SASAC)",
                "SASAC",
                "State-owned Assets Supervision and Administration Commission",
            ),
            (
                "Huawei’s wholly-owned venture capital (VC) arm",
                "VC",
                "venture capital",
            ),
            (
                "research and development (R&D) spending",
                "R&D",
                "research and development",
            ),
        ];
        for (text, term, meaning) in cases {
            assert_eq!(found(text), [acr(term, meaning)], "{text}");
        }
    }

    #[test]
    fn acronyms_of_syllables() {
        assert_eq!(
            found("The Ministry of Commerce (MOFCOM) publishes"),
            [acr("MOFCOM", "Ministry of Commerce")]
        );
        assert_eq!(
            found("the Ministry of Housing and Urban-Rural Development (MOHURD) says"),
            [acr(
                "MOHURD",
                "Ministry of Housing and Urban-Rural Development"
            )]
        );
        // Letters that no start of the words before spells: no entry.
        assert!(found("The Ministry of Commerce (MXQ) publishes").is_empty());
        assert!(found("a new plan for trade (TRADEX) is out").is_empty());
    }

    #[test]
    fn not_acronyms() {
        assert!(found("letter (CN) and (up to 50 percent) and (e.g., tests)").is_empty());
        assert!(found("a plan (2021-2023) for all (AB)").is_empty());
    }

    #[test]
    fn chinese_terms() {
        let got = found(
            "The “Two Zones” (两区) refer to the National Service Industry Expansion Zone (国家服务业示范区) and Beijing’s Pilot Free Trade Zone (北京自由贸易试验区). Software company Rainbow Simulation Technologies (无锡飞谱电子).",
        );
        let meanings: Vec<(&str, &str)> = got
            .iter()
            .map(|(t, m, _)| (t.as_str(), m.as_str()))
            .collect();
        assert_eq!(
            meanings,
            [
                ("两区", "Two Zones"),
                (
                    "国家服务业示范区",
                    "National Service Industry Expansion Zone"
                ),
                ("北京自由贸易试验区", "Beijing’s Pilot Free Trade Zone"),
                ("无锡飞谱电子", "Rainbow Simulation Technologies"),
            ]
        );
        assert!(got.iter().all(|(_, _, k)| *k == GlossaryKind::Chinese));
    }

    #[test]
    fn long_text_with_many_brackets() {
        // Each bracket looks back a bounded distance: this stays linear, and the meanings
        // found far into the text are whole.
        let text = format!(
            "{}Ministry of Transport (MOT)",
            "Ministry of Transport (MOT) x ".repeat(5_000)
        );
        assert_eq!(found(&text), [acr("MOT", "Ministry of Transport")]);
        let text = format!("{}The “Two Zones” (两区)", "a ".repeat(2_000));
        let got = found(&text);
        assert_eq!(got[0].1, "Two Zones");
        assert!(found(&"Ministry (MOT) ".repeat(10_000)).is_empty());
        assert!(found(&format!("({})", "两".repeat(200))).is_empty());
    }

    #[test]
    fn look_back_keeps_whole_words() {
        let long = format!("{} National Energy Administration", "x".repeat(LOOK_BACK));
        assert_eq!(tail_words(&long).trim(), "National Energy Administration");
        assert_eq!(tail_words("short text"), "short text");
        let cjk = format!("{} 国家 Two Zones", "两".repeat(LOOK_BACK));
        assert_eq!(tail_words(&cjk).trim(), "国家 Two Zones");
    }

    #[test]
    fn a_sentence_starting_the_run_does_not_lend_its_article() {
        let got = found("The Two Zones (两区) open. The Belt and Road Initiative (一带一路) too.");
        let meanings: Vec<&str> = got.iter().map(|(_, m, _)| m.as_str()).collect();
        assert_eq!(meanings, ["Two Zones", "Belt and Road Initiative"]);
    }

    #[test]
    fn many_terms_are_each_defined_once() {
        let letters = |n: usize| -> String {
            [n / 26 % 26, n % 26]
                .map(|k| char::from(b'A' + k as u8))
                .iter()
                .collect()
        };
        let text: String = (0..100)
            .chain(0..100)
            .map(|n| {
                let term = format!("Q{}", letters(n));
                let meaning: Vec<String> = term.chars().map(|c| format!("{c}x")).collect();
                format!("{} ({term}) ", meaning.join(" "))
            })
            .collect();
        let got = found(&text);
        assert_eq!(got.len(), 100);
        assert_eq!(got[99].0, format!("Q{}", letters(99)));
    }

    #[test]
    fn first_definition_wins() {
        let got = found("Ministry of Transport (MOT) and again Ministry Of Transport (MOT)");
        assert_eq!(got.len(), 1);
    }
}
