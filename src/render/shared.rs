//! What the page families share: the library, its structure and views,
//! and the template values many pages show (the lists of areas and units).

use serde::Serialize;
use tera::Value;

use super::i18n::{Strings, year_label};
use super::search;
use super::structure::{ListEntry, Structure};
use super::urls::Urls;
use super::views::{self, Views};
use crate::load::Theme;
use crate::model::{Library, Month};

/// What the views borrow: made first, kept while the site is rendered.
pub struct Base {
    pub urls: Urls,
    pub structure: Structure,
    pub search: search::Plan,
}

impl Base {
    pub fn of(library: &Library) -> Base {
        let urls = Urls {
            pretty: library.config.pretty_urls,
        };
        let structure = Structure::of(library, &urls);
        Base {
            urls,
            structure,
            search: search::Plan::of(library),
        }
    }
}

pub struct Shared<'a> {
    pub library: &'a Library,
    pub theme: &'a Theme,
    pub urls: &'a Urls,
    pub structure: &'a Structure,
    pub search: &'a search::Plan,
    pub views: Views<'a>,
    /// The interface's words, in the site's language.
    pub t: &'a Strings,
    pub several_units: bool,
    /// The areas and the units as template values, in the library's order.
    pub areas_value: Value,
    pub units_value: Value,
}

impl<'a> Shared<'a> {
    pub fn new(library: &'a Library, theme: &'a Theme, base: &'a Base) -> Shared<'a> {
        let t = &theme.strings;
        let views = views::build(library, &base.urls, &base.structure.layout, t);
        let areas_value = list_value(&views, &base.structure.areas);
        let units_value = list_value(&views, &base.structure.units);
        Shared {
            library,
            theme,
            urls: &base.urls,
            structure: &base.structure,
            search: &base.search,
            views,
            t,
            several_units: library.units.len() > 1,
            areas_value,
            units_value,
        }
    }

    /// Area (or unit) `i` of a list value, or none.
    pub fn item(list: &Value, i: usize) -> Value {
        list.as_array()
            .and_then(|list| list.get(i))
            .cloned()
            .unwrap_or_else(Value::none)
    }

    /// A month's reports; `brief` for pages that list them without text.
    pub fn reports_of(&self, month: &Month, brief: bool) -> Value {
        Value::from(
            self.library.months[month]
                .iter()
                .map(|&r| {
                    if brief {
                        self.views.report_brief(r)
                    } else {
                        self.views.report(r)
                    }
                })
                .collect::<Vec<_>>(),
        )
    }

    /// The site as every template sees it (`site.*`).
    pub fn site_view(&self) -> SiteView<'a> {
        let (library, urls) = (self.library, self.urls);
        SiteView {
            title: library.config.title(),
            language: &library.config.language,
            base_url: library.config.base_url(),
            several_units: self.several_units,
            unit_name: (!self.several_units)
                .then(|| library.units.first().map(|u| u.name.as_str()))
                .flatten(),
            has_feed: library.config.base_url().is_some(),
            urls: SiteUrls {
                home: urls.link(""),
                months: urls.link("months"),
                areas: urls.link("areas"),
                units: urls.link("units"),
                search: urls.link("search"),
            },
        }
    }
}

/// List entries as template values, their latest month as a link.
fn list_value(views: &Views, list: &[ListEntry]) -> Value {
    let items: Vec<Value> = list
        .iter()
        .map(|s| {
            let mut map = tera::Map::new();
            map.insert("id".into(), s.id.as_str().into());
            map.insert("name".into(), s.name.as_str().into());
            map.insert("url".into(), s.url.as_str().into());
            map.insert("month_count".into(), (s.month_count as u64).into());
            let latest = s
                .latest
                .as_ref()
                .and_then(|k| Month::parse(k))
                .map(|m| views.month(m));
            map.insert("latest".into(), latest.into());
            Value::from(map)
        })
        .collect();
    Value::from(items)
}

#[derive(Serialize)]
pub struct YearGroup {
    year: u16,
    label: String,
    items: Vec<Value>,
}

/// Items, newest first, under a heading per year.
pub fn group_by_year(items: impl Iterator<Item = (u16, Value)>, t: &Strings) -> Vec<YearGroup> {
    let mut groups: Vec<YearGroup> = Vec::new();
    for (year, item) in items {
        match groups.last_mut() {
            Some(group) if group.year == year => group.items.push(item),
            _ => groups.push(YearGroup {
                year,
                label: year_label(year, t),
                items: vec![item],
            }),
        }
    }
    groups
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    title: &'a str,
    language: &'a str,
    base_url: Option<&'a str>,
    several_units: bool,
    unit_name: Option<&'a str>,
    has_feed: bool,
    urls: SiteUrls,
}

#[derive(Serialize)]
struct SiteUrls {
    home: String,
    months: String,
    areas: String,
    units: String,
    search: String,
}
