//! The 404 page: shown at any depth, so its links need the site's
//! address, or, without one, are relative to the top of the site, and its
//! style is inline.

use crate::render::plan::{Kind, Make, Output, Planned, Shows};
use crate::render::shared::Shared;

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    let root = super::absolute_root(s);
    let css = s
        .theme
        .statics
        .get("style.css")
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned());
    let context_root = root.clone();
    planned.push(Planned {
        output: Output::new("404.html", Kind::Page, Shows::none()),
        make: Make::Page {
            template: "404.html",
            root,
            fill: Box::new(move |c| {
                c.insert("root", &context_root);
                c.insert("page_url", "404.html");
                c.insert("inline_css", css.as_deref().unwrap_or_default());
            }),
        },
    });
}
