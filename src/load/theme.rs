//! The theme: templates, static files and translations. The default theme
//! is embedded in the binary, so any site builds without a `themes/`
//! folder; a site's own `themes/<name>/` is laid over it, its `templates/`
//! overrides single templates, its `static/` is copied over the theme's
//! static files and its `i18n/` rewords the theme's labels key by key.

use std::collections::BTreeMap;
use std::path::Path;

use super::i18n::{BUILT_IN, Strings, TranslationFile, Translations};
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

/// What a theme folder holds: templates, files copied as they are, or
/// translations.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Templates,
    Statics,
    Translations,
}

/// Templates and static files, by name, overrides already applied.
#[derive(Debug, Default)]
pub struct Theme {
    pub templates: BTreeMap<String, Template>,
    pub statics: BTreeMap<String, StaticFile>,
    /// Every language's files, in the order they apply.
    pub translations: Translations,
    /// The words of the site's language (see `load::load`).
    pub strings: Strings,
}

impl Theme {
    pub fn load(root: &Path, name: &str) -> Result<Theme, Problem> {
        let mut theme = Theme::default();
        // The built-in theme is the base: a site's theme folder need only
        // hold what it changes.
        theme.add_embedded();
        let theme_dir = root.join("themes").join(name);
        if theme_dir.is_dir() {
            theme.add_dir(root, &theme_dir.join("templates"), Kind::Templates)?;
            theme.add_dir(root, &theme_dir.join("static"), Kind::Statics)?;
            theme.add_dir(root, &theme_dir.join("i18n"), Kind::Translations)?;
        } else if name != "default" {
            return Err(
                Problem::error(ProblemKind::ThemeNotFound(name.to_string())).in_file("site.yaml")
            );
        }
        theme.add_dir(root, &root.join("templates"), Kind::Templates)?;
        theme.add_dir(root, &root.join("static"), Kind::Statics)?;
        theme.add_dir(root, &root.join("i18n"), Kind::Translations)?;
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
                let _ = self.add_template(name, bytes, format!("{BUILT_IN}templates/{name}"));
            } else if let Some(name) = path.strip_prefix("static/") {
                self.statics.insert(
                    name.to_string(),
                    StaticFile {
                        path: name.to_string(),
                        bytes,
                    },
                );
            } else if let Some(name) = path.strip_prefix("i18n/") {
                // Built-in translations parse: a unit test reads each.
                let _ = self.add_translation(name, bytes, format!("{BUILT_IN}i18n/{name}"));
            }
        }
    }

    /// `<tag>.yaml`; other files in an `i18n/` folder (a README) are not
    /// translations.
    fn add_translation(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        origin: String,
    ) -> Result<(), Problem> {
        let Some(tag) = name.strip_suffix(".yaml") else {
            return Ok(());
        };
        if !crate::config::is_language_tag(tag) {
            return Ok(());
        }
        let file = TranslationFile::parse(&origin, bytes)?;
        self.translations.add(tag, file);
        Ok(())
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

    fn add_dir(&mut self, root: &Path, dir: &Path, kind: Kind) -> Result<(), Problem> {
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
            match kind {
                Kind::Templates => self.add_template(&name, bytes, rel_to_root)?,
                Kind::Translations => self.add_translation(&name, bytes, rel_to_root)?,
                Kind::Statics => {
                    self.statics
                        .insert(name.clone(), StaticFile { path: name, bytes });
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Theme {
        let mut theme = Theme::default();
        theme.add_embedded();
        theme
    }

    /// Rules added side by side by several changes are merged by hand:
    /// one brace lost there silently swallows every rule after it.
    #[test]
    fn built_in_style_sheets_close_every_brace_and_comment() {
        let theme = built_in();
        for file in theme.statics.values().filter(|f| f.path.ends_with(".css")) {
            let css = String::from_utf8_lossy(&file.bytes);
            let mut depth = 0i32;
            let mut rest = css.as_ref();
            while let Some(start) = rest.find("/*") {
                depth += count_braces(&rest[..start]);
                let Some(end) = rest[start..].find("*/") else {
                    panic!("{}: a comment is never closed", file.path);
                };
                rest = &rest[start + end + 2..];
            }
            depth += count_braces(rest);
            assert_eq!(depth, 0, "{}: braces do not balance", file.path);
        }
    }

    fn count_braces(css: &str) -> i32 {
        css.chars()
            .map(|c| match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            })
            .sum()
    }

    #[test]
    fn built_in_languages_say_every_word_themselves() {
        let theme = built_in();
        for language in ["zh-CN", "en"] {
            let resolved = theme.translations.resolve(language).expect(language);
            assert!(
                resolved.warning.is_none(),
                "{language}: {:?}",
                resolved.warning
            );
            // Only the theme's own keys are left for templates alone.
            assert!(resolved.strings.extra.contains_key("home"), "{language}");
        }
        let zh = theme.translations.resolve("zh-CN").expect("zh-CN").strings;
        let en = theme.translations.resolve("en").expect("en").strings;
        let keys = |s: &Strings| s.extra.keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&zh), keys(&en));
        assert_eq!(zh.month_label, "{year}年{month}月");
    }

    #[test]
    fn a_language_reads_the_file_of_its_tag_or_of_its_language() {
        let theme = built_in();
        assert_eq!(theme.translations.tag_for("zh-cn"), Some("zh-cn"));
        assert_eq!(theme.translations.tag_for("zh-Hans"), Some("zh-cn"));
        assert_eq!(theme.translations.tag_for("en-GB"), Some("en"));
        assert_eq!(theme.translations.tag_for("fr"), None);
    }
}
