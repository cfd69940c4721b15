//! Flat rows of the library — policies, news, topics, briefs — for CSV and JSON export.
//! Pure: takes briefs, gives rows.

use serde::Serialize;

use crate::model::Brief;
use crate::store::StoredBrief;

/// Which rows to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    Policies,
    News,
    Topics,
    Briefs,
    /// Every brief whole, as JSON that `briefdesk import` reads back.
    Library,
}

/// One policy document named in a topic footer.
#[derive(Debug, Serialize)]
pub struct PolicyRow<'a> {
    pub date: Option<String>,
    pub policy: &'a str,
    pub name_zh: Option<&'a str>,
    pub issuing_body: Option<&'a str>,
    pub topic: u32,
    pub headline: &'a str,
    pub brief: &'a str,
    pub period: Option<String>,
}

/// One "Worth noting" entry.
#[derive(Debug, Serialize)]
pub struct NewsRow<'a> {
    pub date: Option<String>,
    /// The last day of a range of dates, when the entry gives one.
    pub until: Option<String>,
    pub section: &'static str,
    pub text: &'a str,
    /// "NEA letter (CN); Reuters article (EN)".
    pub sources: String,
    pub brief: &'a str,
    pub period: Option<String>,
}

/// One numbered topic.
#[derive(Debug, Serialize)]
pub struct TopicRow<'a> {
    pub brief: &'a str,
    pub period: Option<String>,
    pub number: u32,
    pub headline: &'a str,
    pub policy_date: Option<String>,
    pub issuing_body: Option<&'a str>,
    pub points: usize,
    pub at_a_glance: &'a str,
    pub comment: &'a str,
    /// "What to watch" (China Essentials stories); empty elsewhere.
    pub watch: &'a str,
}

/// One brief.
#[derive(Debug, Serialize)]
pub struct BriefRow<'a> {
    pub id: i64,
    pub period: Option<String>,
    pub title: &'a str,
    pub series: Option<&'a str>,
    pub topics: usize,
    pub news_items: usize,
    pub imported: &'a str,
    pub file: &'a str,
}

fn period(brief: &Brief) -> Option<String> {
    brief.period.map(|p| p.to_string())
}

pub fn policy_rows(briefs: &[StoredBrief]) -> Vec<PolicyRow<'_>> {
    briefs
        .iter()
        .flat_map(|s| s.brief.topics.iter().map(move |t| (s, t)))
        .filter_map(|(s, t)| {
            let p = t.policy.as_ref()?;
            Some(PolicyRow {
                date: p.date.map(|d| d.to_string()),
                policy: &p.name,
                name_zh: p.name_zh.as_deref(),
                issuing_body: p.issuing_body.as_deref(),
                topic: t.number,
                headline: &t.headline,
                brief: &s.brief.title,
                period: period(&s.brief),
            })
        })
        .collect()
}

pub fn news_rows(briefs: &[StoredBrief]) -> Vec<NewsRow<'_>> {
    briefs
        .iter()
        .flat_map(|s| s.brief.news.iter().map(move |n| (s, n)))
        .map(|(s, n)| NewsRow {
            date: n.date.map(|d| d.to_string()),
            until: n.until.map(|d| d.to_string()),
            section: n.section.as_str(),
            text: &n.text,
            sources: n
                .sources
                .iter()
                .map(|src| match src.lang {
                    Some(lang) => format!("{} ({})", src.title, lang.tag()),
                    None => src.title.to_string(),
                })
                .collect::<Vec<_>>()
                .join("; "),
            brief: &s.brief.title,
            period: period(&s.brief),
        })
        .collect()
}

pub fn topic_rows(briefs: &[StoredBrief]) -> Vec<TopicRow<'_>> {
    briefs
        .iter()
        .flat_map(|s| s.brief.topics.iter().map(move |t| (s, t)))
        .map(|(s, t)| TopicRow {
            brief: &s.brief.title,
            period: period(&s.brief),
            number: t.number,
            headline: &t.headline,
            policy_date: t
                .policy
                .as_ref()
                .and_then(|p| p.date)
                .map(|d| d.to_string()),
            issuing_body: t.policy.as_ref().and_then(|p| p.issuing_body.as_deref()),
            points: t.points.len() + t.events.len(),
            at_a_glance: &t.at_a_glance,
            comment: &t.comment,
            watch: &t.watch,
        })
        .collect()
}

pub fn brief_rows(briefs: &[StoredBrief]) -> Vec<BriefRow<'_>> {
    briefs
        .iter()
        .map(|s| BriefRow {
            id: s.id.0,
            period: period(&s.brief),
            title: &s.brief.title,
            series: s.brief.series.as_deref(),
            topics: s.brief.topics.len(),
            news_items: s.brief.news.len(),
            imported: &s.imported_at,
            file: &s.file_name,
        })
        .collect()
}

/// Writes rows as CSV. Cells that a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`) get a leading apostrophe.
pub fn write_csv<T: Serialize>(rows: &[T], out: impl std::io::Write) -> Result<(), csv::Error> {
    let mut buffer = Vec::new();
    {
        let mut writer = csv::Writer::from_writer(&mut buffer);
        for row in rows {
            writer.serialize(row)?;
        }
        writer.flush()?;
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(buffer.as_slice());
    let mut writer = csv::Writer::from_writer(out);
    for record in reader.records() {
        let record = record?;
        writer.write_record(record.iter().map(neutralise_formula))?;
    }
    writer.flush()?;
    Ok(())
}

fn neutralise_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        #[derive(Serialize)]
        struct Row<'a> {
            a: &'a str,
            b: &'a str,
        }
        let mut out = Vec::new();
        write_csv(
            &[Row {
                a: "=1+2",
                b: "plain, with comma",
            }],
            &mut out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\n'=1+2,\"plain, with comma\"\n"
        );
    }
}
