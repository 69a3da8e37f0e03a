//! Render stage: turns the validated content model into output files.

pub(crate) mod markdown;
