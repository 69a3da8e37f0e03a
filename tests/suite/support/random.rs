//! A small random-number generator (xorshift) for tests that try random
//! sequences: seeded from an environment variable when it is set, else from
//! the clock, and the seed is printed so a failure can be replayed.

/// A generator whose calls give a number below the argument (0 for 0),
/// seeded from `var` or the clock.
pub(crate) fn seeded(var: &str) -> impl FnMut(u64) -> u64 {
    let seed = std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("random seed: {var}={seed}");
    let mut x = seed | 1;
    move |below| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % below.max(1)
    }
}
