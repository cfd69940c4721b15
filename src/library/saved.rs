//! Saved searches: a named view with its search and filters, one click away.

use serde::{Deserialize, Serialize};

use super::{Filter, View};

/// A search the user named and kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSearch {
    pub name: String,
    pub view: View,
    pub filter: Filter,
}

impl SavedSearch {
    /// True when applying it would change nothing.
    pub fn is_active(&self, view: View, filter: &Filter) -> bool {
        self.view == view && self.filter == *filter
    }

    /// A name for the current search when the user gives none: its words, or its view.
    pub fn default_name(view: View, filter: &Filter) -> String {
        let words = filter.search.trim();
        if !words.is_empty() {
            return words.to_owned();
        }
        let mut parts: Vec<String> = Vec::new();
        parts.extend(filter.bodies.iter().cloned());
        parts.extend(filter.periods.iter().cloned());
        parts.extend(filter.sections.iter().map(|s| s.as_str().to_owned()));
        if let (Some(from), Some(to)) = (filter.from, filter.to) {
            parts.push(format!("{from} – {to}"));
        }
        match parts.is_empty() {
            true => view.label().to_owned(),
            false => format!("{}: {}", view.label(), parts.join(", ")),
        }
    }
}

/// Adds `search` to `saved`, replacing one of the same name (names are unique).
pub fn save(saved: &mut Vec<SavedSearch>, search: SavedSearch) {
    match saved.iter_mut().find(|s| s.name == search.name) {
        Some(existing) => *existing = search,
        None => saved.push(search),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_keeps_names_unique_and_names_come_from_the_search() {
        let mut filter = Filter {
            search: "battery 储能".into(),
            ..Filter::default()
        };
        assert_eq!(
            SavedSearch::default_name(View::News, &filter),
            "battery 储能"
        );
        let mut saved = Vec::new();
        let first = SavedSearch {
            name: "Batteries".into(),
            view: View::News,
            filter: filter.clone(),
        };
        save(&mut saved, first.clone());
        assert!(saved[0].is_active(View::News, &filter));
        assert!(!saved[0].is_active(View::Policies, &filter));
        filter.search.clear();
        filter.bodies.insert("MIIT".into());
        assert_eq!(
            SavedSearch::default_name(View::Policies, &filter),
            "Policies: MIIT"
        );
        save(
            &mut saved,
            SavedSearch {
                name: "Batteries".into(),
                view: View::Policies,
                filter: filter.clone(),
            },
        );
        assert_eq!(saved.len(), 1, "same name replaces");
        assert_eq!(saved[0].view, View::Policies);
        assert_eq!(
            SavedSearch::default_name(View::Topics, &Filter::default()),
            "Topics"
        );
    }
}
