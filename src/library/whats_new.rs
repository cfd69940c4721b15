//! What some briefs (those just imported) added to the library: policies no other brief
//! names, their targets, and organisations no other brief names.

use std::collections::BTreeSet;

use super::{ItemKey, Library, Row, View};
use crate::model::BriefId;

/// What `briefs` brought that the rest of the library did not have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WhatsNew {
    /// Policies whose document no other brief names (a final version of a known draft is
    /// not new).
    pub policies: Vec<ItemKey>,
    /// Every target of these briefs.
    pub targets: Vec<ItemKey>,
    /// Organisations only these briefs name.
    pub organisations: Vec<ItemKey>,
}

impl WhatsNew {
    pub fn is_empty(&self) -> bool {
        self.policies.is_empty() && self.targets.is_empty() && self.organisations.is_empty()
    }
}

impl Library {
    /// What the briefs `ids` added (see [`WhatsNew`]); ids not in the library are ignored.
    pub fn whats_new(&self, ids: &[BriefId]) -> WhatsNew {
        let new: BTreeSet<u32> = self
            .briefs()
            .iter()
            .enumerate()
            .filter(|(_, s)| ids.contains(&s.id))
            .map(|(b, _)| b as u32)
            .collect();
        let mut out = WhatsNew::default();
        for row in self.rows(View::Policies) {
            if let Row::Topic(b, t) = *row
                && new.contains(&b)
                && self
                    .same_policy(b, t)
                    .iter()
                    .all(|(ob, _)| new.contains(ob))
                && let Some(key) = self.key(View::Policies, *row)
            {
                out.policies.push(key);
            }
        }
        for row in self.rows(View::Targets) {
            if let Row::Target(i) = *row
                && self.target(i).is_some_and(|t| new.contains(&t.brief))
                && let Some(key) = self.key(View::Targets, *row)
            {
                out.targets.push(key);
            }
        }
        for row in self.rows(View::Organisations) {
            if let Row::Org(i) = *row
                && self
                    .org(i)
                    .is_some_and(|o| o.briefs.iter().all(|b| new.contains(b)))
                && let Some(key) = self.key(View::Organisations, *row)
            {
                out.organisations.push(key);
            }
        }
        out
    }

    /// A short label for an item of [`WhatsNew`].
    pub fn item_label(&self, key: &ItemKey) -> String {
        match self.row_of(key) {
            Some(Row::Topic(b, t)) => self
                .topic(b, t)
                .and_then(|t| t.policy.as_ref())
                .map(|p| {
                    let date = p.date.map(|d| d.to_string()).unwrap_or_default();
                    format!("{date} · {}", p.name)
                })
                .unwrap_or_default(),
            Some(Row::Target(i)) => self
                .target(i)
                .map(|t| format!("{} · {}", t.year, t.text))
                .unwrap_or_default(),
            Some(Row::Org(i)) => self.org(i).map(|o| o.name.clone()).unwrap_or_default(),
            Some(row) => self.cell(Library::view_of(key), row, 0).into_owned(),
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_new_briefs_brought() {
        let lib = super::super::tests::two_briefs_analysed();
        let second = lib.briefs()[1].id;
        let new = lib.whats_new(&[second]);
        // The second brief's one policy, its organisations, none of the sample's.
        assert_eq!(new.policies, [ItemKey::Policy(second, 0)]);
        assert!(
            new.targets
                .iter()
                .all(|k| matches!(k, ItemKey::Target(id, _) if *id == second))
        );
        let names: Vec<String> = new
            .organisations
            .iter()
            .map(|k| lib.item_label(k))
            .collect();
        assert!(!names.contains(&"MIIT".to_owned()), "{names:?}");
        // Everything is new when everything was just imported.
        let all: Vec<_> = lib.briefs().iter().map(|s| s.id).collect();
        let everything = lib.whats_new(&all);
        assert_eq!(everything.policies.len(), lib.rows(View::Policies).len());
        assert_eq!(everything.targets.len(), lib.rows(View::Targets).len());
        assert_eq!(
            everything.organisations.len(),
            lib.rows(View::Organisations).len()
        );
        assert!(lib.whats_new(&[]).is_empty());
    }
}
