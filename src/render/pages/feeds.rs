//! With a `base_url`, the feed of the newest reports and the sitemap
//! (both need absolute links: without one, neither is made).

use tera::Value;

use crate::render::plan::{Kind, Make, Output, Planned, Shows};
use crate::render::shared::Shared;

/// Reports in the feed, newest first.
const FEED_REPORTS: usize = 20;

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    if s.library.config.base_url().is_none() {
        return;
    }
    let root = super::absolute_root(s);
    let newest: Vec<usize> = (0..s.library.reports.len())
        .rev()
        .take(FEED_REPORTS)
        .collect();
    let feed_root = root.clone();
    let shown = newest.clone();
    planned.push(Planned {
        output: Output::new("feed.xml", Kind::Page, Shows::Reports(newest)),
        make: Make::Page {
            template: "feed.xml",
            root: root.clone(),
            fill: Box::new(move |c| {
                let reports: Vec<Value> = shown.iter().map(|r| s.views.report(*r)).collect();
                c.insert("root", &feed_root);
                c.insert(
                    "updated",
                    &reports
                        .first()
                        .and_then(|r| r.get_from_path("updated").cloned()),
                );
                c.insert_value("reports", Value::from(reports));
            }),
        },
    });
    // Every page planned so far, in the link form pages use.
    let locations: Vec<String> = planned
        .iter()
        .filter(|p| p.output.path.ends_with("index.html"))
        .map(|p| {
            let folder = p
                .output
                .path
                .trim_end_matches("index.html")
                .trim_end_matches('/');
            s.urls.link(folder)
        })
        .collect();
    let context_root = root.clone();
    planned.push(Planned {
        output: Output::new("sitemap.xml", Kind::Page, Shows::none()),
        make: Make::Page {
            template: "sitemap.xml",
            root,
            fill: Box::new(move |c| {
                c.insert("root", &context_root);
                c.insert("locations", &locations);
            }),
        },
    });
}
