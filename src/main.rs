//! gongkai: a static site generator for government information-disclosure portals.

mod diag;
mod render;
mod report;

fn main() {}
