//! The theme: templates and static files. The default theme is embedded in
//! the binary, so any site builds without a `themes/` folder; a site's own
//! `themes/<name>/` replaces it, its `templates/` overrides single templates
//! and its `static/` is copied over the theme's static files.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Problem, ProblemKind};

#[derive(rust_embed::RustEmbed)]
#[folder = "themes/default/"]
struct DefaultTheme;

/// A template's name (its path under `templates/`) and its source.
#[derive(Debug, Clone)]
pub struct Template {
    pub name: String,
    pub source: String,
    /// Where it came from, relative to the site root, for error messages.
    pub origin: String,
}

/// A file copied as is into the output.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Path in the output, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Templates and static files, by name, overrides already applied.
#[derive(Debug, Default)]
pub struct Theme {
    pub templates: BTreeMap<String, Template>,
    pub statics: BTreeMap<String, StaticFile>,
}

impl Theme {
    pub fn load(root: &Path, name: &str) -> Result<Theme, Problem> {
        let mut theme = Theme::default();
        // The built-in theme is the base: a site's theme folder need only
        // hold what it changes.
        theme.add_embedded();
        let theme_dir = root.join("themes").join(name);
        if theme_dir.is_dir() {
            theme.add_dir(root, &theme_dir.join("templates"), true)?;
            theme.add_dir(root, &theme_dir.join("static"), false)?;
        } else if name != "default" {
            return Err(Problem::error(ProblemKind::BadConfig(format!(
                "theme `{name}` not found: there is no folder themes/{name}/"
            )))
            .in_file("site.yaml"));
        }
        theme.add_dir(root, &root.join("templates"), true)?;
        theme.add_dir(root, &root.join("static"), false)?;
        Ok(theme)
    }

    fn add_embedded(&mut self) {
        for path in DefaultTheme::iter() {
            let Some(file) = DefaultTheme::get(&path) else {
                continue;
            };
            let bytes = file.data.into_owned();
            if let Some(name) = path.strip_prefix("templates/") {
                // Built-in templates are UTF-8: tests build every one.
                let _ =
                    self.add_template(name, bytes, format!("(built-in theme) templates/{name}"));
            } else if let Some(name) = path.strip_prefix("static/") {
                self.statics.insert(
                    name.to_string(),
                    StaticFile {
                        path: name.to_string(),
                        bytes,
                    },
                );
            }
        }
    }

    fn add_template(&mut self, name: &str, bytes: Vec<u8>, origin: String) -> Result<(), Problem> {
        let source = String::from_utf8(bytes).map_err(|_| {
            Problem::error(ProblemKind::NotUtf8 {
                looks_like_gbk: false,
            })
            .in_file(&origin)
        })?;
        let name = name.to_string();
        self.templates.insert(
            name.clone(),
            Template {
                name,
                source,
                origin,
            },
        );
        Ok(())
    }

    fn add_dir(&mut self, root: &Path, dir: &Path, templates: bool) -> Result<(), Problem> {
        if !dir.is_dir() {
            return Ok(());
        }
        let confine = super::Confine::new(root);
        // Hidden folders (`.git`, `.svn`) are pruned as in content/: never
        // published.
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !super::is_hidden(e.file_name()))
        {
            let entry = entry.map_err(|err| {
                Problem::error(ProblemKind::Unreadable(err.to_string()))
                    .in_file(&super::relative(root, err.path().unwrap_or(dir)))
            })?;
            // A link out of the site is refused before anything under it
            // is read (walkdir only descends after yielding the folder).
            confine.check_entry(&entry)?;
            if !entry.file_type().is_file() || super::is_hidden(entry.file_name()) {
                continue;
            }
            let rel_to_root = super::relative(root, entry.path());
            let name = super::relative(dir, entry.path());
            let bytes = super::read_bounded(entry.path(), &rel_to_root, super::THEME_FILE_BYTES)?;
            if templates {
                self.add_template(&name, bytes, rel_to_root)?;
            } else {
                self.statics
                    .insert(name.clone(), StaticFile { path: name, bytes });
            }
        }
        Ok(())
    }
}
