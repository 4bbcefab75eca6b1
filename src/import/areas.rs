//! `import --add-areas`: the work areas the imported documents name and
//! site.yaml does not list, appended to its `areas:` list as
//! `- { id: …, name: … }` lines, every other byte of the file (comments,
//! order, line endings) kept. Only a plain block list (one `- ` entry per
//! line under `areas:`), an empty `areas:`, `areas: []`, or no `areas:`
//! at all can be appended to safely; any other form is refused, saying
//! why. The new text is read back before it is written: if it does not
//! say exactly what it said plus the new areas, nothing is written.
//!
//! On a first import into init's site (`starter::FirstSite`), init's sample
//! areas are replaced the same way (`replace_sample_areas`).

use std::path::Path;

use crate::config::SiteConfig;
use crate::msg;
use crate::names;
use crate::starter;

/// Why site.yaml's areas were not changed.
#[derive(Debug)]
pub enum AreasError {
    Unsafe(String),
    Read(String),
    Write(String),
}

impl std::fmt::Display for AreasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            AreasError::Unsafe(reason) => msg!("areas-unsafe", reason = reason),
            AreasError::Read(reason) => msg!("areas-cannot-read", reason = reason),
            AreasError::Write(reason) => msg!("areas-cannot-write", reason = reason),
        })
    }
}

impl std::error::Error for AreasError {}

/// Site.yaml cannot be changed safely, for the reason `id` says.
fn unsafe_because(id: &str) -> AreasError {
    AreasError::Unsafe(msg!(id))
}

/// An area written into site.yaml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArea {
    pub id: String,
    pub name: String,
}

/// Appends the areas `names` (as the reports name them) that site.yaml
/// does not list yet to its `areas:`; the areas added.
pub fn add_areas(root: &Path, names: &[String]) -> Result<Vec<NewArea>, AreasError> {
    let path = root.join("site.yaml");
    let (bom, text) = read_site_yaml(root)?;
    let config = parse(&text)?;
    let areas = new_areas(&config, names);
    if areas.is_empty() {
        return Ok(areas);
    }
    too_many(&areas)?;
    let appended = appended(&text, &config, &areas)?;
    check(&config, &appended, &areas)?;
    write(&path, bom, &appended)?;
    Ok(areas)
}

/// site.yaml as init wrote it, its sample areas replaced by `names`
/// (the caller has found it untouched: `starter::FirstSite`).
pub fn replace_sample_areas(root: &Path, names: &[String]) -> Result<Vec<NewArea>, AreasError> {
    let (_, text) = read_site_yaml(root)?;
    if text != starter::SITE_YAML {
        return Err(unsafe_because("areas-not-init"));
    }
    let (before, _) = text
        .split_once(starter::SAMPLE_AREAS_NOTE)
        .ok_or_else(|| unsafe_because("areas-samples-moved"))?;
    let empty = SiteConfig::default();
    let areas = new_areas(&empty, names);
    too_many(&areas)?;
    let mut replaced = format!("{before}areas:");
    if areas.is_empty() {
        replaced.push_str(" []");
    }
    replaced.push('\n');
    for area in &areas {
        replaced.push_str(&entry("  ", area, "\n"));
    }
    let config = parse(&replaced)?;
    if !same_areas(&config, &[], &areas) {
        return Err(unsafe_because("areas-read-back"));
    }
    write(&root.join("site.yaml"), false, &replaced)?;
    Ok(areas)
}

/// The most areas one import adds: a report has tens; thousands are a
/// table read wrongly, not work areas.
const MOST_AREAS: usize = 500;

fn too_many(areas: &[NewArea]) -> Result<(), AreasError> {
    if areas.len() > MOST_AREAS {
        return Err(AreasError::Unsafe(msg!(
            "areas-too-many",
            count = areas.len(),
            max = MOST_AREAS
        )));
    }
    Ok(())
}

/// site.yaml's text (empty when there is none), and whether a byte order
/// mark came before it. Never through a link: the file is rewritten.
fn read_site_yaml(root: &Path) -> Result<(bool, String), AreasError> {
    let path = root.join("site.yaml");
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Ok((false, String::new()));
        }
        Err(err) => return Err(AreasError::Read(err.to_string())),
    };
    if !meta.is_file() {
        return Err(unsafe_because("areas-not-plain"));
    }
    let bytes = crate::load::read_at_most(&path, 1 << 20)
        .map_err(|e| AreasError::Read(e.to_string()))?
        .ok_or_else(|| unsafe_because("areas-too-large"))?;
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(body) => (true, body.to_vec()),
        None => (false, bytes),
    };
    let text = String::from_utf8(body).map_err(|_| unsafe_because("areas-not-utf8"))?;
    Ok((bom, text))
}

fn parse(text: &str) -> Result<SiteConfig, AreasError> {
    if text.trim().is_empty() {
        return Ok(SiteConfig::default());
    }
    crate::yaml::from_str(text)
        .map_err(|e| AreasError::Unsafe(msg!("areas-not-settings", reason = e.message)))
}

/// The areas of `names` that `config` does not list (by name, alias or
/// id), each once, with an id of its own.
fn new_areas(config: &SiteConfig, wanted: &[String]) -> Vec<NewArea> {
    let mut known = std::collections::HashSet::new();
    let mut ids = names::UniqueIds::default();
    for area in &config.areas {
        ids.reserve(&names::normalize(&area.id));
        known.insert(names::normalize(&area.id));
        for name in std::iter::once(&area.name).chain(&area.aliases) {
            known.insert(names::normalize(name));
        }
    }
    let mut areas = Vec::new();
    for name in wanted {
        let name = name.trim();
        if name.is_empty() || !known.insert(names::normalize(name)) {
            continue;
        }
        let id = ids.claim(names::slug(name));
        known.insert(names::normalize(&id));
        areas.push(NewArea {
            id,
            name: name.to_string(),
        });
    }
    areas
}

/// `text` with `areas` appended to its `areas:` list.
fn appended(text: &str, config: &SiteConfig, areas: &[NewArea]) -> Result<String, AreasError> {
    let le = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let keys: Vec<usize> = (0..lines.len())
        .filter(|&i| is_areas_key(lines[i]))
        .collect();
    if lines.iter().any(|l| {
        let l = l.trim_start();
        l.starts_with("\"areas\"") || l.starts_with("'areas'")
    }) {
        return Err(unsafe_because("areas-quoted-key"));
    }
    let entries: String = areas.iter().map(|a| entry("  ", a, le)).collect();
    let Some(&key) = keys.first() else {
        if !config.areas.is_empty() {
            return Err(unsafe_because("areas-no-key-line"));
        }
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(le);
        }
        out.push_str(&format!("areas:{le}{entries}"));
        return Ok(out);
    };
    if keys.len() > 1 {
        return Err(unsafe_because("areas-two-keys"));
    }
    let line = lines[key];
    let body = line.trim_end_matches(['\n', '\r']);
    let (value, comment) = split_comment(&body["areas".len()..].trim_start()[1..]);
    let value = value.trim();
    let block_start = key + 1;
    let block = block_end(&lines, block_start)?;
    let content: Vec<usize> = (block_start..block)
        .filter(|&i| !is_blank_or_comment(lines[i]))
        .collect();
    let before = |i: usize| lines[..i].concat();
    let after = |i: usize| lines[i..].concat();
    match (value, content.first()) {
        ("", None) | ("[]", None) => {
            let comment = comment.map_or(String::new(), |c| format!(" {c}"));
            Ok(format!(
                "{}areas:{comment}{le}{entries}{}",
                before(key),
                after(key + 1)
            ))
        }
        ("", Some(&first)) => {
            let first_line = lines[first];
            let indent: String = first_line.chars().take_while(|c| *c == ' ').collect();
            let rest = &first_line[indent.len()..];
            if !(rest.starts_with("- ") || rest.trim_end() == "-") {
                return Err(unsafe_because("areas-not-a-list"));
            }
            let last = *content.last().unwrap_or(&first);
            let mut out = before(last + 1);
            if !out.ends_with('\n') {
                out.push_str(le);
            }
            out.push_str(
                &areas
                    .iter()
                    .map(|a| entry(&indent, a, le))
                    .collect::<String>(),
            );
            out.push_str(&after(last + 1));
            Ok(out)
        }
        (value, _) => Err(AreasError::Unsafe(msg!(
            "areas-inline",
            value = value.chars().take(40).collect::<String>()
        ))),
    }
}

/// A top-level `areas:` key line.
fn is_areas_key(line: &str) -> bool {
    line.strip_prefix("areas")
        .is_some_and(|rest| rest.trim_start_matches(' ').starts_with(':'))
}

/// The value on a key's line and its comment (`# …`), if any.
fn split_comment(value: &str) -> (&str, Option<&str>) {
    let mut previous = ' ';
    for (i, c) in value.char_indices() {
        if c == '#' && (previous == ' ' || previous == '\t') {
            return (&value[..i], Some(value[i..].trim_end()));
        }
        if c == '"' || c == '\'' {
            // A quoted value: not a plain list; the caller refuses it.
            return (value, None);
        }
        previous = c;
    }
    (value, None)
}

fn is_blank_or_comment(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ').trim_end();
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// Where the block under `areas:` ends: the first line at the margin that
/// is not a comment nor a `- ` entry.
fn block_end(lines: &[&str], start: usize) -> Result<usize, AreasError> {
    for (i, line) in lines.iter().enumerate().skip(start) {
        if line.starts_with('\t') {
            return Err(unsafe_because("areas-tabs"));
        }
        let at_margin = !line.starts_with(' ');
        let entry = line.starts_with("- ") || line.trim_end() == "-";
        if at_margin && !entry && !is_blank_or_comment(line) {
            return Ok(i);
        }
    }
    Ok(lines.len())
}

/// `- { id: …, name: … }` at `indent`.
fn entry(indent: &str, area: &NewArea, le: &str) -> String {
    format!(
        "{indent}- {{ id: {}, name: {} }}{le}",
        area.id,
        yaml_string(&area.name)
    )
}

/// `text` as a YAML scalar in a flow mapping: plain when it is words
/// (Chinese, letters, digits, Chinese punctuation), else double-quoted.
fn yaml_string(text: &str) -> String {
    let plain = text.chars().next().is_some_and(|c| !c.is_ascii())
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "（）《》“”、·—：；，。".contains(c));
    if plain {
        return text.to_string();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `config`'s areas are `old`'s followed by `added`.
fn same_areas(config: &SiteConfig, old: &[crate::config::AreaConfig], added: &[NewArea]) -> bool {
    let before = config.areas.len() == old.len() + added.len()
        && config
            .areas
            .iter()
            .zip(old)
            .all(|(a, b)| a.id == b.id && a.name == b.name && a.aliases == b.aliases);
    before
        && config.areas[old.len()..]
            .iter()
            .zip(added)
            .all(|(a, b)| a.id == b.id && a.name == b.name && a.aliases.is_empty())
}

/// The appended text read back: the old areas, then the new, and no new
/// mistake.
fn check(old: &SiteConfig, text: &str, added: &[NewArea]) -> Result<(), AreasError> {
    let new = parse(text)?;
    if !same_areas(&new, &old.areas, added) || new.mistakes().len() != old.mistakes().len() {
        return Err(unsafe_because("areas-append-read-back"));
    }
    Ok(())
}

/// Replaces site.yaml: a new file beside it (never through a link left
/// at that name), with site.yaml's permissions, renamed over it.
fn write(path: &Path, bom: bool, text: &str) -> Result<(), AreasError> {
    use std::io::Write as _;
    let temporary = path.with_file_name(".site.yaml.reportal-new");
    let mut bytes = Vec::with_capacity(text.len() + 3);
    if bom {
        bytes.extend_from_slice(b"\xEF\xBB\xBF");
    }
    bytes.extend_from_slice(text.as_bytes());
    let _ = std::fs::remove_file(&temporary);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| {
            file.write_all(&bytes)?;
            if let Ok(meta) = std::fs::metadata(path) {
                file.set_permissions(meta.permissions())?;
            }
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        AreasError::Write(e.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(text: &str, names: &[&str]) -> Result<String, AreasError> {
        let config = parse(text)?;
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let areas = new_areas(&config, &names);
        let out = appended(text, &config, &areas)?;
        check(&config, &out, &areas)?;
        Ok(out)
    }

    #[test]
    fn appends_to_a_block_list_keeping_every_other_byte() {
        let text = "title: 站点 # 标题\nareas:\n  - id: zhidu\n    name: 制度建设\n    aliases: [制度建设工作]\n  # 注释\n# 指标\nmetrics: []\n";
        let out = add(text, &["制度建设工作", "团的制度建设", "Youth: work"]).expect("appended");
        assert_eq!(
            out,
            "title: 站点 # 标题\nareas:\n  - id: zhidu\n    name: 制度建设\n    aliases: [制度建设工作]\n  - { id: tuan-de-zhi-du-jian-she, name: 团的制度建设 }\n  - { id: youth-work, name: \"Youth: work\" }\n  # 注释\n# 指标\nmetrics: []\n"
        );
    }

    #[test]
    fn empty_missing_and_crlf_forms() {
        assert_eq!(
            add("title: a\r\nareas: [] # none\r\n", &["宣传"]).expect("[]"),
            "title: a\r\nareas: # none\r\n  - { id: xuan-chuan, name: 宣传 }\r\n"
        );
        assert_eq!(
            add("title: a", &["宣传"]).expect("none"),
            "title: a\nareas:\n  - { id: xuan-chuan, name: 宣传 }\n"
        );
        assert_eq!(
            add("areas:\n- id: a\n  name: 甲\nunits: []\n", &["宣传"]).expect("margin"),
            "areas:\n- id: a\n  name: 甲\n- { id: xuan-chuan, name: 宣传 }\nunits: []\n"
        );
    }

    #[test]
    fn refuses_what_it_cannot_append_to() {
        for text in [
            "areas: [{ id: a, name: 甲 }]\n",
            "areas: &list\n  - { id: a, name: 甲 }\n",
            "{ areas: [{ id: a, name: 甲 }] }\n",
            "\"areas\":\n  - { id: a, name: 甲 }\n",
        ] {
            assert!(
                matches!(add(text, &["宣传"]), Err(AreasError::Unsafe(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn ids_are_unique_and_plain() {
        let text = "areas:\n  - { id: xuan-chuan, name: 宣传工作 }\n";
        let out = add(text, &["宣传", "宣 传", "★"]).expect("appended");
        assert!(out.contains("{ id: xuan-chuan-2, name: 宣传 }"), "{out}");
        assert!(!out.contains("宣 传"), "{out}");
        assert!(out.contains("{ id: 2605, name: \"★\" }"), "{out}");
    }
}
