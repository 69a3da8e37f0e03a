//! gongkai (公开): a static site generator for Chinese government
//! information-disclosure portals (政府信息公开专栏), as a library.
//!
//! The modules follow the pipeline, and dependencies point one way:
//! [`config`] → [`content`] (with `theme` and [`report`]) → [`validate`] →
//! [`render`] → [`output`], composed once in [`pipeline`], which every
//! command runs with a scope and a sink. [`check`] inspects what a run
//! produced; [`serve`] serves it. [`diag`] (findings as data, with codes) and
//! [`fsx`] (file-system calls that name their path) sit underneath all of
//! them. The `gongkai` binary is a thin command line over this crate.

#[macro_use]
pub mod i18n;
pub mod check;
pub mod config;
pub mod content;
pub mod diag;
pub mod fingerprint;
pub mod fsx;
pub mod import;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod review;
pub(crate) mod scheme;
pub mod serve;
mod theme;
pub mod validate;

/// The one configuration of every property test (`mod proptests` beside the
/// code it exercises; see tests/README.md): proptest's default of 256 cases,
/// or `PROPTEST_CASES` when set, so CI can run longer. Failures are not
/// saved to `proptest-regressions/`: a failure prints its shrunk input, and
/// a real bug gets a plain regression test instead.
#[cfg(test)]
pub(crate) fn proptest_config() -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    }
}
