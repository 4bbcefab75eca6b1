//! A report part's HTML as plain text, for the month's CSV: paragraphs
//! and list items on their own lines, ordered items numbered as shown,
//! entities decoded. Read with lol_html, decoded with html-escape.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::{HtmlRewriter, Settings, doc_text, element};

/// The plain text of each HTML fragment of `parts`, read in one pass (a
/// parser set up per fragment would cost more than the reading).
pub fn texts_of(parts: &[&str]) -> Vec<String> {
    let mut html = String::with_capacity(parts.iter().map(|p| p.len() + 40).sum());
    for part in parts {
        html.push_str("<reportal-part>");
        html.push_str(part);
        html.push_str("</reportal-part>");
    }
    let joined = text_of(&html);
    let mut texts: Vec<String> = joined
        .split(PART_BREAK)
        .skip(1)
        .map(|t| {
            t.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    texts.resize(parts.len(), String::new());
    texts
}

/// Marks where a fragment starts in the joined text.
const PART_BREAK: char = '\u{1}';

fn text_of(html: &str) -> String {
    let out = Rc::new(RefCell::new(String::new()));
    // Per open list: the next item's number (none: a bulleted list).
    let lists: Rc<RefCell<Vec<Option<u32>>>> = Rc::default();
    {
        let newline = |out: &Rc<RefCell<String>>| {
            let mut out = out.borrow_mut();
            if !out.is_empty() && !out.ends_with(['\n', PART_BREAK]) {
                out.push('\n');
            }
        };
        let (o1, o2, o3, o4, o5) = (
            out.clone(),
            out.clone(),
            out.clone(),
            out.clone(),
            out.clone(),
        );
        let (l1, l2) = (lists.clone(), lists.clone());
        let settings = Settings::new()
            .append_element_content_handler(element!("ol, ul", move |el| {
                let start = el
                    .get_attribute("start")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(1);
                let numbered = el.tag_name() == "ol";
                l1.borrow_mut().push(numbered.then_some(start));
                let lists = l1.clone();
                if let Some(handlers) = el.end_tag_handlers() {
                    let pop: lol_html::EndTagHandler<'static> = Box::new(move |_| {
                        lists.borrow_mut().pop();
                        Ok(())
                    });
                    handlers.push(pop);
                }
                Ok(())
            }))
            .append_element_content_handler(element!("li", move |_| {
                newline(&o1);
                let mut lists = l2.borrow_mut();
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                o1.borrow_mut().push_str(&marker);
                Ok(())
            }))
            .append_element_content_handler(element!(
                "p, br, tr, h1, h2, h3, h4, h5, h6, blockquote",
                move |_| {
                    newline(&o2);
                    Ok(())
                }
            ))
            .append_element_content_handler(element!("reportal-part", move |_| {
                o5.borrow_mut().push(PART_BREAK);
                Ok(())
            }))
            .append_element_content_handler(element!("td, th", move |_| {
                let mut out = o4.borrow_mut();
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\t');
                }
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |chunk| {
                o3.borrow_mut().push_str(chunk.as_str());
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        // Our own HTML: it parses; if not, what was read is kept.
        let _ = rewriter
            .write(html.as_bytes())
            .and_then(|()| rewriter.end());
    }
    let text = out.borrow().clone();
    html_escape::decode_html_entities(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_paragraphs_and_entities_part_by_part() {
        assert_eq!(
            texts_of(&[
                "<ol>\n<li>一&amp;二</li>\n<li><strong>三</strong>&lt;四&gt;</li>\n</ol>\n<p>说明</p>",
                "",
                "<ul><li>甲</li><li>乙</li></ul>",
                "<ol start=\"3\"><li>丙</li></ol>",
            ]),
            ["1. 一&二\n2. 三<四>\n说明", "", "- 甲\n- 乙", "3. 丙"]
        );
    }
}
