//! Reporting: the machine and versions, the per-N tables on the terminal,
//! and `BENCHMARKS.md` with the issue's targets marked met or missed.

use crate::measure::Stats;
use crate::serve::ServeResult;
use crate::{Row, Settings};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// What the figures were measured on.
#[derive(Debug, Clone)]
pub(crate) struct Machine {
    pub(crate) cpus: usize,
    pub(crate) cpu_model: String,
    pub(crate) memory: String,
    pub(crate) disk: String,
    pub(crate) load_start: String,
    pub(crate) load_end: String,
    pub(crate) date: String,
    pub(crate) gongkai: String,
    pub(crate) hugo: String,
    pub(crate) rustc: String,
    pub(crate) commit: String,
}

fn first_line(cmd: &str, args: &[&str]) -> String {
    Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().next().map(str::to_owned))
        .unwrap_or_else(|| "not available".into())
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The filesystem holding `dir` and whether its device spins.
fn disk_note(dir: &Path) -> String {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mounts = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
    let best = mounts
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() > 2 && dir.starts_with(f[1]))
                .then(|| (f[0].to_owned(), f[1].to_owned(), f[2].to_owned()))
        })
        .max_by_key(|(_, at, _)| at.len());
    let Some((dev, at, fs)) = best else {
        return "unknown".into();
    };
    let name = dev.trim_start_matches("/dev/");
    let rot = std::fs::read_to_string(format!("/sys/block/{name}/queue/rotational"))
        .map(|s| s.trim().to_owned());
    let kind = match rot.as_deref() {
        Ok("0") => "non-rotational (SSD or virtual disk)",
        Ok("1") => "rotational as the kernel reports it (virtual disks often do)",
        _ => "type unknown",
    };
    format!("{dev} ({fs}, mounted at {at}), {kind}")
}

impl Machine {
    pub(crate) fn probe(dir: &Path, gongkai: &Path) -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu_model = cpuinfo
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")
                    .and_then(|r| r.split_once(':'))
                    .map(|(_, m)| m.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown".into());
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let memory = meminfo
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok())
            .map_or_else(
                || "unknown".into(),
                |kb| format!("{:.1} GiB", kb / 1024.0 / 1024.0),
            );
        let root = env!("CARGO_MANIFEST_DIR");
        let head = first_line("git", &["-C", root, "rev-parse", "--short", "HEAD"]);
        let dirty = Command::new("git")
            .args(["-C", root, "status", "--porcelain", "--untracked-files=no"])
            .output()
            .is_ok_and(|o| !o.stdout.is_empty());
        Self {
            cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu_model,
            memory,
            disk: disk_note(dir),
            load_start: loadavg(),
            load_end: String::new(),
            date: first_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
            gongkai: first_line(&gongkai.to_string_lossy(), &["--version"]),
            hugo: first_line("hugo", &["version"]),
            rustc: first_line("rustc", &["-V"]),
            commit: if dirty {
                format!("{head} with uncommitted changes in the working tree")
            } else {
                head
            },
        }
    }

    pub(crate) fn finish(mut self) -> Self {
        self.load_end = loadavg();
        self
    }

    pub(crate) fn summary(&self) -> String {
        format!(
            "machine: {} CPUs ({}), {}, load {}\nversions: {}; {}; {}; commit {}",
            self.cpus,
            self.cpu_model,
            self.memory,
            self.load_start,
            self.gongkai,
            self.hugo,
            self.rustc,
            self.commit
        )
    }
}

fn mib(st: &Stats) -> String {
    st.rss_kib
        .map_or_else(|| "–".into(), |k| format!("{:.0} MiB", k as f64 / 1024.0))
}

fn cpu(st: &Stats) -> String {
    st.cpu.map_or_else(|| "–".into(), |c| format!("{c:.2} s"))
}

fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}×", a / b)
}

fn rss_ratio(a: &Stats, b: &Stats) -> Option<f64> {
    Some(a.rss_kib? as f64 / b.rss_kib? as f64)
}

/// The cases of a row: label, figures, pages the run wrote.
fn cases(r: &Row) -> Vec<(&'static str, Stats, usize)> {
    let mut v = vec![
        ("gongkai cold, tmpfs", r.gk_cold, r.gk_pages),
        ("gongkai cold, no minify", r.gk_cold_plain, r.gk_pages),
        ("gongkai rebuild, disk", r.gk_rebuild, r.gk_pages),
        ("gongkai one edit, disk", r.gk_edit, r.gk_pages),
        ("gongkai edit, checkout", r.gk_edit_checkout, r.gk_pages),
    ];
    if let (Some(c), Some(b)) = (r.hugo_cold, r.hugo_rebuild) {
        v.push(("Hugo cold, tmpfs", c, r.hugo_pages));
        if let Some(p) = r.hugo_cold_plain {
            v.push(("Hugo cold, no minify", p, r.hugo_pages));
        }
        v.push(("Hugo rebuild, disk", b, r.hugo_pages));
    }
    if let Some(e) = r.hugo_edit {
        v.push(("Hugo one edit, disk", e, r.hugo_pages));
    }
    v.push(("cp -r output → tmpfs", r.cp, r.gk_pages));
    v
}

pub(crate) fn print_row(r: &Row) {
    println!(
        "N={}: gongkai wrote {} HTML pages ({} files, {:.0} MiB); Hugo {} HTML pages ({} files)",
        r.n,
        r.gk_pages,
        r.gk_files,
        r.gk_bytes as f64 / 1048576.0,
        r.hugo_pages,
        r.hugo_files
    );
    println!(
        "  {:<24} {:>9} {:>9} {:>10} {:>10}",
        "case", "wall", "CPU", "pages/s", "peak RSS"
    );
    for (label, st, pages) in cases(r) {
        println!(
            "  {:<24} {:>7.3} s {:>9} {:>10.0} {:>10}",
            label,
            st.wall,
            cpu(&st),
            pages as f64 / st.wall,
            mib(&st)
        );
    }
    if let (Some(hc), Some(hr)) = (r.hugo_cold, r.hugo_rebuild) {
        println!(
            "  gongkai/Hugo: cold {}, rebuild {}, peak RSS {}; gongkai cold / cp -r {}",
            ratio(r.gk_cold.wall, hc.wall),
            ratio(r.gk_rebuild.wall, hr.wall),
            rss_ratio(&r.gk_cold, &hc).map_or("–".into(), |x| format!("{x:.2}×")),
            ratio(r.gk_cold.wall, r.cp.wall)
        );
    } else {
        println!(
            "  gongkai cold / cp -r {}",
            ratio(r.gk_cold.wall, r.cp.wall)
        );
    }
}

/// One target: what, the figure, the limit, and whether it was met.
struct Target {
    what: &'static str,
    figure: Option<f64>,
    limit: f64,
    unit: &'static str,
    why_missing: &'static str,
}

fn targets(rows: &[Row], serve: Option<&(usize, ServeResult)>) -> Vec<Target> {
    let at = |n: usize| rows.iter().find(|r| r.n == n);
    let (r10, r50) = (at(10_000), at(50_000));
    let hugo_ratio = |f: fn(&Row) -> Option<f64>| r10.and_then(f);
    let serve_median = serve.and_then(|(n, r)| match r {
        ServeResult::Measured(f) if *n == 10_000 => Some(f.line.0),
        _ => None,
    });
    vec![
        Target {
            what: "Cold build, 10,000 items, tmpfs: gongkai / Hugo wall time",
            figure: hugo_ratio(|r| Some(r.gk_cold.wall / r.hugo_cold?.wall)),
            limit: 0.25,
            unit: "×",
            why_missing: "needs N=10000 and Hugo",
        },
        Target {
            what: "Cold build, 10,000 items, tmpfs, neither minifies: gongkai `--no-minify` / Hugo without `--minify`",
            figure: hugo_ratio(|r| Some(r.gk_cold_plain.wall / r.hugo_cold_plain?.wall)),
            limit: 0.25,
            unit: "×",
            why_missing: "needs N=10000 and Hugo",
        },
        Target {
            what: "Minification's share of the cold build, 10,000 items: (default − `--no-minify`) / default, CPU time",
            figure: r10
                .and_then(|r| Some((r.gk_cold.cpu? - r.gk_cold_plain.cpu?) / r.gk_cold.cpu?)),
            limit: 0.25,
            unit: "",
            why_missing: "needs N=10000 and /usr/bin/time",
        },
        Target {
            what: "Cold build, 10,000 items, tmpfs: gongkai / `cp -r` of its output",
            figure: r10.map(|r| r.gk_cold.wall / r.cp.wall),
            limit: 3.0,
            unit: "×",
            why_missing: "needs N=10000",
        },
        Target {
            what: "No-change rebuild, 10,000 items, disk: gongkai / Hugo wall time",
            figure: hugo_ratio(|r| Some(r.gk_rebuild.wall / r.hugo_rebuild?.wall)),
            limit: 0.2,
            unit: "×",
            why_missing: "needs N=10000 and Hugo",
        },
        Target {
            what: "One notice edited, 10,000 items, build into the output on disk: gongkai / Hugo",
            figure: hugo_ratio(|r| Some(r.gk_edit.wall / r.hugo_edit?.wall)),
            limit: 0.02,
            unit: "×",
            why_missing: "needs N=10000 and Hugo",
        },
        Target {
            what: "One notice edited, every file's time new (a fresh checkout), 10,000 items: gongkai / Hugo's one edit",
            figure: hugo_ratio(|r| Some(r.gk_edit_checkout.wall / r.hugo_edit?.wall)),
            limit: 0.02,
            unit: "×",
            why_missing: "needs N=10000 and Hugo",
        },
        Target {
            what: "One notice edited, 50,000 items, build into the output on disk",
            figure: r50.map(|r| r.gk_edit.wall),
            limit: 0.3,
            unit: " s",
            why_missing: "needs N=50000",
        },
        Target {
            what: "Peak memory, 50,000 items, cold build",
            figure: r50.and_then(|r| r.gk_cold.rss_kib.map(|k| k as f64 / 1024.0)),
            limit: 300.0,
            unit: " MiB",
            why_missing: "needs N=50000 and /usr/bin/time",
        },
        Target {
            what: "Peak memory, 10,000 items, cold build: gongkai / Hugo",
            figure: hugo_ratio(|r| rss_ratio(&r.gk_cold, &r.hugo_cold?)),
            limit: 0.2,
            unit: "×",
            why_missing: "needs N=10000, Hugo and /usr/bin/time",
        },
        Target {
            what: "Cold build time, 50,000 / 10,000 items",
            figure: r10.zip(r50).map(|(a, b)| b.gk_cold.wall / a.gk_cold.wall),
            limit: 5.5,
            unit: "×",
            why_missing: "needs N=10000 and 50000",
        },
        Target {
            what: "Cold build time, 50,000 / 10,000 items (issue 15's limit)",
            figure: r10.zip(r50).map(|(a, b)| b.gk_cold.wall / a.gk_cold.wall),
            limit: 5.0,
            unit: "×",
            why_missing: "needs N=10000 and 50000",
        },
        Target {
            what: "No-change rebuild time, 50,000 / 10,000 items",
            figure: r10
                .zip(r50)
                .map(|(a, b)| b.gk_rebuild.wall / a.gk_rebuild.wall),
            limit: 5.5,
            unit: "×",
            why_missing: "needs N=10000 and 50000",
        },
        Target {
            what: "Peak memory, 50,000 / 10,000 items (proportionate: at most 5.5×)",
            figure: r10
                .zip(r50)
                .and_then(|(a, b)| rss_ratio(&b.gk_cold, &a.gk_cold)),
            limit: 5.5,
            unit: "×",
            why_missing: "needs N=10000 and 50000 and /usr/bin/time",
        },
        Target {
            what: "`serve`, 10,000 items: median from saving a notice to the rebuild line",
            figure: serve_median,
            limit: 100.0,
            unit: " ms",
            why_missing: "serve benchmark not run or serve not available",
        },
    ]
}

fn verdict(t: &Target) -> String {
    match t.figure {
        None => format!("not measured ({})", t.why_missing),
        Some(f) if f <= t.limit => format!("**met** ({f:.3}{})", t.unit),
        Some(f) => format!("**missed** ({f:.3}{})", t.unit),
    }
}

/// The serve figures in a sentence.
pub(crate) fn serve_text(serve: Option<&(usize, ServeResult)>) -> String {
    match serve {
        None => "not run (GONGKAI_BENCH_SERVE=0)".into(),
        Some((_, ServeResult::NotAvailable)) => {
            "serve not available (this gongkai has no `serve` command)".into()
        }
        Some((n, ServeResult::Failed(e))) => format!("N={n}: failed: {e}"),
        Some((n, ServeResult::Measured(f))) => {
            let mut s = format!(
                "N={n}, {} saves of one notice: write → rebuild line on stdout median {:.0} ms, worst {:.0} ms",
                f.edits, f.line.0, f.line.1
            );
            if let Some((m, w)) = f.event {
                let _ = write!(
                    s,
                    "; write → reload event (SSE) median {m:.0} ms, worst {w:.0} ms"
                );
            }
            if let Some((m, w)) = f.own {
                let _ = write!(
                    s,
                    "; the server's own figure median {m:.0} ms, worst {w:.0} ms"
                );
            }
            if let Some(ms) = f.startup_ms {
                let _ = write!(s, "; first full build at start-up {ms:.0} ms");
            }
            let _ = write!(s, " (last line: `{}`)", f.last_line);
            if let Some(ix) = &f.index {
                let _ = write!(
                    s,
                    "; the search index came {:.1} s after start-up, and {:.1} s after the last save{}",
                    ix.startup / 1000.0,
                    ix.after_last_save / 1000.0,
                    ix.own.map_or(String::new(), |ms| format!(
                        " (the server's own figure {:.1} s)",
                        ms / 1000.0
                    ))
                );
            }
            s
        }
    }
}

/// The closing lines on the terminal.
pub(crate) fn summary(rows: &[Row], serve: Option<&(usize, ServeResult)>) -> String {
    let mut s = String::from("Targets:\n");
    for t in targets(rows, serve) {
        let _ = writeln!(
            s,
            "  {} (≤ {}{}): {}",
            t.what,
            t.limit,
            t.unit,
            verdict(&t).replace("**", "")
        );
    }
    let _ = write!(s, "serve: {}", serve_text(serve));
    s
}

/// The whole `BENCHMARKS.md`.
pub(crate) fn render(
    s: &Settings,
    m: &Machine,
    rows: &[Row],
    serve: Option<&(usize, ServeResult)>,
    serve_search: Option<&(usize, ServeResult)>,
    have_hugo: bool,
) -> String {
    let mut md = String::from(
        "# Benchmarks\n\n\
         Written by `cargo bench --bench portal` (tests/bench/portal.rs); rerun it to update this file.\n\
         gongkai against Hugo on the same synthetic portal: N list items over the four list columns\n\
         (Chinese bodies of 300–1,500 characters, some lines hard-wrapped, a list in each, a GFM table\n\
         in one item of ten, full 信息索引 front matter, dates over ten years, an attachment in one\n\
         item of fifty), the three page columns, and 20 annual reports (2005–2024, each on the form due\n\
         for its year: 2019's up to 2020, 2021's after). Pages of 20 items; Hugo renders the same pages with equivalent templates (feeds of 50\n\
         entries for the site and each list column, sitemap.xml, no taxonomies). Hugo builds no search\n\
         index, so the gongkai cases compared with it (and `cp -r` and `serve`) build with `search: false`\n\
         in site.yaml: the same work on both sides. The site search's own figures (the cold build with\n\
         the index, the first query's download, recall and precision) are in their own section below.\n\n",
    );
    let _ = write!(
        md,
        "## Machine\n\n\
         - Date: {}\n- CPUs: {} ({})\n- Memory: {}\n- Disk for sites and on-disk outputs: {}\n\
         - Cold builds write to tmpfs (`/dev/shm`)\n\
         - Load average (1, 5, 15 min) at start: {}; at end: {}{}\n\n\
         ## Versions\n\n- gongkai: {} (commit {}), release build, copied before the first case so that\n  other builds in the target folder cannot swap it mid-run\n- Hugo: {}\n- rustc: {}\n\n",
        m.date,
        m.cpus,
        m.cpu_model,
        m.memory,
        m.disk,
        m.load_start,
        m.load_end,
        if m.load_start
            .split_whitespace()
            .next()
            .and_then(|l| l.parse::<f64>().ok())
            .is_some_and(|l| l > m.cpus as f64 * 0.5)
            || m.load_end
                .split_whitespace()
                .next()
                .and_then(|l| l.parse::<f64>().ok())
                .is_some_and(|l| l > m.cpus as f64 * 0.5)
        {
            " — the machine was shared with other work (e.g. compiling) during the run, so absolute times are \
             disturbed; ratios measured in the same run are more reliable than absolute figures"
        } else {
            ""
        },
        m.gongkai,
        m.commit,
        if have_hugo {
            &m.hugo
        } else {
            "not installed (Hugo cases skipped)"
        },
        m.rustc
    );
    let ns =
        s.ns.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",");
    let _ = write!(
        md,
        "## Commands\n\n\
         ```sh\nGONGKAI_BENCH_N={ns} GONGKAI_BENCH_RUNS={runs} cargo bench --bench portal\n```\n\n\
         Each case runs once as a warm-up, then {runs} timed runs; the tables give medians (wall time\n\
         measured by the runner; CPU = user + system and peak RSS from `/usr/bin/time -f \"%U %S %M\"`).\n\
         Pages/s counts the HTML pages the generator wrote. Per N, with `SITE` and `HUGO` the generated\n\
         sites under `{dir}/nN/` (SITE's site.yaml with `search: false` for these cases):\n\n\
         | case | command | before each run |\n|---|---|---|\n\
         | gongkai cold, tmpfs | `gongkai build --root SITE --output /dev/shm/…/gongkai` | folder emptied |\n\
         | gongkai cold, no minify | the same with `--no-minify` | folder emptied |\n\
         | gongkai rebuild, disk | `gongkai build --root SITE --output nN/out-gongkai` | nothing (a first build made it) |\n\
         | gongkai one edit, disk | the same | a line appended to one 通知公告 notice (restored after the case) |\n\
         | gongkai edit, checkout | the same | the same, and every file of SITE given the time now (as a fresh checkout in CI) |\n\
         | Hugo cold, tmpfs | `hugo --source HUGO --destination /dev/shm/…/hugo --minify --quiet` | folder emptied |\n\
         | Hugo cold, no minify | the same without `--minify` | folder emptied |\n\
         | Hugo rebuild, disk | `hugo --source HUGO --destination nN/out-hugo --minify --quiet` | nothing (Hugo overwrites in place) |\n\
         | Hugo one edit, disk | the same | the same line appended to the same notice in HUGO |\n\
         | cp -r | `cp -r nN/out-gongkai /dev/shm/…/cp` | copy removed |\n\n\
         gongkai minifies its HTML by default, hence `--minify` for Hugo.\n\n",
        runs = s.runs,
        dir = s.dir.display()
    );
    md.push_str("## Results\n\n");
    for r in rows {
        let _ = write!(
            md,
            "### N = {}\n\ngongkai wrote {} HTML pages ({} files, {:.0} MiB); Hugo wrote {} HTML pages ({} files).\n\n\
             | case | wall (median) | wall min–max | CPU (user+sys) | pages/s | peak RSS |\n|---|---:|---:|---:|---:|---:|\n",
            r.n,
            r.gk_pages,
            r.gk_files,
            r.gk_bytes as f64 / 1048576.0,
            r.hugo_pages,
            r.hugo_files
        );
        for (label, st, pages) in cases(r) {
            let _ = writeln!(
                md,
                "| {label} | {:.3} s | {:.3}–{:.3} s | {} | {:.0} | {} |",
                st.wall,
                st.min,
                st.max,
                cpu(&st),
                pages as f64 / st.wall,
                mib(&st)
            );
        }
        md.push('\n');
    }
    if !rows.is_empty() {
        md.push_str("### Ratios\n\n| N | cold gongkai/Hugo | rebuild gongkai/Hugo | peak RSS gongkai/Hugo (cold) | cold gongkai / cp -r |\n|---:|---:|---:|---:|---:|\n");
        for r in rows {
            let h = |x: Option<String>| x.unwrap_or_else(|| "–".into());
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} |",
                r.n,
                h(r.hugo_cold.map(|c| ratio(r.gk_cold.wall, c.wall))),
                h(r.hugo_rebuild.map(|c| ratio(r.gk_rebuild.wall, c.wall))),
                h(r.hugo_cold
                    .and_then(|c| rss_ratio(&r.gk_cold, &c))
                    .map(|x| format!("{x:.2}×"))),
                ratio(r.gk_cold.wall, r.cp.wall)
            );
        }
        let at = |n: usize| rows.iter().find(|r| r.n == n);
        if let (Some(a), Some(b)) = (at(10_000), at(50_000)) {
            let _ = writeln!(
                md,
                "\nScaling 50,000 / 10,000 items: cold {}, rebuild {}, peak RSS {}.",
                ratio(b.gk_cold.wall, a.gk_cold.wall),
                ratio(b.gk_rebuild.wall, a.gk_rebuild.wall),
                rss_ratio(&b.gk_cold, &a.gk_cold).map_or("–".into(), |x| format!("{x:.2}×"))
            );
        }
        md.push('\n');
    }
    let _ = write!(
        md,
        "### serve\n\n{}.\n\nMeasured by starting `gongkai serve --root SITE --port <free port>`, waiting for its first\n\
         `rendered` line, then 20 times: append a line to one 通知公告 notice, time until the next\n\
         `…: rendered N pages in M ms` line on stdout and the next `data:` event on\n\
         `/__gongkai/events`, pause 300 ms. The notice is restored afterwards.\n\n\
         With the search index on (the default; not part of issue 6's target): {}. `serve` makes the\n\
         index after each rebuild's pages, on a thread of its own; a save while it is being made\n\
         supersedes it. The saves start once the first index is there; the index is timed until its\n\
         line `search index updated: …` on stdout.\n\n",
        serve_text(serve),
        serve_text(serve_search)
    );
    md.push_str("## Targets\n\nFrom issues 6 and 15, on a 2-core machine, ratios measured in one run.\n\n| target | limit | result |\n|---|---:|---|\n");
    for t in targets(rows, serve) {
        let _ = writeln!(
            md,
            "| {} | ≤ {}{} | {} |",
            t.what,
            t.limit,
            t.unit,
            verdict(&t)
        );
    }
    md
}
