//! Where each page lives, and how pages link to each other. Every link is
//! relative (`{{ root }}` + a site path), so the output works under any
//! sub-path and opened from disk.

use crate::model::Month;

pub struct Urls {
    pub pretty: bool,
}

impl Urls {
    /// A page's link form: `months/2015-12/index.html`, or `months/2015-12/`
    /// with pretty URLs. (Links here are made by the hundred thousand:
    /// `concat` makes them without `format!`'s machinery.)
    pub fn link(&self, folder: &str) -> String {
        match (self.pretty, folder.is_empty()) {
            (true, true) => String::new(),
            (true, false) => [folder, "/"].concat(),
            (false, true) => "index.html".to_string(),
            (false, false) => [folder, "/index.html"].concat(),
        }
    }

    pub fn month(&self, month: Month) -> String {
        self.link(&["months/", &month.to_string()].concat())
    }

    pub fn area(&self, id: &str) -> String {
        self.link(&["areas/", id].concat())
    }

    pub fn unit(&self, id: &str) -> String {
        self.link(&["units/", id].concat())
    }

    /// One unit's timeline of an area (see `area_unit_folder`).
    pub fn area_unit(&self, area_id: &str, unit_id: &str) -> String {
        self.link(&area_unit_folder(area_id, unit_id))
    }

    /// One unit's report for a month, when the month is split by unit.
    pub fn unit_month(&self, id: &str, month: Month) -> String {
        self.link(&["units/", id, "/", &month.to_string()].concat())
    }
}

/// The folder of one unit's timeline of an area. Under `units/`, not
/// straight under the area: a unit id may be four digits (ids are
/// lowercase letters, digits, `-` and `_`), and `areas/<area>/<yyyy>/` is
/// a split timeline's year (`layout::TimelinePart::folder`).
pub fn area_unit_folder(area_id: &str, unit_id: &str) -> String {
    ["areas/", area_id, "/units/", unit_id].concat()
}

/// The file a page is written to, from its folder.
pub fn file_of(folder: &str) -> String {
    if folder.is_empty() {
        "index.html".to_string()
    } else {
        format!("{folder}/index.html")
    }
}

/// `../` once per folder level of `path` (a file path in the output), or
/// `./` at the top, so that `root` + a link is never empty.
pub fn root_of(path: &str) -> String {
    match path.matches('/').count() {
        0 => "./".to_string(),
        depth => "../".repeat(depth),
    }
}
