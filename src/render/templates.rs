//! Compiling the theme's templates once, and turning Tera's errors into
//! problems that name the template file.

use std::collections::BTreeMap;

use tera::Tera;

use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::load::Template;

pub fn compile(templates: &BTreeMap<String, Template>) -> Result<Tera, Problems> {
    let mut tera = Tera::new();
    // Feeds and sitemaps are XML: escape them like HTML.
    tera.autoescape_on([".html", ".xml"]);
    let sources = templates
        .values()
        .map(|t| (t.name.as_str(), t.source.as_str()));
    match tera.add_raw_templates(sources) {
        Ok(()) => Ok(tera),
        Err(err) => {
            // Tera names the failing template in its message (`--> month.html:3:7`).
            let message = err.to_string();
            let name = templates
                .keys()
                .find(|name| message.contains(&format!("{name}:")))
                .map_or("", String::as_str);
            let mut problems = Problems::default();
            problems.push(problem(name, &err, templates));
            Err(problems)
        }
    }
}

/// A template error, naming the file it came from (the site's override or
/// the theme's).
pub fn problem(
    template: &str,
    err: &tera::Error,
    templates: &BTreeMap<String, Template>,
) -> Problem {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    let origin = templates
        .get(template)
        .map_or("templates/", |t| t.origin.as_str());
    Problem::error(ProblemKind::Template {
        name: origin.to_string(),
        message,
    })
}
