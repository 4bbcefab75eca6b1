//! The catalogues, built into the binary, and Fluent bundles over them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use super::Lang;

/// Every catalogue file, per language, in the same order.
macro_rules! catalogue {
    ($lang:literal) => {
        [
            include_str!(concat!($lang, "/problems.ftl")),
            include_str!(concat!($lang, "/commands.ftl")),
            include_str!(concat!($lang, "/cli.ftl")),
            include_str!(concat!($lang, "/import.ftl")),
            include_str!(concat!($lang, "/serve.ftl")),
        ]
    };
}

const EN: [&str; 5] = catalogue!("en");
const ZH_CN: [&str; 5] = catalogue!("zh-CN");

fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &EN,
        Lang::ZhCn => &ZH_CN,
    }
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals show the isolation marks Fluent puts around values by
    // default as stray characters; messages are left-to-right anyway.
    bundle.set_use_isolating(false);
    for source in sources(lang) {
        // A slip in a catalogue keeps the rest of that file (the
        // completeness test fails on any slip).
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

pub(super) fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    for lang in [lang, Lang::En] {
        let bundle = &BUNDLES[lang as usize];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// Every message id of `lang`'s catalogues, with the variables each uses,
/// and the syntax errors found (for the completeness test).
pub fn ids(lang: Lang) -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let mut ids = BTreeMap::new();
    let mut errors = Vec::new();
    for source in sources(lang) {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((resource, found)) => {
                errors.extend(found.iter().map(|e| format!("{}: {e:?}", lang.tag())));
                resource
            }
        };
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut used = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    variables(pattern, &mut used);
                }
                if ids.insert(message.id.name.to_string(), used).is_some() {
                    errors.push(format!("{}: {} twice", lang.tag(), message.id.name));
                }
            }
        }
    }
    (ids, errors)
}

/// The `$names` a pattern reads, in its selectors and variants too.
pub fn variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                variables(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, found);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message exists in every language, reads the same values, and
    /// every catalogue parses: a message added in one language only, or a
    /// `{ $value }` misspelt in one, fails here.
    #[test]
    fn every_language_has_every_message() {
        let (english, errors) = ids(Lang::En);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(english.len() > 50, "{} messages", english.len());
        for lang in Lang::ALL {
            let (other, errors) = ids(lang);
            assert!(errors.is_empty(), "{errors:?}");
            let missing: Vec<_> = english
                .keys()
                .filter(|id| !other.contains_key(*id))
                .collect();
            let extra: Vec<_> = other
                .keys()
                .filter(|id| !english.contains_key(*id))
                .collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
            assert!(extra.is_empty(), "only {} has {extra:?}", lang.tag());
            for (id, used) in &english {
                assert_eq!(&other[id], used, "{id}: values differ in {}", lang.tag());
            }
        }
    }

    /// Every message id the code names exists: a string literal that
    /// starts like an id (`problem-`, `serve-`, …) is one, whether written
    /// in `msg!` or chosen before it. A misspelt id would print as itself.
    #[test]
    fn every_id_the_code_names_is_in_the_catalogues() {
        let (english, _) = ids(Lang::En);
        let prefixes: BTreeSet<&str> = english
            .keys()
            .filter_map(|id| id.split_once('-').map(|(prefix, _)| prefix))
            .collect();
        let mut named = BTreeSet::new();
        let source = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        for entry in walkdir::WalkDir::new(source).into_iter().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap_or_default();
            for literal in text.split('"').skip(1).step_by(2) {
                let id_like = literal
                    .split_once('-')
                    .is_some_and(|(prefix, rest)| prefixes.contains(prefix) && !rest.is_empty())
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if id_like {
                    named.insert((literal.to_string(), path.display().to_string()));
                }
            }
        }
        assert!(
            named.len() > 100,
            "found only {} ids in the code",
            named.len()
        );
        let unknown: Vec<_> = named
            .iter()
            .filter(|(id, _)| !english.contains_key(id))
            .collect();
        assert!(unknown.is_empty(), "not in any catalogue: {unknown:?}");
    }

    #[test]
    fn plural_forms_follow_the_language() {
        let count = |lang, n: usize| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            format(lang, "count-reports", Some(&args))
        };
        assert_eq!(count(Lang::En, 1), "1 report");
        assert_eq!(count(Lang::En, 3), "3 reports");
        assert_eq!(count(Lang::ZhCn, 1), "1 份报告");
        assert_eq!(count(Lang::ZhCn, 3), "3 份报告");
    }
}
