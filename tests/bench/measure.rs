//! Running and timing one command: wall time from this process, CPU time
//! (user + system) and peak resident memory from GNU time's report
//! (`/usr/bin/time`, Debian package `time`), and medians over runs.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// GNU time; without it only wall times are measured.
pub(crate) const GNU_TIME: &str = "/usr/bin/time";

/// One timed run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sample {
    /// Seconds.
    pub(crate) wall: f64,
    /// User + system seconds.
    pub(crate) cpu: Option<f64>,
    /// Peak resident set, KiB.
    pub(crate) rss_kib: Option<u64>,
}

/// The medians of a case's timed runs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stats {
    pub(crate) wall: f64,
    pub(crate) cpu: Option<f64>,
    pub(crate) rss_kib: Option<u64>,
    /// Fastest and slowest wall time, to show the spread.
    pub(crate) min: f64,
    pub(crate) max: f64,
}

pub(crate) fn have_gnu_time() -> bool {
    Path::new(GNU_TIME).is_file()
}

/// Runs `program args` to completion; fails unless it exits with 0.
pub(crate) fn run(
    program: &Path,
    args: &[&std::ffi::OsStr],
    scratch: &Path,
) -> anyhow::Result<Sample> {
    let report = scratch.join("time.out");
    let mut cmd = if have_gnu_time() {
        let mut c = Command::new(GNU_TIME);
        c.arg("-f")
            .arg("%U %S %M")
            .arg("-o")
            .arg(&report)
            .arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let out = cmd.output()?;
    let wall = start.elapsed().as_secs_f64();
    anyhow::ensure!(
        out.status.success(),
        "`{} {}` failed ({}): {}",
        program.display(),
        args.iter()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" "),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let (mut cpu, mut rss_kib) = (None, None);
    if have_gnu_time() {
        let text = std::fs::read_to_string(&report)?;
        // The last line: a child killed by a signal adds a line before it.
        let fields: Vec<&str> = text
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        if let [user, sys, rss] = fields[..] {
            cpu = Some(user.parse::<f64>()? + sys.parse::<f64>()?);
            rss_kib = Some(rss.parse()?);
        }
    }
    Ok(Sample { wall, cpu, rss_kib })
}

fn median_f64(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

pub(crate) fn stats(samples: &[Sample]) -> Stats {
    let walls: Vec<f64> = samples.iter().map(|s| s.wall).collect();
    let cpus: Option<Vec<f64>> = samples.iter().map(|s| s.cpu).collect();
    let rss: Option<Vec<f64>> = samples
        .iter()
        .map(|s| s.rss_kib.map(|k| k as f64))
        .collect();
    Stats {
        wall: median_f64(walls.clone()),
        cpu: cpus.map(median_f64),
        rss_kib: rss.map(|r| median_f64(r) as u64),
        min: walls.iter().copied().fold(f64::INFINITY, f64::min),
        max: walls.iter().copied().fold(0.0, f64::max),
    }
}

/// Median and worst of plain durations (milliseconds).
pub(crate) fn median_worst(ms: &[f64]) -> (f64, f64) {
    (
        median_f64(ms.to_vec()),
        ms.iter().copied().fold(0.0, f64::max),
    )
}

/// Runs `prepare` then the command once untimed (the warm-up), then `runs`
/// times timed, with `prepare` before each.
pub(crate) fn case(
    runs: usize,
    mut prepare: impl FnMut() -> anyhow::Result<()>,
    program: &Path,
    args: &[&std::ffi::OsStr],
    scratch: &Path,
) -> anyhow::Result<Stats> {
    prepare()?;
    run(program, args, scratch)?;
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        prepare()?;
        samples.push(run(program, args, scratch)?);
    }
    Ok(stats(&samples))
}
