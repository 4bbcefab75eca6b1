//! The site's units, and which one a report's `unit:` names.

use std::collections::HashMap;

use super::report::ParsedReport;
use super::types::Unit;
use crate::config::SiteConfig;
use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::names;

/// The site's units: those site.yaml lists, or else those the reports name.
pub(super) struct Units {
    pub(super) list: Vec<Unit>,
    /// Ids and names, normalized: what a report's `unit:` may say.
    by_name: HashMap<String, usize>,
    /// Whether reports may only name listed units.
    configured: bool,
}

pub(super) fn resolve_units(config: &SiteConfig, reports: &[ParsedReport]) -> Units {
    if !config.units.is_empty() {
        let list = config
            .units
            .iter()
            .map(|u| Unit {
                id: u.id.clone(),
                name: u.name.clone(),
                since: u.since(),
                until: u.until(),
                first_report: None,
            })
            .collect();
        let mut units = Units::new(list, true);
        // Aliases after every id and name: they never take one of those.
        for (i, unit) in config.units.iter().enumerate() {
            for alias in &unit.aliases {
                units.by_name.entry(names::normalize(alias)).or_insert(i);
            }
        }
        return units;
    }
    let mut list: Vec<Unit> = Vec::new();
    // One unit however it is spelled (`GD`, `gd`, `ＧＤ`): the first spelling,
    // in file order, names it.
    let mut spellings: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for report in reports {
        if let Some((name, _)) = &report.unit
            && seen.insert(names::normalize(name))
        {
            spellings.push(name);
        }
    }
    spellings.sort_unstable();
    let mut ids = names::UniqueIds::default();
    for name in spellings {
        list.push(Unit {
            id: ids.claim(names::slug(name)),
            name: name.to_string(),
            since: None,
            until: None,
            first_report: None,
        });
    }
    if list.is_empty() {
        // The one unit of a site that names none has no name (not the
        // site's title, which then stood in every unit column): pages show
        // the theme's `this_unit` where a name is needed, nothing elsewhere.
        list.push(Unit {
            id: "main".into(),
            name: String::new(),
            since: None,
            until: None,
            first_report: None,
        });
    }
    Units::new(list, false)
}

impl Units {
    fn new(list: Vec<Unit>, configured: bool) -> Self {
        let mut by_name = HashMap::new();
        for (i, unit) in list.iter().enumerate() {
            // The first unit an id or name fits is the one meant.
            for name in [&unit.id, &unit.name] {
                by_name.entry(names::normalize(name)).or_insert(i);
            }
        }
        Units {
            list,
            by_name,
            configured,
        }
    }

    pub(super) fn unit_of(
        &self,
        report: &ParsedReport,
        config: &SiteConfig,
        problems: &mut Problems,
    ) -> Option<usize> {
        let Some((written, spot)) = &report.unit else {
            if self.list.len() == 1 {
                return Some(0);
            }
            problems.push(
                Problem::error(ProblemKind::MissingUnit)
                    .in_file(&report.source)
                    .at_spot(&report.start),
            );
            return None;
        };
        let wanted = names::normalize(written);
        let found = self.by_name.get(&wanted).copied();
        if found.is_none() && self.configured {
            let known = crate::messages::list(
                config
                    .units
                    .iter()
                    .map(|u| crate::messages::named(&u.id, &u.name)),
            );
            problems.push(
                Problem::error(ProblemKind::UnknownUnit {
                    given: written.clone(),
                    known,
                })
                .in_file(&report.source)
                .at_spot(spot),
            );
        }
        found
    }
}
