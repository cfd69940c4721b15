//! The curated list of organisations the briefs name: Chinese government bodies by their
//! usual acronym, and companies by their short name, each with the other names they go by.
//!
//! The list lives in `orgs.tsv`, built into the binary and parsed at first use: one
//! organisation a line, tab-separated — kind (`agency` or `company`), canonical name, long
//! name (empty when there is none), then any number of other names. Blank lines and lines
//! starting with `#` are ignored; a line that does not parse is left out (a test checks
//! that none does).
//!
//! Matching is case-sensitive and by whole words ("MOST" is the ministry, "most" is not;
//! "NEA" never matches inside "NEAR"); Chinese names match anywhere.

use std::sync::LazyLock;

use crate::model::OrgKind;

/// One known organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    /// The canonical name.
    pub name: &'static str,
    /// The long name, if the canonical one is an acronym or short form.
    pub full: Option<&'static str>,
    pub kind: OrgKind,
    /// Other names: spelling variants, Chinese names.
    pub aliases: Vec<&'static str>,
}

/// The list's text.
pub const LIST: &str = include_str!("orgs.tsv");

/// The list, parsed at first use. Keep names unique; an alias must name one organisation
/// only.
pub static KNOWN: LazyLock<Vec<Known>> = LazyLock::new(|| parse_list(LIST).0);

/// The organisations of a list in the `orgs.tsv` format, and the lines that did not parse
/// (1-based line number, why).
pub fn parse_list(text: &'static str) -> (Vec<Known>, Vec<(usize, String)>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line) {
            Ok(known) => out.push(known),
            Err(why) => errors.push((n + 1, why)),
        }
    }
    (out, errors)
}

/// One line: kind, name, long name, aliases.
fn parse_line(line: &'static str) -> Result<Known, String> {
    let mut fields = line.split('\t');
    let kind = match fields.next() {
        Some("agency") => OrgKind::Agency,
        Some("company") => OrgKind::Company,
        other => return Err(format!("kind {other:?} is neither agency nor company")),
    };
    let name = fields
        .next()
        .filter(|n| !n.trim().is_empty())
        .ok_or("no name")?;
    let full = fields.next().filter(|f| !f.is_empty());
    let aliases: Vec<&'static str> = fields.collect();
    let all = std::iter::once(name)
        .chain(full)
        .chain(aliases.iter().copied());
    for field in all {
        if field.is_empty() || field.trim() != field {
            return Err(format!("empty name or stray spaces in {field:?}"));
        }
    }
    Ok(Known {
        name,
        full,
        kind,
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses() {
        let (known, errors) = parse_list(LIST);
        assert!(errors.is_empty(), "{errors:?}");
        let lines = LIST
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(known.len(), lines);
        assert!(known.len() > 90);
        assert_eq!(*KNOWN, known);
    }

    #[test]
    fn bad_lines_are_reported() {
        let (known, errors) = parse_list(
            "agency\tNEA\tNational Energy Administration\n#x\n\nfirm\tX\n\tY\ncompany\t\n",
        );
        assert_eq!(known.len(), 1);
        assert_eq!(known[0].full, Some("National Energy Administration"));
        assert_eq!(errors.iter().map(|e| e.0).collect::<Vec<_>>(), [4, 5, 6]);
    }
}
