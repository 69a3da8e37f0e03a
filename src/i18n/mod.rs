//! Every message a user can see, in Chinese (the default) or English.
//!
//! The text lives in Fluent catalogues, one file per area under
//! `i18n/zh-CN/` and `i18n/en/` (see [`catalogue`]); code names a message by
//! its id and passes the values to put in it:
//!
//! ```
//! let m = gongkai::t!("cli-err-unknown-arg", arg = "--outptu");
//! assert!(m.contains("--outptu"));
//! ```
//!
//! The language is chosen once per process, before the first message is
//! made ([`set`]): `--lang`, else `GONGKAI_LANG`, else Chinese. Diagnostics
//! are formatted when they are found, so a run speaks one language
//! throughout. A test (`i18n/tests.rs`) holds that both catalogues have the
//! same messages with the same placeholders, that every id the code names
//! exists, and that every message formats without error.

mod catalogue;
#[cfg(test)]
mod tests;

use fluent_bundle::{FluentArgs, FluentValue};
use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language gongkai speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 简体中文, the default.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// Reads a language name as people write it: `zh`, `zh-CN`, `zh_CN.UTF-8`,
    /// `中文`, `en`, `en_US`, `English` (any case).
    pub fn parse(name: &str) -> Option<Lang> {
        let n = name.trim().to_ascii_lowercase();
        let n = n.split(['.', '@']).next().unwrap_or("");
        if n == "zh"
            || n.starts_with("zh-")
            || n.starts_with("zh_")
            || n == "中文"
            || n == "chinese"
        {
            Some(Lang::Zh)
        } else if n == "en" || n.starts_with("en-") || n.starts_with("en_") || n == "english" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The catalogue folder's name (a BCP 47 tag).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every message made from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are made in.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Zh,
    }
}

/// The language asked for by a `--lang` value, else by `GONGKAI_LANG`,
/// else Chinese. An unknown name is returned as the error.
pub fn choose(flag: Option<&str>) -> Result<Lang, String> {
    let env = std::env::var("GONGKAI_LANG").ok();
    match flag.or(env.as_deref().filter(|v| !v.trim().is_empty())) {
        None => Ok(Lang::Zh),
        Some(name) => Lang::parse(name).ok_or_else(|| name.to_string()),
    }
}

/// A value put into a message: text or a number (numbers choose English
/// plural forms).
pub struct Arg<'a>(FluentValue<'a>);

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg(FluentValue::from(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg(FluentValue::from(s.as_str()))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg(FluentValue::from(s))
    }
}
impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg(FluentValue::from(s))
    }
}
impl<'a> From<&'a Cow<'a, str>> for Arg<'a> {
    fn from(s: &'a Cow<'a, str>) -> Self {
        Arg(FluentValue::from(s.as_ref()))
    }
}
impl<'a> From<&'a Box<str>> for Arg<'a> {
    fn from(s: &'a Box<str>) -> Self {
        Arg(FluentValue::from(&**s))
    }
}
impl<'a> From<&'a std::path::Path> for Arg<'a> {
    fn from(p: &'a std::path::Path) -> Self {
        Arg(FluentValue::from(p.display().to_string()))
    }
}
impl<'a> From<&'a std::path::PathBuf> for Arg<'a> {
    fn from(p: &'a std::path::PathBuf) -> Self {
        Arg(FluentValue::from(p.display().to_string()))
    }
}
impl From<char> for Arg<'_> {
    fn from(c: char) -> Self {
        Arg(FluentValue::from(c.to_string()))
    }
}

/// The message `id` in the current language, with `args` put in.
pub fn text(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    format(current(), id, None, args)
}

/// The attribute `attr` of message `id` (e.g. a code's `.fix`).
pub fn attr(id: &str, attr: &str) -> String {
    format(current(), id, Some(attr), &[])
}

/// Formats a message of `lang`. A missing message or argument never
/// panics: the id is shown instead (the catalogue test keeps that from
/// reaching a release).
pub(crate) fn format(lang: Lang, id: &str, attr: Option<&str>, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = catalogue::bundle(lang);
    let Some(msg) = bundle.get_message(id) else {
        return id.to_string();
    };
    let pattern = match attr {
        None => msg.value(),
        Some(a) => msg.get_attribute(a).map(|a| a.value()),
    };
    let Some(pattern) = pattern else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        fargs.set(*k, v.0.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// A message of the catalogue in the current language:
/// `t!("id")` or `t!("id", name = value, …)`; values are text, paths or
/// numbers.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

/// What went wrong with a file, said for office staff: the kind of
/// failure in their words rather than the system's English.
pub fn io_error(err: &std::io::Error) -> String {
    let id = io_error_id(err.kind());
    if id == "io-kind-other" {
        return text(id, &[("detail", Arg::from(err.to_string()))]);
    }
    text(id, &[])
}

fn io_error_id(kind: std::io::ErrorKind) -> &'static str {
    use std::io::ErrorKind as K;
    match kind {
        K::NotFound => "io-kind-not-found",
        K::PermissionDenied => "io-kind-permission",
        K::AlreadyExists => "io-kind-exists",
        K::StorageFull => "io-kind-full",
        K::ReadOnlyFilesystem => "io-kind-read-only",
        K::IsADirectory => "io-kind-is-dir",
        K::NotADirectory => "io-kind-not-dir",
        K::DirectoryNotEmpty => "io-kind-not-empty",
        K::InvalidFilename => "io-kind-bad-name",
        K::InvalidData => "io-kind-invalid-data",
        K::AddrInUse => "io-kind-addr-in-use",
        K::AddrNotAvailable => "io-kind-addr-unavailable",
        _ => "io-kind-other",
    }
}

/// True when the catalogues have message `id` (both languages have the
/// same messages).
pub fn has(id: &str) -> bool {
    catalogue::bundle(Lang::Zh).has_message(id)
}
