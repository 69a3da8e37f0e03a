//! The catalogues: one Fluent file per area and language, compiled into the
//! binary. A new area is one line in [`areas!`] and a file in each folder.

use super::Lang;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::sync::OnceLock;

/// A bundle of one language's messages.
pub(crate) type Bundle = FluentBundle<FluentResource>;

macro_rules! areas {
    ($($name:literal),* $(,)?) => {
        /// `(area, Chinese source, English source)` of every catalogue file.
        pub(crate) static FILES: &[(&str, &str, &str)] = &[$(
            ($name, include_str!(concat!("zh-CN/", $name, ".ftl")), include_str!(concat!("en/", $name, ".ftl"))),
        )*];
    };
}

areas![
    "diag", "codes", "cli", "io", "config", "content", "report", "check", "build", "render",
    "markdown", "review", "import",
];

/// The source of one area in `lang`.
pub(crate) fn source(lang: Lang, area: &(&str, &'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Zh => area.1,
        Lang::En => area.2,
    }
}

/// The bundle of `lang`, built on first use. A file that does not parse
/// is kept as far as it parses (the catalogue test fails on it).
pub(crate) fn bundle(lang: Lang) -> &'static Bundle {
    static ZH: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    cell.get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let tag = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Bidi isolation marks are for right-to-left text; in a terminal or a
    // file name they are invisible junk.
    bundle.set_use_isolating(false);
    for area in FILES {
        let res = match FluentResource::try_new(source(lang, area).to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        // No id is defined twice (the catalogue test holds that).
        bundle.add_resource_overriding(res);
    }
    bundle
}
