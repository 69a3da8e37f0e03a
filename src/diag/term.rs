//! Lines for the terminal that never panic. `println!` panics when stdout
//! is a pipe that was closed (`gongkai check --format json | head -c 100`);
//! here a failed write instead marks that stream closed, later lines to it
//! are dropped, and the command carries on and exits with its own code: a
//! build whose log nobody reads any more still finishes or aborts cleanly,
//! never half-way.

use std::fmt;
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes one line to stdout, unless stdout was found closed.
pub fn out_line(args: fmt::Arguments<'_>) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{args}").and_then(|()| out.flush()).is_err() {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// Writes one line to stderr, unless stderr was found closed.
pub fn err_line(args: fmt::Arguments<'_>) {
    if STDERR_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if writeln!(std::io::stderr().lock(), "{args}").is_err() {
        STDERR_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// `println!` that does not panic on a closed pipe.
#[macro_export]
macro_rules! outln {
    () => { $crate::diag::term::out_line(format_args!("")) };
    ($($arg:tt)*) => { $crate::diag::term::out_line(format_args!($($arg)*)) };
}

/// `eprintln!` that does not panic on a closed pipe.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => { $crate::diag::term::err_line(format_args!($($arg)*)) };
}
