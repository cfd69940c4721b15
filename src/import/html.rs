//! A brief saved from the web: the article's text, one line per block, for the parser.
//!
//! The page is parsed with `scraper` (html5ever), so entities, implied end tags and broken
//! markup are handled as a browser would. The article is the largest `<article>`, else
//! `<main>`, else `<body>`; site chrome inside it (scripts, navigation, forms, cookie banners,
//! share buttons, related links, …) is skipped.

use scraper::{ElementRef, Html, Node};

use super::ImportError;
use super::limits::MAX_HTML_NESTING;

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

/// Elements that never hold others (`<br>`), close themselves when the next one starts
/// (`<p>`, `<li>`, table parts), or are inline formatting old pages leave open by the hundred
/// (`<font>`, `<b>`): not counted by [`check_nesting`].
const UNCOUNTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "p", "li", "dt", "dd", "tr", "td",
    "th", "thead", "tbody", "tfoot", "colgroup", "caption", "option", "optgroup", "rb", "rt",
    "rtc", "rp", "html", "head", "body", "a", "b", "big", "code", "em", "font", "i", "nobr", "s",
    "small", "strike", "strong", "tt", "u",
];

/// Elements whose content is not markup (or is another language's), skipped whole by
/// [`check_nesting`].
const RAW_TAGS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "svg",
    "math",
];

/// Refuses a page whose elements nest deeper than [`MAX_HTML_NESTING`]. The HTML parser
/// spends time in proportion to the depth on every block it opens, so a page of a million
/// nested `<div>`s would take hours; no saved article nests more than a few dozen deep.
/// A quick count of start and end tags, without parsing.
pub fn check_nesting(html: &str) -> Result<(), ImportError> {
    let bytes = html.as_bytes();
    let lower_starts = |at: usize, word: &[u8]| {
        bytes
            .get(at..at + word.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(word))
    };
    let find = |from: usize, what: &[u8]| {
        bytes
            .get(from..)
            .and_then(|rest| rest.windows(what.len()).position(|w| w == what))
            .map(|at| from + at)
    };
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(open) = find(at, b"<") {
        at = open + 1;
        if lower_starts(at, b"!--") {
            at = find(at + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        at = find(name_start, b">").map_or(bytes.len(), |end| end + 1);
        if UNCOUNTED_TAGS.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW_TAGS.contains(&name.as_str()) {
            // Up to the matching end tag, whatever its case.
            let end = format!("</{name}");
            at = (at..bytes.len())
                .find(|&i| bytes[i] == b'<' && lower_starts(i, end.as_bytes()))
                .unwrap_or(bytes.len());
        } else {
            depth += 1;
            if depth > MAX_HTML_NESTING {
                return Err(ImportError::NotText(format!(
                    "the web page nests its elements more than {MAX_HTML_NESTING} deep, which \
                     no saved article does; it was not read"
                )));
            }
        }
    }
    Ok(())
}

/// Elements that take a line of their own inside a block.
const LINE_TAGS: &[&str] = &["dt", "dd", "tr"];

/// The article text of a web page: one line per heading, paragraph or `<br>`-separated line,
/// list items as "• text", a blank line between blocks, whitespace collapsed inside each.
///
/// Nothing here recurses or walks up the tree per element, so a page nested a million
/// elements deep costs time in proportion to its size and no stack.
pub fn html_to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut writer = Writer::default();
    let root = article_root(&document);
    let in_article = std::iter::once(root)
        .chain(root.ancestors().filter_map(ElementRef::wrap))
        .any(|e| matches!(e.value().name(), "article" | "main"));
    children_to_text(root, in_article, &mut writer);
    writer.finish()
}

/// The largest `<article>` outside page chrome, else the first `<main>` (or element with
/// `role="main"`), else `<body>`.
fn article_root(document: &Html) -> ElementRef<'_> {
    let html = document.root_element();
    let mut article: Option<(usize, ElementRef<'_>)> = None;
    let mut main = None;
    let mut body = None;
    // Depth first in document order: (element, an ancestor is chrome, an ancestor is an
    // <article>, an ancestor is an <article> or <main>).
    let mut stack = vec![(html, false, false, false)];
    while let Some((element, chrome_above, in_article, in_main)) = stack.pop() {
        let name = element.value().name();
        let chrome = chrome_above || is_chrome(element, in_main);
        match name {
            // An article inside another holds less text than it, so never wins.
            "article" if !chrome && !in_article => {
                let size = element.text().map(str::len).sum::<usize>();
                if article.is_none_or(|(best, _)| size > best) {
                    article = Some((size, element));
                }
            }
            "article" if !chrome => {}
            "main" if main.is_none() && !chrome => main = Some(element),
            _ if main.is_none() && element.attr("role") == Some("main") => main = Some(element),
            "body" if body.is_none() => body = Some(element),
            _ => {}
        }
        let in_article = in_article || (name == "article" && !chrome);
        let in_main = in_main || matches!(name, "article" | "main");
        let children: Vec<_> = element.children().filter_map(ElementRef::wrap).collect();
        stack.extend(
            children
                .into_iter()
                .rev()
                .map(|child| (child, chrome, in_article, in_main)),
        );
    }
    article.map(|(_, a)| a).or(main).or(body).unwrap_or(html)
}

/// Whether an element's content is not article text: by tag, hidden state, role, id or
/// class, or as a `<header>` outside `<article>` and `<main>` (a site header).
/// `in_article` tells whether an ancestor is an `<article>` or `<main>`.
fn is_chrome(element: ElementRef<'_>, in_article: bool) -> bool {
    let value = element.value();
    match value.name() {
        "html" | "body" => return false,
        "header" if !in_article => return true,
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

/// One step of the walk over the article: a node to write, or the end of an element.
/// (Generic so that the tree crate's node type need not be named.)
enum Step<N> {
    /// A node, and whether an ancestor is an `<article>` or `<main>`.
    Node(N, bool),
    /// The end of a block, a line element, a list item, a table cell or a list.
    EndBlock,
    EndLine,
    EndItem,
    EndCell,
    EndList,
}

/// Writes an element's children: text as it comes, elements unless they are chrome, each
/// between the breaks its tag calls for.
fn children_to_text<'a>(root: ElementRef<'a>, in_article: bool, writer: &mut Writer) {
    let mut stack = Vec::new();
    let push_children = |stack: &mut Vec<Step<_>>, element: ElementRef<'a>, in_article| {
        let children: Vec<_> = element.children().collect();
        stack.extend(
            children
                .into_iter()
                .rev()
                .map(|child| Step::Node(child, in_article)),
        );
    };
    push_children(&mut stack, root, in_article);
    while let Some(step) = stack.pop() {
        let (node, in_article) = match step {
            Step::Node(node, in_article) => (node, in_article),
            Step::EndBlock => {
                writer.block_break();
                continue;
            }
            Step::EndLine => {
                writer.line_break();
                continue;
            }
            Step::EndItem => {
                writer.end_item();
                continue;
            }
            Step::EndCell => {
                writer.text(" ", false);
                continue;
            }
            Step::EndList => {
                writer.lists -= 1;
                writer.block_break();
                continue;
            }
        };
        if let Node::Text(text) = node.value() {
            writer.text(text, false);
            continue;
        }
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        if is_chrome(element, in_article) {
            continue;
        }
        let name = element.value().name();
        let end = match name {
            "br" => {
                writer.line_break();
                continue;
            }
            "pre" => {
                pre_to_text(element, writer);
                continue;
            }
            // A list is a block of "• " lines; a list inside a list item goes on the next line.
            "ul" | "ol" => {
                writer.block_break();
                writer.lists += 1;
                Step::EndList
            }
            "li" => {
                writer.start_item();
                Step::EndItem
            }
            "td" | "th" => {
                writer.text(" ", false);
                Step::EndCell
            }
            _ if BLOCK_TAGS.contains(&name) => {
                writer.block_break();
                Step::EndBlock
            }
            _ if LINE_TAGS.contains(&name) => {
                writer.line_break();
                Step::EndLine
            }
            _ => {
                push_children(&mut stack, element, in_article);
                continue;
            }
        };
        stack.push(end);
        let in_article = in_article || matches!(name, "article" | "main");
        push_children(&mut stack, element, in_article);
    }
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

    /// Runs `f` on a thread with a small stack, as a proof that it does not recurse per
    /// element.
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .name("small-stack".into())
            .stack_size(256 * 1024)
            .spawn(f)
            .expect("a thread starts")
            .join()
            .expect("no stack overflow")
    }

    #[test]
    fn deeply_nested_inline_elements_are_read_without_recursion() {
        // Found by hand next to the fuzzing: 100 000 nested <b> or <span> overflowed the stack.
        for tag in ["b", "span", "em"] {
            let html = format!("<p>{}1. Deep</p>", format!("<{tag}>").repeat(20_000));
            let text = on_small_stack(move || html_to_text(&html));
            assert_eq!(text, "1. Deep\n", "{tag}");
        }
    }

    #[test]
    fn deeply_nested_articles_and_blocks_are_read_in_linear_time() {
        let html = format!(
            "<article><header>Kept</header>{}<p>Body</p></article>",
            "<article><div><main>".repeat(1_000)
        );
        let started = std::time::Instant::now();
        let text = on_small_stack(move || html_to_text(&html));
        assert_eq!(text, "Kept\n\nBody\n");
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused_before_parsing() {
        let nested = |n: usize| format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        assert!(check_nesting(&nested(MAX_HTML_NESTING)).is_ok());
        let err = check_nesting(&nested(MAX_HTML_NESTING + 1)).expect_err("too deep");
        assert_eq!(
            err.to_string(),
            "it cannot be read as text: the web page nests its elements more than 512 deep, \
             which no saved article does; it was not read"
        );
        // A million nested blocks: refused at once instead of parsed for hours.
        let started = std::time::Instant::now();
        assert!(check_nesting(&"<DIV class=a>".repeat(1_000_000)).is_err());
        assert!(started.elapsed().as_secs() < 5);
        // Self-closing syntax does not close a <div> in HTML.
        assert!(check_nesting(&"<div/>".repeat(MAX_HTML_NESTING + 1)).is_err());
    }

    #[test]
    fn ordinary_sloppy_pages_are_not_counted_as_deep() {
        let many = |s: &str| s.repeat(5_000);
        for html in [
            many("<p>para"),
            many("<li>item"),
            many("<td><font color=red>old page"),
            many("<br><img src=x><hr>"),
            many("<svg><g><path d='M0 0'/><circle/></g></svg>"),
            many("<script>document.write('<div><div>')</script>"),
            many("<!-- <div> --><style>div{}</style>"),
            many("<div>balanced</div>"),
            many("a < b and c<d "),
        ] {
            assert!(check_nesting(&html).is_ok(), "{}", &html[..40]);
        }
        // An unterminated tag or comment ends the count.
        assert!(check_nesting("<div class=\"").is_ok());
        assert!(check_nesting("<!-- <div>").is_ok());
    }
}
