//! gongkai's integration tests, in one test binary: each area is a module
//! that runs the real `gongkai` binary on small fixture sites
//! (`tests/fixtures/`) and pins its exact output. The helpers they share
//! are in `support`. How to add a case: `tests/README.md`.

mod support;

mod a11y;
mod attacks;
mod build_errors;
mod build_render;
mod check;
mod citizens_layout;
mod cli;
mod csp;
mod elder;
mod import;
mod incremental_build;
mod inspector_rounds;
mod names;
mod output;
mod paste;
mod report;
mod report_errors;
mod report_issue11;
mod report_narrative;
mod review;
mod safety;
mod search;
mod serve;
mod staff_messages;
mod staff_rounds;
mod tools_selfcheck;
