//! What reportal says to the people who run it — errors, warnings,
//! notes, summaries, `--help` — in their language. The words live in
//! Fluent catalogues, one folder per language (`en/`, `zh-CN/`), one file
//! per part of the program; code names a message by its id and passes
//! its values, and Fluent picks plural forms ("1 report", "3 reports").
//!
//! The language is chosen once per run: `--lang` or `REPORTAL_LANG` when
//! given, else the site's `language` (for commands run in a site), else
//! the system's locale. Pages' own words are the theme's (`load::i18n`).

mod catalogue;

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

pub use fluent_bundle::{FluentArgs, FluentValue};

/// The languages messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The language of a tag (`zh-CN`, `zh_CN.UTF-8`, `en-US`, `fr`): any
    /// Chinese is zh-CN, the only Chinese catalogue; anything else that
    /// is not Chinese reads English.
    pub fn from_tag(tag: &str) -> Lang {
        let language = tag.split(['-', '_', '.', '@']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// The catalogue folder's name.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    fn index(self) -> u8 {
        self as u8
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);
/// Set when the person asked for a language (`--lang`, `REPORTAL_LANG`):
/// a site's own language then does not change it.
static ASKED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Set by `with_language` for what one thread says in the meantime.
    static ON_THIS_THREAD: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// What `say` returns when messages made on this thread are in `lang`,
/// whatever the run's language (other threads keep theirs).
pub fn with_language<R>(lang: Lang, say: impl FnOnce() -> R) -> R {
    let before = ON_THIS_THREAD.replace(Some(lang));
    let said = say();
    ON_THIS_THREAD.set(before);
    said
}

/// The language messages are printed in now (English until told).
pub fn language() -> Lang {
    if let Some(lang) = ON_THIS_THREAD.get() {
        return lang;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::ZhCn,
        _ => Lang::En,
    }
}

/// Uses `lang` from now on, whatever a site says.
pub fn ask_for(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
    ASKED.store(true, Ordering::Relaxed);
}

/// Uses the system's language until a site or the person says otherwise.
pub fn use_system(lang: Lang) {
    if !ASKED.load(Ordering::Relaxed) {
        CURRENT.store(lang.index(), Ordering::Relaxed);
    }
}

/// A site's `language:` decides, unless the person asked for one.
pub fn follow_site(tag: &str) {
    use_system(Lang::from_tag(tag));
}

/// Chooses the language at the start of a run: the one asked for on the
/// command line or in `REPORTAL_LANG`, else the system's (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`; Windows' own setting there), else English.
/// Returns a language asked for that reportal does not speak (it then
/// speaks English), for the caller to say so.
pub fn choose(asked: Option<&str>) -> Option<String> {
    let asked = asked
        .map(str::to_string)
        .or_else(|| std::env::var("REPORTAL_LANG").ok())
        .filter(|tag| !tag.trim().is_empty());
    match asked {
        Some(tag) => {
            let tag = tag.trim();
            ask_for(Lang::from_tag(tag));
            (!known(tag)).then(|| tag.to_string())
        }
        None => {
            use_system(sys_locale::get_locale().map_or(Lang::En, |tag| Lang::from_tag(&tag)));
            None
        }
    }
}

/// Whether `tag` names a language reportal speaks (`zh`, `zh-CN`,
/// `zh_CN.UTF-8`, `en`, `en-GB` …).
fn known(tag: &str) -> bool {
    let language = tag.split(['-', '_', '.', '@']).next().unwrap_or("");
    language.eq_ignore_ascii_case("zh") || language.eq_ignore_ascii_case("en")
}

/// The message `id` in the current language, with its values filled in.
/// A message the language lacks is said in English; one no catalogue has
/// prints as its id (the completeness test keeps that from happening).
pub fn text(id: &str, args: Option<&FluentArgs>) -> String {
    catalogue::format(language(), id, args)
}

/// The message `id` in `lang`, whatever the current language.
pub fn text_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    catalogue::format(lang, id, args)
}

pub use catalogue::ids;

/// Names listed in a message: `甲, 乙` in English, `甲、乙` in Chinese.
pub fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let separator = text("list-separator", None);
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(&separator);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// A name with an aside, as lists show units and areas: `gz (广州团市委)`
/// in English, `gz（广州团市委）` in Chinese.
pub fn named(main: &str, aside: &str) -> String {
    crate::msg!("list-named", main = main, aside = aside)
}

/// A value a message shows: text as written, numbers as numbers (so
/// plural forms can be chosen).
pub trait Arg {
    fn into_value(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(visible(self))
    }
}

impl Arg for String {
    fn into_value(self) -> FluentValue<'static> {
        if self.chars().any(hidden) {
            FluentValue::from(visible(&self))
        } else {
            FluentValue::from(self)
        }
    }
}

impl Arg for &String {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(visible(self))
    }
}

/// Text shown as it is, control characters and all: what reportal made
/// itself (a terminal's colours around an argument), never a writer's.
#[derive(Clone)]
pub struct Raw(pub String);

impl Arg for Raw {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.0)
    }
}

/// A control character other than a line break or tab: written into a
/// file or folder name, a heading or a unit's name, it would reach the
/// terminal as it is (an escape sequence recolours it, moves the cursor,
/// retitles the window).
fn hidden(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with its control characters shown as `\u{1b}`.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_value(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32);

impl Arg for u128 {
    fn into_value(self) -> FluentValue<'static> {
        // Milliseconds and the like: never near f64's 2^53.
        FluentValue::from(self as f64)
    }
}

/// `msg!("build-done", reports = 3)`: the message in the current
/// language, its values given by name.
#[macro_export]
macro_rules! msg {
    ($id:expr) => {
        $crate::messages::text($id, None)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::messages::FluentArgs::new();
        $( args.set(stringify!($name), $crate::messages::Arg::into_value($value)); )+
        $crate::messages::text($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a writer put in a name reaches the terminal without its
    /// control characters (an escape sequence would recolour it).
    #[test]
    fn values_show_control_characters_instead_of_sending_them() {
        let said = with_language(Lang::En, || {
            crate::msg!("problem-unknown-area", name = "未知\u{1b}[31m红\u{7}\t甲")
        });
        assert_eq!(
            said,
            "work area `未知\\u{1b}[31m红\\u{7}\t甲` is not in site.yaml"
        );
        let owned = with_language(Lang::ZhCn, || {
            crate::msg!("problem-unknown-area", name = String::from("a\u{9b}b"))
        });
        assert!(owned.contains("a\\u{9b}b"), "{owned}");
    }
}
