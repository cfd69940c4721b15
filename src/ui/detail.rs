//! The detail panel: everything about the selected item, with links to related items.

use super::theme::{BLOCK_GAP, weak};
use crate::command::Command;
use crate::library::NewsRef;
use crate::library::{
    ItemKey, Library, Origin, Row, figure_kind_label, number, org_kind_label, target_kind_label,
};
use crate::model::StoredBrief;
use crate::model::Topic;

/// Draws the detail of `key`, or a hint when nothing is selected. `full_topic` is the selected
/// topic read whole, for an outline library (see [`Library::partial`]).
pub fn detail_ui(
    ui: &mut egui::Ui,
    lib: &Library,
    key: Option<&ItemKey>,
    full_topic: Option<&Topic>,
    commands: &mut Vec<Command>,
) {
    let Some(key) = key else {
        ui.weak("Select a row to see its details here.");
        return;
    };
    let Some(row) = lib.row_of(key) else {
        ui.weak("The selected item is no longer in the library.");
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match row {
            Row::Topic(b, t) => {
                if let (Some(stored), Some(outline)) = (lib.brief(b), lib.topic(b, t)) {
                    // An outline library's topic lacks its summary and comment: the app gives
                    // the selected one read whole once the library thread has read it.
                    let loading = lib.is_partial() && full_topic.is_none();
                    let topic = full_topic.unwrap_or(outline);
                    topic_ui(ui, lib, stored, topic, loading, key, commands);
                }
            }
            Row::News(b, n) => {
                if let (Some(stored), Some(item)) = (lib.brief(b), lib.news_item(b, n)) {
                    news_ui(ui, stored, item, key, lib, commands);
                }
            }
            Row::Brief(b) => {
                if let Some(stored) = lib.brief(b) {
                    brief_ui(ui, lib, b, stored, commands);
                }
            }
            Row::Glossary(g) => term_ui(ui, lib, g, commands),
            Row::Target(i) => target_ui(ui, lib, i, key, commands),
            Row::Figure(i) => figure_ui(ui, lib, i, key, commands),
            Row::Org(i) => org_ui(ui, lib, i, commands),
        });
}

fn section_label(ui: &mut egui::Ui, text: &str) {
    ui.add_space(BLOCK_GAP);
    ui.label(
        egui::RichText::new(text)
            .small()
            .strong()
            .color(weak(ui.visuals())),
    );
}

fn paragraphs_ui(ui: &mut egui::Ui, text: &str) {
    for paragraph in text.split("\n\n") {
        ui.label(paragraph);
    }
}

fn brief_link_ui(ui: &mut egui::Ui, stored: &StoredBrief, commands: &mut Vec<Command>) {
    // An excerpt saved without any date has no period: no empty brackets then.
    let label = match stored.brief.period {
        Some(period) => format!("{} ({period})", stored.brief.title),
        None => stored.brief.title.clone(),
    };
    ui.horizontal_wrapped(|ui| {
        ui.weak("From");
        if ui.link(label).on_hover_text("Show this brief").clicked() {
            commands.push(Command::Open(ItemKey::Brief(stored.id)));
        }
    });
}

fn copy_citation_ui(ui: &mut egui::Ui, lib: &Library, key: &ItemKey, commands: &mut Vec<Command>) {
    ui.add_space(BLOCK_GAP);
    if ui
        .button("Copy citation")
        .on_hover_text("Copy a one-line reference to the clipboard")
        .clicked()
        && let Some(text) = citation(lib, key)
    {
        commands.push(Command::CopyText(text));
    }
}

/// What a topic's parts are called in its series: China Industries' "At a glance" and
/// "MERICS comment", China Essentials' stories' summary and "MERICS analysis".
struct PartLabels {
    summary: &'static str,
    comment: &'static str,
}

fn part_labels(series: Option<&str>) -> PartLabels {
    match series {
        Some(s) if s.contains("Essentials") || s.contains("360") || s.contains("Tracker") => {
            PartLabels {
                summary: "SUMMARY",
                comment: "MERICS ANALYSIS",
            }
        }
        _ => PartLabels {
            summary: "AT A GLANCE",
            comment: "MERICS COMMENT",
        },
    }
}

fn topic_ui(
    ui: &mut egui::Ui,
    lib: &Library,
    stored: &StoredBrief,
    topic: &Topic,
    loading: bool,
    key: &ItemKey,
    commands: &mut Vec<Command>,
) {
    ui.heading(format!("{}. {}", topic.number, topic.headline));
    brief_link_ui(ui, stored, commands);
    let labels = part_labels(stored.brief.series.as_deref());
    if let Some(policy) = &topic.policy {
        section_label(ui, "POLICY DOCUMENT");
        ui.label(egui::RichText::new(&policy.name).strong());
        if let Some(zh) = &policy.name_zh {
            ui.label(zh);
        }
        egui::Grid::new("policy_facts")
            .num_columns(2)
            .show(ui, |ui| {
                if let Some(body) = &policy.issuing_body {
                    ui.weak("Issuing body");
                    match lib.full_name(body) {
                        Some(full) if full != body => ui.label(format!("{body} — {full}")),
                        _ => ui.label(body),
                    };
                    ui.end_row();
                }
                if let Some(date) = policy.date {
                    ui.weak("Date");
                    ui.label(date.to_string());
                    ui.end_row();
                }
                let found = match lib.row_of(key) {
                    Some(Row::Topic(b, t)) => lib.policy_analysis(b, t),
                    _ => None,
                };
                let doc = found.map(|f| crate::library::doc_label(&f.doc));
                if let Some(doc) = doc.filter(|d| !d.is_empty()) {
                    ui.weak("Type");
                    ui.label(doc);
                    ui.end_row();
                }
                if let Some(number) = found.and_then(|f| f.doc_number.as_ref()) {
                    ui.weak("Number");
                    ui.label(&number.canonical);
                    ui.end_row();
                }
            });
        history_ui(ui, lib, key, commands);
    }
    if loading {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("Loading the summary, points and comment…");
        });
    }
    if !topic.at_a_glance.is_empty() {
        section_label(ui, labels.summary);
        paragraphs_ui(ui, &topic.at_a_glance);
    }
    if !topic.points.is_empty() || !topic.events.is_empty() {
        section_label(ui, "POINTS");
        for point in &topic.points {
            ui.label(format!("• {point}"));
        }
        for event in &topic.events {
            let date = event
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into());
            ui.label(format!("• {date}: {}", event.text));
        }
    }
    if !topic.comment.is_empty() {
        section_label(ui, labels.comment);
        paragraphs_ui(ui, &topic.comment);
    }
    if !topic.watch.is_empty() {
        section_label(ui, "WHAT TO WATCH");
        paragraphs_ui(ui, &topic.watch);
    }
    copy_citation_ui(ui, lib, key, commands);
}

/// A link to the topic or news item a target or figure was found in.
fn origin_link_ui(
    ui: &mut egui::Ui,
    lib: &Library,
    b: u32,
    origin: Origin,
    commands: &mut Vec<Command>,
) {
    let Some(stored) = lib.brief(b) else { return };
    let key = match origin {
        Origin::Topic(t) => match lib.topic(b, t) {
            Some(topic) if topic.policy.is_some() => ItemKey::Policy(stored.id, t),
            _ => ItemKey::Topic(stored.id, t),
        },
        Origin::News(n) => ItemKey::News(stored.id, n),
    };
    ui.horizontal_wrapped(|ui| {
        ui.weak("Found in");
        if ui
            .link(lib.origin_label(b, origin))
            .on_hover_text("Show where it was found")
            .clicked()
        {
            commands.push(Command::Open(key));
        }
    });
    brief_link_ui(ui, stored, commands);
}

/// The same policy in other briefs: its draft, its final version, its interpretation.
fn history_ui(ui: &mut egui::Ui, lib: &Library, key: &ItemKey, commands: &mut Vec<Command>) {
    let Some(Row::Topic(b, t)) = lib.row_of(key) else {
        return;
    };
    let mut others = lib.same_policy(b, t);
    if others.is_empty() {
        return;
    }
    // In the order the documents were issued (undated last).
    let date = |&(ob, ot): &(u32, u16)| {
        let d = lib.topic(ob, ot).and_then(|t| t.policy.as_ref()?.date);
        (d.is_none(), d)
    };
    others.sort_by_key(date);
    section_label(ui, "THE SAME POLICY IN OTHER BRIEFS");
    for (ob, ot) in others {
        let (Some(stored), Some(topic)) = (lib.brief(ob), lib.topic(ob, ot)) else {
            continue;
        };
        let Some(policy) = &topic.policy else {
            continue;
        };
        let date = policy.date.map(|d| d.to_string()).unwrap_or_default();
        let mut label = format!("{date} · {}", policy.name);
        if let Some(doc) = lib.doc_info(ob, ot).map(crate::library::doc_label)
            && !doc.is_empty()
        {
            label.push_str(&format!(" ({doc})"));
        }
        if ui.link(label).on_hover_text(&stored.brief.title).clicked() {
            commands.push(Command::Open(ItemKey::Policy(stored.id, ot)));
        }
    }
}

fn org_ui(ui: &mut egui::Ui, lib: &Library, i: u32, commands: &mut Vec<Command>) {
    let Some(org) = lib.org(i) else { return };
    ui.heading(&org.name);
    if let Some(full) = &org.full_name {
        ui.label(full);
    }
    ui.weak(format!(
        "{} · named {} times in {} items of {} briefs",
        org_kind_label(org.kind),
        org.mentions,
        org.item_count,
        org.briefs.len()
    ));
    section_label(ui, "NAMED IN");
    // The library keeps the first items by brief; "and N more" for the rest.
    for &(b, origin) in &org.items {
        let Some(stored) = lib.brief(b) else { continue };
        let key = match origin {
            Origin::Topic(t) => match lib.topic(b, t) {
                Some(topic) if topic.policy.is_some() => ItemKey::Policy(stored.id, t),
                _ => ItemKey::Topic(stored.id, t),
            },
            Origin::News(n) => ItemKey::News(stored.id, n),
        };
        let period = stored
            .brief
            .period
            .map(|p| p.to_string())
            .unwrap_or_default();
        let label = format!("{period} · {}", lib.origin_label(b, origin));
        if ui.link(label).clicked() {
            commands.push(Command::Open(key));
        }
    }
    if org.item_count > org.items.len() {
        ui.weak(format!("and {} more", org.item_count - org.items.len()));
    }
}

fn target_ui(ui: &mut egui::Ui, lib: &Library, i: u32, key: &ItemKey, commands: &mut Vec<Command>) {
    let Some(row) = lib.target(i) else { return };
    ui.heading(format!("{} · {}", row.year, row.phrase));
    match row.due {
        Some(due) => ui.weak(format!(
            "A {} target, due {due}",
            target_kind_label(row.kind)
        )),
        None => ui.weak(format!("A {} target", target_kind_label(row.kind))),
    };
    origin_link_ui(ui, lib, row.brief, row.origin, commands);
    match row.context {
        Some(context) => {
            section_label(ui, "GOAL");
            ui.label(row.text);
            section_label(ui, "LISTED UNDER");
            ui.label(context);
        }
        None => {
            section_label(ui, "SENTENCE");
            ui.label(row.text);
        }
    }
    copy_citation_ui(ui, lib, key, commands);
}

fn figure_ui(ui: &mut egui::Ui, lib: &Library, i: u32, key: &ItemKey, commands: &mut Vec<Command>) {
    let Some(row) = lib.figure(i) else { return };
    let figure = row;
    ui.heading(figure.raw);
    let mut value = format!("{} {}", number(figure.value), figure.unit);
    if let Some(upper) = figure.upper {
        value = format!(
            "{} to {} {}",
            number(figure.value),
            number(upper),
            figure.unit
        );
    }
    ui.weak(format!("{} · {value}", figure_kind_label(figure.kind)));
    origin_link_ui(ui, lib, row.brief, row.origin, commands);
    section_label(ui, "CONTEXT");
    ui.label(figure.text);
    copy_citation_ui(ui, lib, key, commands);
}

fn news_ui(
    ui: &mut egui::Ui,
    stored: &StoredBrief,
    item: NewsRef<'_>,
    key: &ItemKey,
    lib: &Library,
    commands: &mut Vec<Command>,
) {
    let mut date = item
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    if let Some(until) = item.until {
        date = format!("{date} to {until}");
    }
    ui.heading(format!("{date} · {} news", item.section.as_str()));
    brief_link_ui(ui, stored, commands);
    ui.add_space(BLOCK_GAP);
    ui.label(item.text());
    if !item.sources.is_empty() {
        section_label(ui, "SOURCES");
        for source in item.sources.iter() {
            let lang = source.lang.map_or("language not given", |l| l.tag());
            ui.label(format!("• {} ({lang})", source.title));
        }
    }
    copy_citation_ui(ui, lib, key, commands);
}

fn brief_ui(
    ui: &mut egui::Ui,
    lib: &Library,
    b: u32,
    stored: &StoredBrief,
    commands: &mut Vec<Command>,
) {
    let brief = &stored.brief;
    ui.heading(&brief.title);
    egui::Grid::new("brief_facts")
        .num_columns(2)
        .show(ui, |ui| {
            let mut fact = |name: &str, value: Option<String>| {
                if let Some(value) = value {
                    ui.weak(name);
                    ui.label(value);
                    ui.end_row();
                }
            };
            fact("Period", brief.period.map(|p| p.to_string()));
            fact("Series", brief.series.clone());
            fact("Publisher", brief.publisher.clone());
            fact("Caption", brief.caption.clone());
            fact(
                "Reading time",
                brief.reading_minutes.map(|m| format!("{m} min")),
            );
            fact(
                "Authors",
                (!brief.authors.is_empty()).then(|| brief.authors.join(", ")),
            );
            fact("File", Some(stored.file_name.clone()));
            fact("Imported", Some(stored.imported_at.replace('T', " ")));
        });
    ui.horizontal(|ui| {
        if ui.button("Show original text").clicked() {
            commands.push(Command::ShowOriginal(stored.id));
        }
        if ui.button("Remove brief…").clicked() {
            commands.push(Command::AskRemove(stored.id));
        }
    });
    versions_ui(ui, lib, stored, commands);
    if !brief.contents.is_empty() {
        section_label(ui, "IN THIS ISSUE");
        for entry in &brief.contents {
            ui.label(format!("• {entry}"));
        }
    }
    section_label(ui, "TOPICS");
    for (t, topic) in brief.topics.iter().enumerate() {
        if ui
            .link(format!("{}. {}", topic.number, topic.headline))
            .clicked()
        {
            commands.push(Command::Open(ItemKey::Topic(stored.id, t as u16)));
        }
    }
    if lib.news_count(b) > 0 {
        section_label(ui, "WORTH NOTING");
        for (n, item) in lib.news_of(b).enumerate() {
            let date = item.date.map(|d| d.to_string()).unwrap_or_default();
            let text: String = item.text().chars().take(90).collect();
            if ui
                .link(format!("{date} {text}…"))
                .on_hover_text(item.text())
                .clicked()
            {
                commands.push(Command::Open(ItemKey::News(stored.id, n as u16)));
            }
        }
    }
    if !brief.warnings.is_empty() {
        section_label(ui, "PARSER WARNINGS");
        for w in &brief.warnings {
            ui.label(format!("line {}: {}", w.line, w.message));
        }
    }
}

/// Earlier and later versions of a brief, each one click from being the current one.
fn versions_ui(
    ui: &mut egui::Ui,
    lib: &Library,
    stored: &StoredBrief,
    commands: &mut Vec<Command>,
) {
    let versions = lib.versions(stored.id);
    if versions.is_empty() {
        return;
    }
    section_label(ui, "VERSIONS");
    for version in versions {
        ui.horizontal(|ui| {
            let when = version
                .imported_at
                .get(..16)
                .unwrap_or("")
                .replace('T', " ");
            let name = std::path::Path::new(&version.file_name)
                .file_name()
                .map_or_else(
                    || version.file_name.clone(),
                    |n| n.to_string_lossy().into_owned(),
                );
            if version.current {
                ui.strong(format!("{when} {name} (shown)"));
            } else {
                ui.label(format!("{when} {name}"));
                if ui.small_button("Show this version").clicked() {
                    commands.push(Command::MakeCurrent(version.id));
                }
            }
        });
    }
}

fn term_ui(ui: &mut egui::Ui, lib: &Library, index: u32, commands: &mut Vec<Command>) {
    let Some(term) = lib.term(index) else {
        return;
    };
    ui.heading(&term.term);
    ui.label(&term.meaning);
    ui.weak(format!(
        "{} · {} mentions",
        term.kind.as_str(),
        lib.mentions(index)
            .map_or("…".to_owned(), |n| n.to_string())
    ));
    section_label(ui, "DEFINED IN");
    for b in &term.briefs {
        if let Some(stored) = lib.brief(*b)
            && ui.link(&stored.brief.title).clicked()
        {
            commands.push(Command::Open(ItemKey::Brief(stored.id)));
        }
    }
}

/// A one-line reference: brief title, period, topic, policy, date.
pub fn citation(lib: &Library, key: &ItemKey) -> Option<String> {
    let row = lib.row_of(key)?;
    let head = |b: u32| {
        let brief = &lib.brief(b)?.brief;
        let period = brief.period.map(|p| format!(" ({p})")).unwrap_or_default();
        Some(format!("{}{period}", brief.title))
    };
    Some(match row {
        Row::Topic(b, t) => {
            let topic = lib.topic(b, t)?;
            let mut line = format!("{}, topic {}: {}", head(b)?, topic.number, topic.headline);
            if let Some(p) = &topic.policy {
                line.push_str(&format!(" — {}", p.name));
                if let Some(zh) = &p.name_zh {
                    line.push_str(&format!(" {zh}"));
                }
                if let Some(body) = &p.issuing_body {
                    line.push_str(&format!(", {body}"));
                }
                if let Some(date) = p.date {
                    line.push_str(&format!(", {date}"));
                }
            }
            line
        }
        Row::News(b, n) => {
            let item = lib.news_item(b, n)?;
            let date = item.date.map(|d| d.to_string()).unwrap_or_default();
            format!("{}, Worth noting, {date}: {}", head(b)?, item.text())
        }
        Row::Brief(b) => head(b)?,
        Row::Glossary(g) => {
            let term = lib.term(g)?;
            format!("{} — {}", term.term, term.meaning)
        }
        Row::Target(i) => {
            let row = lib.target(i)?;
            let from = lib.origin_label(row.brief, row.origin);
            format!("{}, {from}: {}", head(row.brief)?, row.text)
        }
        Row::Figure(i) => {
            let row = lib.figure(i)?;
            let from = lib.origin_label(row.brief, row.origin);
            format!("{}, {from}: {}", head(row.brief)?, row.text)
        }
        Row::Org(i) => {
            let org = lib.org(i)?;
            match &org.full_name {
                Some(full) => format!("{} — {full}", org.name),
                None => org.name.clone(),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::tests::two_briefs;
    use crate::model::BriefId;

    #[test]
    fn citations_name_brief_period_topic_policy_and_date() {
        let lib = two_briefs();
        assert_eq!(
            citation(&lib, &ItemKey::Policy(BriefId(1), 1)).unwrap(),
            "Medical equipment industry + Tech-upgrade + \"Two Zones\" construction plan (2021-02), \
             topic 2: New blueprint gives China’s medical equipment industry a high-tech boost — \
             Medical Equipment Industry Development Plan (2021-2025) (Draft for Comments) \
             医疗装备产业发展规划(2021-2025年)(征求意见稿), MIIT, 2021-02-09"
        );
        assert_eq!(
            citation(&lib, &ItemKey::News(BriefId(2), 0)).unwrap(),
            "A + B (2021-03), Worth noting, 2021-03-04: A maker opens a plant"
        );
        assert_eq!(citation(&lib, &ItemKey::Brief(BriefId(9))), None);
    }
}
