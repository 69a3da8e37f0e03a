//! What the test modules share, and nothing they assert: fixture folders
//! made into sites, the binary run on them, a running preview server, and
//! the external HTML checkers.

pub(crate) mod fixture;
pub(crate) mod preview;
pub(crate) mod random;
pub(crate) mod site;
pub(crate) mod tools;
