//! The site's work areas: site.yaml's, then each new heading the reports
//! bring, found by name, alias or id.

use std::collections::HashMap;

use super::types::Area;
use crate::config::SiteConfig;
use crate::names;

/// Work areas by name and alias, growing as reports bring new headings.
pub(super) struct AreaIndex {
    pub(super) list: Vec<Area>,
    by_name: HashMap<String, usize>,
    /// Every area's id, normalized: a heading may name an area by it.
    by_id: HashMap<String, usize>,
    ids: names::UniqueIds,
    /// Configured names and aliases, for "closest area" suggestions.
    configured: Vec<(String, usize)>,
    /// Areas before this index are site.yaml's.
    pub(super) configured_count: usize,
}

impl AreaIndex {
    pub(super) fn new(config: &SiteConfig) -> Self {
        let mut index = AreaIndex {
            list: Vec::new(),
            by_name: HashMap::new(),
            by_id: HashMap::new(),
            ids: names::UniqueIds::default(),
            configured: Vec::new(),
            configured_count: config.areas.len(),
        };
        for area in &config.areas {
            let i = index.list.len();
            index.list.push(Area {
                id: area.id.clone(),
                name: area.name.clone(),
            });
            index.ids.reserve(&area.id);
            index.by_id.entry(names::normalize(&area.id)).or_insert(i);
            for name in std::iter::once(&area.name)
                .chain(&area.aliases)
                .chain(std::iter::once(&area.id))
            {
                index.by_name.insert(names::normalize(name), i);
                index.configured.push((name.clone(), i));
            }
        }
        index
    }

    /// The area a heading names, added if it is new.
    pub(super) fn find_or_add(&mut self, name: &str) -> usize {
        let key = names::normalize(name);
        if let Some(&i) = self.by_name.get(&key) {
            return i;
        }
        let id = self.ids.claim(names::slug(name));
        let i = self.list.len();
        self.by_id.entry(names::normalize(&id)).or_insert(i);
        self.list.push(Area {
            id,
            name: name.to_string(),
        });
        self.by_name.insert(key, i);
        i
    }

    /// The area `name` names (a name, alias or id), if any.
    pub(super) fn find(&self, name: &str) -> Option<usize> {
        let key = names::normalize(name);
        self.by_name
            .get(&key)
            .or_else(|| self.by_id.get(&key))
            .copied()
    }

    /// The configured area whose name, alias or id is close to `name`,
    /// if one is (`names::closest`).
    pub(super) fn closest(&self, name: &str) -> Option<String> {
        let candidates = self.configured.iter().map(|(c, _)| c.as_str());
        let found = names::closest(name, candidates)?;
        let (_, i) = self.configured.iter().find(|(c, _)| c == found)?;
        Some(self.list[*i].name.clone())
    }
}
