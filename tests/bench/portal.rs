//! `cargo bench --bench portal`: gongkai against Hugo on a synthetic portal.
//!
//! For each N it generates (or reuses) a seeded synthetic portal of N items
//! as a gongkai site and as an equivalent Hugo site, then times, after one
//! warm-up and over `GONGKAI_BENCH_RUNS` runs: a gongkai cold build into an
//! empty folder on tmpfs (minified, the default, and `--no-minify`), a
//! gongkai rebuild with nothing changed on disk, one notice edited and a
//! build into that output (with the other files' times kept, and with every
//! time new as after a checkout), the same for Hugo (cold with and without
//! `--minify`), and `cp -r` of gongkai's output into tmpfs (the I/O
//! floor). Hugo builds no search index, so every gongkai case compared with
//! Hugo (and `cp -r`, and `serve`) builds with `search: false`; a separate
//! cold case builds with the site search on (the default), and a browser
//! counts the bytes of a first query on that output. Then it times
//! `gongkai serve` rebuilding one edited notice, measures the search's
//! recall and precision on the example portal, prints everything, and
//! rewrites `BENCHMARKS.md` at the repository root.
//!
//! Environment: `GONGKAI_BENCH_N` (default `1000,10000,50000`),
//! `GONGKAI_BENCH_RUNS` (default 5), `GONGKAI_BENCH_SEED` (default 2024),
//! `GONGKAI_BENCH_DIR` (where the sites and disk outputs go; default
//! `target/tmp/portal-bench`), `GONGKAI_BENCH_SERVE` (`0` skips the serve
//! benchmark; otherwise the N it uses, default 10000),
//! `GONGKAI_BENCH_MD` (`0` leaves BENCHMARKS.md alone).

mod hugo;
mod measure;
mod plain_search;
mod results;
mod search;
mod search_report;
mod serve;
mod synth;

use measure::Stats;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Bump when the generated content changes, so cached sites are rewritten.
const GENERATOR_VERSION: u32 = 1;

/// One benchmark's settings.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub(crate) ns: Vec<usize>,
    pub(crate) runs: usize,
    pub(crate) seed: u64,
    pub(crate) dir: PathBuf,
    pub(crate) serve_n: Option<usize>,
    pub(crate) write_md: bool,
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

fn settings() -> anyhow::Result<Settings> {
    let ns = env_or("GONGKAI_BENCH_N", "1000,10000,50000")
        .split(',')
        .map(|s| s.trim().replace('_', "").parse::<usize>())
        .collect::<Result<Vec<_>, _>>()?;
    let runs: usize = env_or("GONGKAI_BENCH_RUNS", "5").parse()?;
    anyhow::ensure!(runs > 0, "GONGKAI_BENCH_RUNS must be at least 1");
    let serve = env_or("GONGKAI_BENCH_SERVE", "10000");
    Ok(Settings {
        ns,
        runs,
        seed: env_or("GONGKAI_BENCH_SEED", "2024").parse()?,
        dir: std::env::var_os("GONGKAI_BENCH_DIR").map_or_else(
            || Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal-bench"),
            PathBuf::from,
        ),
        serve_n: if serve == "0" {
            None
        } else {
            Some(serve.parse()?)
        },
        write_md: env_or("GONGKAI_BENCH_MD", "1") != "0",
    })
}

/// The generated sites of one N.
pub(crate) struct Sites {
    pub(crate) gongkai: PathBuf,
    pub(crate) hugo: PathBuf,
    /// A notice (no attachment) for the serve benchmark.
    pub(crate) notice: PathBuf,
}

/// Generates the sites for `n` under `dir`, unless the same generator, seed
/// and N already made them; the reports are always rewritten (they come
/// from the current binary's form).
fn generate(gongkai: &Path, dir: &Path, n: usize, seed: u64) -> anyhow::Result<Sites> {
    let root = dir.join(format!("n{n}"));
    let sites = Sites {
        gongkai: root.join("gongkai"),
        hugo: root.join("hugo"),
        notice: PathBuf::new(),
    };
    let stamp = root.join("generated");
    let want = format!("generator {GENERATOR_VERSION} seed {seed} n {n}\n");
    let first_notice = (0..n)
        .map(|i| synth::item(seed, i))
        .find(|it| it.column == "tzgg" && it.attachment.is_none())
        .map(|it| {
            sites
                .gongkai
                .join("content/tzgg")
                .join(format!("{}.md", it.slug))
        });
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(want.as_str()) {
        let t = std::time::Instant::now();
        if root.exists() {
            std::fs::remove_dir_all(&root)?;
        }
        std::fs::create_dir_all(&root)?;
        let items = synth::write_gongkai(&sites.gongkai, n, seed)?;
        hugo::write_site(&sites.hugo, &items, seed)?;
        std::fs::write(&stamp, want)?;
        println!(
            "generated N={n} in {:.1} s into {}",
            t.elapsed().as_secs_f64(),
            root.display()
        );
    } else {
        println!("reusing N={n} in {}", root.display());
    }
    let reports = synth::write_reports(gongkai, &sites.gongkai, seed)?;
    hugo::write_reports(&sites.hugo, &reports)?;
    Ok(Sites {
        notice: first_notice.unwrap_or_default(),
        ..sites
    })
}

/// The figures of one N.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) n: usize,
    pub(crate) gk_cold: Stats,
    /// Cold, `--no-minify`.
    pub(crate) gk_cold_plain: Stats,
    pub(crate) gk_rebuild: Stats,
    /// One notice edited, then a build into the existing output on disk.
    pub(crate) gk_edit: Stats,
    /// The same after every file of the site got a new time, as a fresh
    /// checkout in CI gives them.
    pub(crate) gk_edit_checkout: Stats,
    pub(crate) hugo_cold: Option<Stats>,
    /// Cold without `--minify`.
    pub(crate) hugo_cold_plain: Option<Stats>,
    pub(crate) hugo_rebuild: Option<Stats>,
    pub(crate) hugo_edit: Option<Stats>,
    pub(crate) cp: Stats,
    /// HTML pages and all files each generator wrote.
    pub(crate) gk_pages: usize,
    pub(crate) gk_files: usize,
    pub(crate) gk_bytes: u64,
    pub(crate) hugo_pages: usize,
    pub(crate) hugo_files: usize,
    /// The cold build with site search on (the cases above have it off).
    pub(crate) search: SearchRow,
}

/// The site search's figures of one N.
#[derive(Debug, Clone)]
pub(crate) struct SearchRow {
    /// Cold build into tmpfs with `search` on.
    pub(crate) cold: Stats,
    /// Files and bytes in `pagefind/`.
    pub(crate) files: usize,
    pub(crate) bytes: u64,
    /// The first query's download per query, or why it was not measured.
    pub(crate) first_query: Result<Vec<search::QueryBytes>, String>,
}

fn count(dir: &Path) -> (usize, usize, u64) {
    let (mut html, mut files, mut bytes) = (0, 0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                stack.push(e.path());
            } else {
                files += 1;
                bytes += e.metadata().map_or(0, |m| m.len());
                if e.path().extension() == Some(OsStr::new("html")) {
                    html += 1;
                }
            }
        }
    }
    (html, files, bytes)
}

/// Runs `case` with a `prepare` step that appends a new line to the
/// notice at `path` before each run (the edit a commit brings), then puts
/// the notice back as it was.
fn edited(
    path: &Path,
    case: impl FnOnce(&mut dyn FnMut() -> anyhow::Result<()>) -> anyhow::Result<Stats>,
) -> anyhow::Result<Stats> {
    let original = std::fs::read_to_string(path)?;
    let mut k = 0;
    let mut prepare = || -> anyhow::Result<()> {
        k += 1;
        std::fs::write(path, format!("{original}\n第{k}次修改的补充说明。\n"))?;
        Ok(())
    };
    let result = case(&mut prepare);
    std::fs::write(path, &original)?;
    result
}

/// Gives every file under `dir` the time now, as a checkout does.
fn touch_all(dir: &Path) -> anyhow::Result<()> {
    let now = std::time::SystemTime::now();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)?.flatten() {
            if e.file_type()?.is_dir() {
                stack.push(e.path());
            } else {
                std::fs::File::options()
                    .append(true)
                    .open(e.path())?
                    .set_modified(now)?;
            }
        }
    }
    Ok(())
}

fn fresh(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    Ok(())
}

/// The tmpfs folder for this run's cold outputs.
fn shm_dir() -> PathBuf {
    Path::new("/dev/shm").join(format!("gongkai-bench-{}", std::process::id()))
}

fn bench_n(
    gongkai: &Path,
    hugo: Option<&Path>,
    s: &Settings,
    n: usize,
) -> anyhow::Result<(Row, Sites)> {
    let sites = generate(gongkai, &s.dir, n, s.seed)?;
    let shm = shm_dir();
    std::fs::create_dir_all(&shm)?;
    let disk = s.dir.join(format!("n{n}"));
    let (gk_shm, hugo_shm, cp_shm) = (shm.join("gongkai"), shm.join("hugo"), shm.join("cp"));
    let (gk_disk, hugo_disk) = (disk.join("out-gongkai"), disk.join("out-hugo"));
    let os = |p: &Path| p.as_os_str().to_owned();
    let runs = s.runs;

    let label = |what: &str, st: &Stats| {
        println!(
            "  {what:<24} median {:>8.3} s  (min {:.3}, max {:.3})",
            st.wall, st.min, st.max
        );
    };
    println!("N={n}: timing, 1 warm-up + {runs} runs each");
    // Like for like with Hugo, which builds no search index.
    synth::write_site_yaml(&sites.gongkai, false)?;
    let (root, out) = (os(&sites.gongkai), os(&gk_shm));
    let args: Vec<&OsStr> = vec![
        "build".as_ref(),
        "--root".as_ref(),
        &root,
        "--output".as_ref(),
        &out,
    ];
    let gk_cold = measure::case(runs, || fresh(&gk_shm), gongkai, &args, &shm)?;
    label("gongkai cold (tmpfs)", &gk_cold);
    let (gk_pages, gk_files, gk_bytes) = count(&gk_shm);
    let plain: Vec<&OsStr> = args
        .iter()
        .copied()
        .chain(["--no-minify".as_ref()])
        .collect();
    let gk_cold_plain = measure::case(runs, || fresh(&gk_shm), gongkai, &plain, &shm)?;
    label("gongkai cold --no-minify", &gk_cold_plain);

    fresh(&gk_disk)?;
    let out_disk = os(&gk_disk);
    let args: Vec<&OsStr> = vec![
        "build".as_ref(),
        "--root".as_ref(),
        &root,
        "--output".as_ref(),
        &out_disk,
    ];
    measure::run(gongkai, &args, &shm)?;
    let gk_rebuild = measure::case(runs, || Ok(()), gongkai, &args, &shm)?;
    label("gongkai rebuild (disk)", &gk_rebuild);
    let gk_edit = edited(&sites.notice, |prepare| {
        measure::case(runs, prepare, gongkai, &args, &shm)
    })?;
    label("gongkai one edit (disk)", &gk_edit);
    let gk_edit_checkout = edited(&sites.notice, |prepare| {
        let mut prepare_all = || -> anyhow::Result<()> {
            prepare()?;
            touch_all(&sites.gongkai)
        };
        measure::case(runs, &mut prepare_all, gongkai, &args, &shm)
    })?;
    label("gongkai edit, checkout", &gk_edit_checkout);

    let (mut hugo_cold, mut hugo_rebuild, mut hugo_pages, mut hugo_files) = (None, None, 0, 0);
    let (mut hugo_edit, mut hugo_cold_plain) = (None, None);
    if let Some(hugo) = hugo {
        let (src, out) = (os(&sites.hugo), os(&hugo_shm));
        let args: Vec<&OsStr> = vec![
            "--source".as_ref(),
            &src,
            "--destination".as_ref(),
            &out,
            "--minify".as_ref(),
            "--quiet".as_ref(),
        ];
        let st = measure::case(runs, || fresh(&hugo_shm), hugo, &args, &shm)?;
        label("Hugo cold (tmpfs)", &st);
        hugo_cold = Some(st);
        (hugo_pages, hugo_files, _) = count(&hugo_shm);
        let plain: Vec<&OsStr> = args
            .iter()
            .copied()
            .filter(|a| *a != OsStr::new("--minify"))
            .collect();
        let st = measure::case(runs, || fresh(&hugo_shm), hugo, &plain, &shm)?;
        label("Hugo cold, no --minify", &st);
        hugo_cold_plain = Some(st);
        fresh(&hugo_disk)?;
        let out = os(&hugo_disk);
        let args: Vec<&OsStr> = vec![
            "--source".as_ref(),
            &src,
            "--destination".as_ref(),
            &out,
            "--minify".as_ref(),
            "--quiet".as_ref(),
        ];
        measure::run(hugo, &args, &shm)?;
        let st = measure::case(runs, || Ok(()), hugo, &args, &shm)?;
        label("Hugo rebuild (disk)", &st);
        hugo_rebuild = Some(st);
        let notice = sites
            .hugo
            .join("content/tzgg")
            .join(sites.notice.file_name().unwrap_or_default());
        let st = edited(&notice, |prepare| {
            measure::case(runs, prepare, hugo, &args, &shm)
        })?;
        label("Hugo one edit (disk)", &st);
        hugo_edit = Some(st);
        std::fs::remove_dir_all(&hugo_shm)?;
    }

    let (from, to) = (os(&gk_disk), os(&cp_shm));
    let args: Vec<&OsStr> = vec!["-r".as_ref(), &from, &to];
    let cp = measure::case(
        runs,
        || {
            if cp_shm.exists() {
                std::fs::remove_dir_all(&cp_shm)?;
            }
            Ok(())
        },
        Path::new("/bin/cp"),
        &args,
        &shm,
    )?;
    label("cp -r output (tmpfs)", &cp);

    // The same content with the site search on (the default).
    synth::write_site_yaml(&sites.gongkai, true)?;
    let search_shm = shm.join("gongkai-search");
    let out = os(&search_shm);
    let args: Vec<&OsStr> = vec![
        "build".as_ref(),
        "--root".as_ref(),
        &root,
        "--output".as_ref(),
        &out,
    ];
    let search_cold = measure::case(runs, || fresh(&search_shm), gongkai, &args, &shm)?;
    label("gongkai cold + search", &search_cold);
    let (_, search_files, search_bytes) = count(&search_shm.join("pagefind"));
    let first_query = search::first_query_bytes(&search_shm);
    search_report::print_bytes(&first_query);
    std::fs::remove_dir_all(&shm)?;
    let row = Row {
        n,
        gk_cold,
        gk_cold_plain,
        gk_rebuild,
        gk_edit,
        gk_edit_checkout,
        hugo_cold,
        hugo_cold_plain,
        hugo_rebuild,
        hugo_edit,
        cp,
        gk_pages,
        gk_files,
        gk_bytes,
        hugo_pages,
        hugo_files,
        search: SearchRow {
            cold: search_cold,
            files: search_files,
            bytes: search_bytes,
            first_query,
        },
    };
    Ok((row, sites))
}

/// The binary under test: Cargo builds it (bench profile, i.e. release)
/// for bench targets and tells us where. Other builds in the same target
/// folder may replace that file while the benchmark runs, so every case
/// runs a copy taken at the start.
fn gongkai_bin(dir: &Path) -> anyhow::Result<PathBuf> {
    let copy = dir.join("gongkai-under-test");
    std::fs::copy(env!("CARGO_BIN_EXE_gongkai"), &copy)?;
    Ok(copy)
}

fn find_hugo() -> Option<PathBuf> {
    let ok = Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then(|| PathBuf::from("hugo"))
}

/// Where the section of `cargo bench --bench review` starts in BENCHMARKS.md.
const REVIEW_MARK: &str = "<!-- review-bench -->";

fn main() -> anyhow::Result<()> {
    let s = settings()?;
    std::fs::create_dir_all(&s.dir)?;
    let gongkai = gongkai_bin(&s.dir)?;
    let hugo = find_hugo();
    let machine = results::Machine::probe(&s.dir, &gongkai);
    println!("{}", machine.summary());
    if hugo.is_none() {
        println!("Hugo not found: measuring gongkai only (Debian: apt-get install hugo)");
    }
    if !measure::have_gnu_time() {
        println!(
            "{} not found: CPU time and peak memory are not measured (Debian: apt-get install time)",
            measure::GNU_TIME
        );
    }
    let mut rows = Vec::new();
    let mut serve_sites = None;
    for &n in &s.ns {
        let (row, sites) = bench_n(&gongkai, hugo.as_deref(), &s, n)?;
        results::print_row(&row);
        if Some(n) == s.serve_n {
            serve_sites = Some(sites);
        }
        rows.push(row);
    }
    let serve = match s.serve_n {
        None => None,
        Some(n) => {
            let sites = match serve_sites {
                Some(sites) => sites,
                None => generate(&gongkai, &s.dir, n, s.seed)?,
            };
            println!("serve: N={n}, editing {} 20 times", sites.notice.display());
            // As in issue 6's target: without the search index.
            synth::write_site_yaml(&sites.gongkai, false)?;
            let r = serve::bench(&gongkai, &sites.gongkai, &sites.notice, 20, false);
            synth::write_site_yaml(&sites.gongkai, true)?;
            println!("serve with the search index: N={n}, the same 20 saves");
            let with_search = serve::bench(&gongkai, &sites.gongkai, &sites.notice, 20, true);
            Some((n, r, with_search))
        }
    };
    let serve_search = serve.as_ref().map(|(n, _, r)| (*n, r.clone()));
    let serve = serve.map(|(n, r, _)| (n, r));
    println!("recall and precision on the example portal");
    let recall = search::recall(&gongkai, &s.dir);
    let machine = machine.finish();
    let mut text = results::render(
        &s,
        &machine,
        &rows,
        serve.as_ref(),
        serve_search.as_ref(),
        hugo.is_some(),
    );
    text.push_str(&search_report::render(&rows, &recall));
    println!("\n{}", results::summary(&rows, serve.as_ref()));
    println!(
        "serve with search: {}",
        results::serve_text(serve_search.as_ref())
    );
    println!("{}", search_report::summary(&rows, &recall));
    if s.write_md {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("BENCHMARKS.md");
        // `cargo bench --bench review` keeps its own section at the end
        // (from its marker on); this run rewrites only what comes before.
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        let kept = old.find(REVIEW_MARK).map_or("", |at| &old[at..]);
        let text = if kept.is_empty() {
            text
        } else {
            format!("{}\n{kept}", text.trim_end())
        };
        std::fs::write(&path, text)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
