//! A brief saved from the web: the article's text, one line per block, for the parser.
//!
//! The page is parsed with `scraper` (html5ever), so entities, implied end tags and broken
//! markup are handled as a browser would. The article is the largest `<article>`, else
//! `<main>`, else `<body>`; site chrome inside it (scripts, navigation, forms, cookie banners,
//! share buttons, related links, …) is skipped.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "textarea", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
    "dialog", "head", "title", "meta", "link",
];

/// Words in an id or class that mark page chrome rather than the article.
const CHROME_WORDS: &[&str] = &[
    "cookie",
    "consent",
    "banner",
    "newsletter",
    "subscribe",
    "share",
    "social",
    "breadcrumb",
    "menu",
    "related",
    "comments",
];

/// ARIA roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
];

/// Elements that start and end a block (a blank line before and after).
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "address",
    "details",
    "summary",
    "hr",
    "center",
    "fieldset",
    "caption",
];

/// Elements that take a line of their own inside a block.
const LINE_TAGS: &[&str] = &["dt", "dd", "tr"];

/// The article text of a web page: one line per heading, paragraph or `<br>`-separated line,
/// list items as "• text", a blank line between blocks, whitespace collapsed inside each.
pub fn html_to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut writer = Writer::default();
    children_to_text(article_root(&document), &mut writer);
    writer.finish()
}

/// The largest `<article>` outside page chrome, else the first `<main>` (or element with
/// `role="main"`), else `<body>`.
fn article_root(document: &Html) -> ElementRef<'_> {
    let html = document.root_element();
    let mut article: Option<(usize, ElementRef<'_>)> = None;
    let mut main = None;
    let mut body = None;
    for element in html.descendent_elements() {
        match element.value().name() {
            "article" if !in_chrome(element) => {
                let size = element.text().map(str::len).sum::<usize>();
                if article.is_none_or(|(best, _)| size > best) {
                    article = Some((size, element));
                }
            }
            "main" if main.is_none() && !in_chrome(element) => main = Some(element),
            _ if main.is_none() && element.attr("role") == Some("main") => main = Some(element),
            "body" if body.is_none() => body = Some(element),
            _ => {}
        }
    }
    article.map(|(_, a)| a).or(main).or(body).unwrap_or(html)
}

/// Whether an element or one of its ancestors is page chrome.
fn in_chrome(element: ElementRef<'_>) -> bool {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .any(is_chrome)
}

/// Whether an element's content is not article text: by tag, hidden state, role, id or
/// class, or as a `<header>` outside `<article>` and `<main>` (a site header).
fn is_chrome(element: ElementRef<'_>) -> bool {
    let value = element.value();
    match value.name() {
        "html" | "body" => return false,
        "header" if is_site_header(element) => return true,
        name if SKIPPED_TAGS.contains(&name) => return true,
        _ => {}
    }
    if is_hidden(value) {
        return true;
    }
    let role = value.attr("role").unwrap_or("").trim().to_ascii_lowercase();
    if CHROME_ROLES.contains(&role.as_str()) {
        return true;
    }
    [value.id(), value.attr("class")]
        .into_iter()
        .flatten()
        .map(str::to_ascii_lowercase)
        .any(|name| CHROME_WORDS.iter().any(|word| name.contains(word)))
}

/// Whether an element is hidden with `hidden`, `aria-hidden="true"` or an inline style.
fn is_hidden(element: &scraper::node::Element) -> bool {
    let style: String = element
        .attr("style")
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// A `<header>` that is not inside an `<article>` or `<main>`.
fn is_site_header(header: ElementRef<'_>) -> bool {
    !header
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| matches!(a.value().name(), "article" | "main"))
}

/// Writes an element's children: text as it comes, elements unless they are chrome.
fn children_to_text(element: ElementRef<'_>, writer: &mut Writer) {
    for child in element.children() {
        if let Node::Text(text) = child.value() {
            writer.text(text, false);
        } else if let Some(child) = ElementRef::wrap(child)
            && !is_chrome(child)
        {
            element_to_text(child, writer);
        }
    }
}

/// Writes an element's content between the breaks its tag calls for.
fn element_to_text(element: ElementRef<'_>, writer: &mut Writer) {
    let name = element.value().name();
    match name {
        "br" => writer.line_break(),
        "pre" => pre_to_text(element, writer),
        "ul" | "ol" => list_to_text(element, writer),
        "li" => {
            writer.start_item();
            children_to_text(element, writer);
            writer.end_item();
        }
        "td" | "th" => {
            writer.text(" ", false);
            children_to_text(element, writer);
            writer.text(" ", false);
        }
        _ if BLOCK_TAGS.contains(&name) => {
            writer.block_break();
            children_to_text(element, writer);
            writer.block_break();
        }
        _ if LINE_TAGS.contains(&name) => {
            writer.line_break();
            children_to_text(element, writer);
            writer.line_break();
        }
        _ => children_to_text(element, writer),
    }
}

/// A list is a block of "• " lines; a list inside a list item goes on the next line.
fn list_to_text(list: ElementRef<'_>, writer: &mut Writer) {
    writer.block_break();
    writer.lists += 1;
    children_to_text(list, writer);
    writer.lists -= 1;
    writer.block_break();
}

/// Preformatted text keeps its line breaks (spaces inside lines are still collapsed).
fn pre_to_text(element: ElementRef<'_>, writer: &mut Writer) {
    writer.block_break();
    for text in element.text() {
        writer.text(text, true);
    }
    writer.block_break();
}

/// Builds the output: collapses whitespace and turns requested breaks into newlines only
/// when text follows them, so no block ends up empty.
#[derive(Default)]
struct Writer {
    out: String,
    /// Whitespace was seen since the last character written on this line.
    space: bool,
    /// Newlines owed before the next character: 0, 1 (line break) or 2 (blank line).
    breaks: usize,
    /// "• " owed before the next character of a list item.
    bullet: bool,
    /// How many lists the current node is inside.
    lists: usize,
}

impl Writer {
    fn text(&mut self, text: &str, keep_newlines: bool) {
        for c in text.chars() {
            if keep_newlines && c == '\n' {
                self.line_break();
            } else if c.is_whitespace() {
                self.space = true;
            } else {
                self.push(c);
            }
        }
    }

    fn push(&mut self, c: char) {
        if self.out.is_empty() {
            self.breaks = 0;
        }
        if self.breaks > 0 {
            self.out.extend(std::iter::repeat_n('\n', self.breaks));
        } else if self.space && !self.out.is_empty() {
            self.out.push(' ');
        }
        if std::mem::take(&mut self.bullet) {
            self.out.push_str("• ");
        }
        self.breaks = 0;
        self.space = false;
        self.out.push(c);
    }

    fn line_break(&mut self) {
        self.breaks = self.breaks.max(1);
        self.space = false;
    }

    /// A blank line, or inside a list only a new line, so that a `<p>` in a list item does
    /// not cut the list apart.
    fn block_break(&mut self) {
        self.breaks = if self.lists > 0 {
            self.breaks.max(1)
        } else {
            2
        };
        self.space = false;
    }

    fn start_item(&mut self) {
        self.line_break();
        self.bullet = true;
    }

    fn end_item(&mut self) {
        self.line_break();
        self.bullet = false;
    }

    fn finish(mut self) -> String {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        html_to_text(&format!("<!doctype html><html><body>{html}</body></html>"))
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            body("<p>R&amp;D&nbsp;for &ldquo;chips&rdquo; &#8220;now&#8221; &lt;3</p>"),
            "R&D for “chips” “now” <3\n"
        );
    }

    #[test]
    fn br_breaks_a_line() {
        assert_eq!(
            body("<p><b>Issuing body:</b> MIIT<br>Date: May 1, 2022<br/></p>"),
            "Issuing body: MIIT\nDate: May 1, 2022\n"
        );
    }

    #[test]
    fn whitespace_collapses_inside_a_block() {
        assert_eq!(
            body("<p>\n   At a   glance:\t<strong>one</strong>\n two  </p>"),
            "At a glance: one two\n"
        );
    }

    #[test]
    fn blocks_are_separated_by_a_blank_line() {
        assert_eq!(
            body("<h2>1. Title</h2><p>One</p><div>Two</div>"),
            "1. Title\n\nOne\n\nTwo\n"
        );
    }

    #[test]
    fn bold_labels_stay_inline() {
        assert_eq!(
            body("<p><strong>At a glance:</strong> The plan</p>"),
            "At a glance: The plan\n"
        );
    }

    #[test]
    fn lists_become_bullets_and_nest() {
        let html =
            "<ul><li>One<ul><li>One a</li><li>One b</li></ul></li><li> Two </li><li></li></ul>";
        assert_eq!(body(html), "• One\n• One a\n• One b\n• Two\n");
    }

    #[test]
    fn div_text_runs_are_blocks() {
        assert_eq!(
            body("<div>Intro<div>Inner</div>Tail</div>"),
            "Intro\n\nInner\n\nTail\n"
        );
    }

    #[test]
    fn chrome_is_skipped() {
        let html = "<header>Site</header><nav>Menu</nav><div class=\"cookie-bar\">Accept</div>\
                    <p>Text<script>var x;</script></p><div id=\"share-box\">Share</div>\
                    <footer>Imprint</footer>";
        assert_eq!(body(html), "Text\n");
    }

    #[test]
    fn article_wins_over_body_and_keeps_its_header() {
        let html = "<p>Teaser</p><main><article><header><h1>Title</h1></header>\
                    <p>Body</p></article></main>";
        assert_eq!(body(html), "Title\n\nBody\n");
    }

    #[test]
    fn paragraphs_in_list_items_stay_in_the_list() {
        let html =
            "<p>Before</p><ul><li><p>One</p></li><li><p>Two</p><p>more</p></li></ul><p>After</p>";
        assert_eq!(body(html), "Before\n\n• One\n• Two\nmore\n\nAfter\n");
    }

    #[test]
    fn hidden_elements_are_skipped() {
        let html = "<p>Shown</p><p hidden>A</p><p style=\"display: none\">B</p>\
                    <p aria-hidden=\"true\">C</p>";
        assert_eq!(body(html), "Shown\n");
    }

    #[test]
    fn role_main_is_the_article_without_main_or_article() {
        let html = "<div class=\"top\">Site</div><div role=\"main\"><p>Body</p></div>";
        assert_eq!(body(html), "Body\n");
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(body("<pre>a  b\nc</pre>"), "a b\nc\n");
    }

    #[test]
    fn empty_page_is_empty_text() {
        assert_eq!(html_to_text(""), "");
    }
}
