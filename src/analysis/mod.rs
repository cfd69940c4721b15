//! The analyst layer: targets with a year, key figures, document types and numbers,
//! organisations and policy keys, found in a parsed [`Brief`]. Pure functions: no I/O, no
//! global state but once-built lookup tables, and no panics on any input.
//!
//! [`analyse`] runs everything on a brief; the finer functions work on one text:
//! [`find_targets`], [`lead_in`] / [`bullet_targets`], [`find_figures`], [`doc_info`],
//! [`find_doc_numbers`], [`find_organisations`] / [`OrgMatcher`], [`normalise_body`] and
//! [`policy_key`]. Each module's documentation says what it counts and what it leaves out.

mod doc_number;
mod doc_type;
mod figures;
mod known_orgs;
mod organisations;
mod policy_key;
mod sentences;
mod targets;
mod text;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::model::{
    Brief, BriefAnalysis, FieldRef, NewsAnalysis, NewsItem, OrgKind, OrgMention, Organisation,
    Policy, PolicyAnalysis, Section, Target, TextField, Topic, TopicAnalysis, YearRange,
};

pub use doc_number::{doc_number, find_doc_numbers};
pub use doc_type::{classify_en, classify_zh, doc_info, doc_type_in_text};
pub use figures::find_figures;
pub use organisations::{OrgMatcher, find_organisations, normalise_body};
pub use policy_key::{normalise_en_name, normalise_zh_name, policy_key};
pub use sentences::sentence_spans;
pub use targets::{bullet_targets, find_targets, lead_in};

/// Everything the analyst layer finds in `brief`: one [`TopicAnalysis`] per topic and one
/// [`NewsAnalysis`] per news item, in the brief's order, and the organisations of the whole
/// brief.
///
/// Targets in a topic are resolved against its policy date, else the first day of the
/// brief's period; in a news item against its date, else the period. A topic's bullet points
/// under a lead-in that names a year ("goals for 2023, including:") are targets of their
/// own, one each, with the lead-in as their context (see [`bullet_targets`]).
pub fn analyse(brief: &Brief) -> BriefAnalysis {
    let matcher = OrgMatcher::new(&brief.glossary);
    let fallback = brief.period.and_then(|p| p.first_day());
    let topics: Vec<TopicAnalysis> = brief
        .topics
        .iter()
        .map(|t| analyse_topic(t, &matcher, fallback))
        .collect();
    let news: Vec<NewsAnalysis> = brief
        .news
        .iter()
        .map(|n| analyse_news(n, &matcher, fallback))
        .collect();
    let organisations = summarise(&matcher, &topics, &news);
    BriefAnalysis {
        topics,
        news,
        organisations,
    }
}

/// What one topic holds; `fallback` stands in for a missing policy date.
pub fn analyse_topic(
    topic: &Topic,
    matcher: &OrgMatcher,
    fallback: Option<NaiveDate>,
) -> TopicAnalysis {
    let reference = topic.policy.as_ref().and_then(|p| p.date).or(fallback);
    let at = |field: TextField, item: Option<usize>| FieldRef { field, item };
    let mut fields: Vec<(FieldRef, &str)> =
        vec![(at(TextField::AtAGlance, None), &topic.at_a_glance)];
    fields.extend(
        topic
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| (at(TextField::Point, Some(i)), p.as_str())),
    );
    fields.extend(
        topic
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (at(TextField::Event, Some(i)), e.text.as_str())),
    );
    fields.push((at(TextField::Comment, None), &topic.comment));

    let mut out = TopicAnalysis {
        targets: topic_targets(topic, reference),
        ..TopicAnalysis::default()
    };
    for &(field_ref, text) in &fields {
        for mut figure in find_figures(text) {
            figure.at = Some(field_ref);
            out.figures.push(figure);
        }
    }

    out.organisations
        .extend(matcher.find(&topic.headline, at(TextField::Headline, None)));
    for &(field_ref, text) in &fields {
        out.organisations.extend(matcher.find(text, field_ref));
    }
    if let Some(policy) = &topic.policy {
        out.organisations
            .extend(matcher.find(&policy.name, at(TextField::PolicyName, None)));
        if let Some(zh) = &policy.name_zh {
            out.organisations
                .extend(matcher.find(zh, at(TextField::PolicyNameZh, None)));
        }
        out.policy = Some(analyse_policy(policy, matcher));
        if let Some(body) = &policy.issuing_body {
            out.organisations.extend(body_mentions(
                body,
                matcher,
                at(TextField::IssuingBody, None),
            ));
        }
    }
    out
}

/// A topic's targets in reading order: the summary up to the lead-in of its bullet points,
/// the points, the rest of the summary, the dated points, the comment.
///
/// Under a lead-in that names a year ("It outlines several goals for 2023, including:") each
/// point is a target ([`targets::bullet_targets`]) and the lead-in none of its own; when the
/// lead-in names several years, the one nearest its end is the list's and the others stay
/// targets of the lead-in.
fn topic_targets(topic: &Topic, reference: Option<NaiveDate>) -> Vec<Target> {
    let at = |field: TextField, item: Option<usize>| Some(FieldRef { field, item });
    let mut out = find_targets(&topic.at_a_glance, reference);
    for t in &mut out {
        t.at = at(TextField::AtAGlance, None);
    }
    let list = if topic.points.is_empty() {
        None
    } else {
        targets::lead_in(&topic.at_a_glance)
    };
    let mut after = Vec::new();
    match list {
        Some((start, end)) => {
            after = out.split_off(out.partition_point(|t| t.start < end));
            let in_lead = out.split_off(out.partition_point(|t| t.start < start));
            let lead = in_lead.last().cloned();
            out.extend(
                in_lead
                    .into_iter()
                    .filter(|t| lead.as_ref().is_some_and(|l| l.year != t.year)),
            );
            let sentence = &topic.at_a_glance[start..end];
            for (i, point) in topic.points.iter().enumerate() {
                for mut t in targets::bullet_targets(point, sentence, lead.as_ref(), reference) {
                    t.at = at(TextField::Point, Some(i));
                    out.push(t);
                }
            }
        }
        None => {
            for (i, point) in topic.points.iter().enumerate() {
                for mut t in find_targets(point, reference) {
                    t.at = at(TextField::Point, Some(i));
                    out.push(t);
                }
            }
        }
    }
    out.append(&mut after);
    for (i, event) in topic.events.iter().enumerate() {
        for mut t in find_targets(&event.text, reference) {
            t.at = at(TextField::Event, Some(i));
            out.push(t);
        }
    }
    for mut t in find_targets(&topic.comment, reference) {
        t.at = at(TextField::Comment, None);
        out.push(t);
    }
    out
}

/// What a policy footer says about its document.
pub fn analyse_policy(policy: &Policy, matcher: &OrgMatcher) -> PolicyAnalysis {
    let zh = policy.name_zh.as_deref();
    let doc_number = zh
        .and_then(doc_number::doc_number)
        .or_else(|| doc_number::doc_number(&policy.name))
        .map(Box::new);
    let period = zh.and_then(year_range).or_else(|| year_range(&policy.name));
    PolicyAnalysis {
        doc: doc_info(&policy.name, zh),
        doc_number,
        key: policy_key(&policy.name, zh),
        issuing_bodies: policy
            .issuing_body
            .as_deref()
            .map(|b| matcher.issuing_bodies(b))
            .unwrap_or_default(),
        period,
    }
}

/// The issuing bodies as mentions: known ones under their canonical name, others as agencies
/// under their own.
fn body_mentions(body: &str, matcher: &OrgMatcher, at: FieldRef) -> Vec<OrgMention> {
    let found = matcher.find(body, at);
    let bodies = matcher.issuing_bodies(body);
    let mut out = Vec::new();
    for name in bodies {
        if let Some(m) = found.iter().find(|m| m.name == name) {
            out.push(m.clone());
            continue;
        }
        let (start, end) = body
            .find(name.as_str())
            .map_or((0, body.len()), |s| (s, s + name.len()));
        out.push(OrgMention {
            kind: matcher.kind_of(&name).unwrap_or(OrgKind::Agency),
            name,
            at,
            start,
            end,
            matched: body[start..end].to_owned(),
        });
    }
    out
}

/// What one news item holds; `fallback` stands in for a missing date.
pub fn analyse_news(
    item: &NewsItem,
    matcher: &OrgMatcher,
    fallback: Option<NaiveDate>,
) -> NewsAnalysis {
    let at = Some(FieldRef {
        field: TextField::NewsText,
        item: None,
    });
    let reference = item.date.or(fallback);
    let mut targets = find_targets(&item.text, reference);
    let mut figures = find_figures(&item.text);
    for t in &mut targets {
        t.at = at;
    }
    for f in &mut figures {
        f.at = at;
    }
    NewsAnalysis {
        targets,
        figures,
        organisations: matcher.find(
            &item.text,
            FieldRef {
                field: TextField::NewsText,
                item: None,
            },
        ),
        doc_type: (item.section == Section::Policy)
            .then(|| doc_type_in_text(&item.text))
            .flatten(),
    }
}

/// The organisations of the whole brief, in order of first mention.
fn summarise(
    matcher: &OrgMatcher,
    topics: &[TopicAnalysis],
    news: &[NewsAnalysis],
) -> Vec<Organisation> {
    let mut out: Vec<Organisation> = Vec::new();
    let mut add = |m: &OrgMention, topic: Option<usize>, item: Option<usize>| {
        let i = match out.iter().position(|o| o.name == m.name) {
            Some(i) => i,
            None => {
                out.push(Organisation {
                    name: m.name.clone(),
                    full_name: matcher.full_name(&m.name),
                    kind: m.kind,
                    topics: Vec::new(),
                    news: Vec::new(),
                    mentions: 0,
                });
                out.len() - 1
            }
        };
        let org = &mut out[i];
        org.mentions += 1;
        if let Some(t) = topic
            && !org.topics.contains(&t)
        {
            org.topics.push(t);
        }
        if let Some(n) = item
            && !org.news.contains(&n)
        {
            org.news.push(n);
        }
    };
    for (i, t) in topics.iter().enumerate() {
        for m in &t.organisations {
            add(m, Some(i), None);
        }
    }
    for (i, n) in news.iter().enumerate() {
        for m in &n.organisations {
            add(m, None, Some(i));
        }
    }
    out
}

/// The first span of years in `text`: "(2021-2025年)", "2021–2023".
pub fn year_range(text: &str) -> Option<YearRange> {
    let found: Vec<(usize, i32)> = text::years(text).collect();
    found.windows(2).find_map(|pair| {
        let ((a, start), (b, end)) = (pair[0], pair[1]);
        let between = text.get(a + 4..b)?.trim();
        let dash = matches!(between, "-" | "–" | "—" | "－" | "~" | "～" | "至" | "to");
        (dash && start <= end).then_some(YearRange { start, end })
    })
}
