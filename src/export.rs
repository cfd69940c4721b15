//! Flat rows of the library — policies, news, topics, briefs — for CSV and JSON export, and
//! any view of the window as it shows it (the analyst views: targets, figures,
//! organisations). Pure: takes briefs or a library, gives rows.

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
    /// Commitments with a year, as the Targets view shows them.
    Targets,
    /// Money, shares, capacities and counts, as the Figures view shows them.
    Figures,
    /// Companies and agencies, as the Organisations view shows them.
    Organisations,
    /// Every brief whole, as JSON that `briefdesk import` reads back.
    Library,
}

/// The rows of a view as the window shows them: its columns' titles, and each row's cells
/// as text, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewTable {
    pub headers: Vec<&'static str>,
    /// Per column: its cells are numbers (JSON gives them as numbers).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

/// The `rows` of `view` (filtered and sorted as the caller has them), cell by cell.
pub fn view_table(
    lib: &crate::library::Library,
    view: crate::library::View,
    rows: &[crate::library::Row],
) -> ViewTable {
    let columns = crate::library::columns(view);
    ViewTable {
        headers: columns.iter().map(|c| c.title).collect(),
        numeric: columns
            .iter()
            .map(|c| c.align == crate::library::Align::Number)
            .collect(),
        rows: rows
            .iter()
            .map(|r| {
                (0..columns.len())
                    .map(|c| lib.cell(view, *r, c).into_owned())
                    .collect()
            })
            .collect(),
    }
}

impl ViewTable {
    /// CSV with a header line, formulas neutralised as in [`write_csv`]; with a byte-order
    /// mark when `bom` (spreadsheets on Windows read UTF-8 without one as their code page).
    pub fn write_csv(&self, mut out: impl std::io::Write, bom: bool) -> Result<(), csv::Error> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(&self.headers)?;
        for row in &self.rows {
            writer.write_record(row.iter().map(|c| neutralise_formula(c)))?;
        }
        writer.flush()?;
        Ok(())
    }

    /// A JSON array with one object per row, keyed by the columns' titles.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Array(
            self.rows
                .iter()
                .map(|row| {
                    serde_json::Value::Object(
                        self.headers
                            .iter()
                            .zip(&self.numeric)
                            .zip(row)
                            .map(|((h, numeric), c)| ((*h).to_owned(), json_cell(c, *numeric)))
                            .collect(),
                    )
                })
                .collect(),
        )
    }
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

/// A cell as JSON: a number column's cell as a number ("1,204" too), else text.
fn json_cell(cell: &str, numeric: bool) -> serde_json::Value {
    if numeric
        && let Ok(n) = cell.replace(',', "").parse::<f64>()
        && let Some(n) = serde_json::Number::from_f64(n)
    {
        return if n
            .as_f64()
            .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9e15)
        {
            serde_json::Value::Number((n.as_f64().unwrap_or_default() as i64).into())
        } else {
            serde_json::Value::Number(n)
        };
    }
    serde_json::Value::String(cell.to_owned())
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

    #[test]
    fn a_view_exports_its_rows_as_shown() {
        use crate::library::{Filter, Library, View};
        let text = include_str!("../seeds/merics-china-industries-2021-02.txt");
        let brief = crate::parse::parse_brief(text).unwrap();
        let analysis = crate::analysis::analyse(&brief);
        let lib = Library::new(vec![StoredBrief {
            id: crate::model::BriefId(1),
            file_name: "sample.txt".into(),
            imported_at: "2026-12-05T00:00:00Z".into(),
            brief,
        }])
        .with_analyses(vec![analysis]);
        // Filtered to one body, then in reverse order: the export keeps both.
        let filter = Filter {
            search: "percent".into(),
            ..Filter::default()
        };
        let mut rows = filter.matching(&lib, View::Figures);
        rows.reverse();
        assert!(rows.len() >= 2);
        let table = view_table(&lib, View::Figures, &rows);
        assert_eq!(table.rows.len(), rows.len());
        assert!(table.rows.iter().all(|r| r.join(" ").contains("percent")));
        assert_eq!(table.rows[0][2], lib.cell(View::Figures, rows[0], 2));
        let mut csv = Vec::new();
        table.write_csv(&mut csv, true).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.starts_with("\u{feff}Value,Unit,As written,"), "{csv}");
        assert_eq!(csv.lines().count(), rows.len() + 1);
        let json = table.to_json();
        assert_eq!(json.as_array().unwrap().len(), rows.len());
        assert!(json[0]["Value"].is_number(), "{json}");
        // A cell a spreadsheet would run stays text.
        let risky = ViewTable {
            headers: vec!["Text"],
            numeric: vec![false],
            rows: vec![vec!["=HYPERLINK(\"x\")".into()]],
        };
        let mut out = Vec::new();
        risky.write_csv(&mut out, false).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("'=HYPERLINK"));
    }
}
