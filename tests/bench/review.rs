//! `cargo bench --bench review`: `gongkai review` over a folder of generated
//! annual reports (issue 17: a few hundred reports, under a second per
//! hundred). For each N it writes N report files of the 2021 edition, N/2
//! agencies with their 2022 and 2023 reports (so the carry-over between
//! years is checked for each), one in ten with a published error, then times
//! `gongkai review DIR --year 2023 --sum --format json --output FILE` (read,
//! every rule, carry-over, sum, JSON written), and the same with
//! `--format html`. It rewrites its own section at the end of
//! BENCHMARKS.md (from the `<!-- review-bench -->` marker; the portal
//! benchmark keeps it).
//!
//! Settings: `GONGKAI_BENCH_REVIEW_N` (default `100,300,600`),
//! `GONGKAI_BENCH_RUNS` (default 5), `GONGKAI_BENCH_MD=0` to leave
//! BENCHMARKS.md alone.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const MARK: &str = "<!-- review-bench -->";

/// The template: a clean 2023 report of the test fixtures.
fn template() -> anyhow::Result<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/review/agencies/财政局/2023.yaml");
    Ok(std::fs::read_to_string(path)?)
}

/// Writes `n` reports under `dir`: agency `i` has 2022 and 2023.
fn generate(dir: &Path, n: usize) -> anyhow::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    let base = template()?;
    for i in 0..n {
        let agency = format!("第{}局", i / 2 + 1);
        let year = if i % 2 == 0 { 2022 } else { 2023 };
        let mut text = base
            .replace("agency: 财政局", &format!("agency: {agency}"))
            .replace("year: 2023", &format!("year: {year}"))
            .replace(
                "published: 2024-01-18",
                &format!("published: {}-01-18", year + 1),
            )
            .replace("行政许可: [100]", &format!("行政许可: [{}]", 100 + i));
        if year == 2022 {
            text = text.replace("行政规范性文件: [1, 0, 4]", "行政规范性文件: [1, 0, 3]");
        }
        if i % 10 == 9 {
            // A published error: a row total that does not add up.
            text = text.replace("[3, 1, 0, 0, 0, 0, 4]", "[3, 1, 0, 0, 0, 0, 5]");
        }
        let folder = dir.join(&agency);
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join(format!("{year}.yaml")), text)?;
    }
    Ok(())
}

fn run(gongkai: &Path, dir: &Path, format: &str, out: &Path) -> anyhow::Result<Duration> {
    let start = Instant::now();
    let status = Command::new(gongkai)
        .args([
            "review",
            "--year",
            "2023",
            "--sum",
            "--as-of",
            "2024-03-10",
            "--format",
            format,
        ])
        .arg("--output")
        .arg(out)
        .arg(dir)
        .output()?;
    let took = start.elapsed();
    // One in ten has an error: exit code 1 is the expected outcome.
    anyhow::ensure!(
        status.status.code() == Some(1),
        "review failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    Ok(took)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() -> anyhow::Result<()> {
    let ns: Vec<usize> = std::env::var("GONGKAI_BENCH_REVIEW_N")
        .unwrap_or_else(|_| "100,300,600".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let runs: usize = std::env::var("GONGKAI_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("review-bench");
    std::fs::create_dir_all(&dir)?;
    let gongkai = dir.join("gongkai-under-test");
    std::fs::copy(env!("CARGO_BIN_EXE_gongkai"), &gongkai)?;
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut rows = Vec::new();
    let mut slowest: f64 = 0.0;
    for &n in &ns {
        let reports = dir.join(format!("n{n}"));
        generate(&reports, n)?;
        let mut line = format!("| {n} |");
        for format in ["json", "html"] {
            let out = dir.join(format!("n{n}.{format}"));
            run(&gongkai, &reports, format, &out)?;
            let times: Vec<Duration> = (0..runs)
                .map(|_| run(&gongkai, &reports, format, &out))
                .collect::<anyhow::Result<_>>()?;
            let (lo, hi) = (times.iter().min().copied(), times.iter().max().copied());
            let m = median(times);
            let per100 = m.as_secs_f64() / (n as f64 / 100.0);
            slowest = slowest.max(per100);
            line.push_str(&format!(
                " {:.3} s | {:.3}–{:.3} s | {:.3} s |",
                m.as_secs_f64(),
                lo.unwrap_or_default().as_secs_f64(),
                hi.unwrap_or_default().as_secs_f64(),
                per100
            ));
        }
        println!("{line}");
        rows.push(line);
    }
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let date = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let verdict = if slowest <= 1.0 { "met" } else { "missed" };
    let section = format!(
        "{MARK}\n## `gongkai review`\n\n\
         Written by `cargo bench --bench review` (tests/bench/review.rs); rerun it to update this \
         section. N report files of the 2021 edition in N/2 agency folders (each agency's 2022 and \
         2023 reports, so rule F/G carry-over is checked for every agency; one report in ten has a \
         published rule B/A error), reviewed with `gongkai review DIR --year 2023 --sum --as-of \
         2024-03-10 --format json|html --output FILE`: every file read by the report reader, every \
         rule, the carry-over, the expected-agency and lateness checks, the sum of the clean 2023 \
         reports, the output written. Release build; wall time of the whole process, median of {runs} \
         runs after one warm-up. The issue's target is under 1 s per hundred reports.\n\n\
         Machine: {cpus} CPUs, {date}; load average (1, 5, 15 min) at start {}.\n\n\
         | N reports | JSON: wall (median) | min–max | per 100 | HTML: wall (median) | min–max | per 100 |\n\
         |---:|---:|---:|---:|---:|---:|---:|\n{}\n\n\
         Slowest per hundred reports: {slowest:.3} s; target under 1 s per hundred: **{verdict}**.\n",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
        rows.join("\n")
    );
    if std::env::var("GONGKAI_BENCH_MD").as_deref() != Ok("0") {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("BENCHMARKS.md");
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        let before = old.find(MARK).map_or(old.as_str(), |at| &old[..at]);
        std::fs::write(&path, format!("{}\n\n{section}", before.trim_end()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
