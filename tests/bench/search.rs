//! The site search's figures that need a browser (issue 13): the bytes a
//! reader downloads for a first query (`tests/tools/search_bytes.mjs`), and
//! recall and precision on the example portal against a plain text search
//! of its content files (`tests/tools/search.mjs`, [`plain_search`]). Both
//! run Debian's headless Chromium through the project's playwright-core;
//! without Chromium, Node.js or the npm tools they are skipped with the
//! reason.

use crate::plain_search;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The synthetic portal's and the example's base path (both use
/// https://www.jiangchuan.example.gov.cn/xxgk/djjd/).
pub(crate) const BASE: &str = "/xxgk/djjd/";

/// First queries whose bytes are counted: words the synthetic bodies hold
/// (a four-character phrase, a two-character word, one character) and a
/// year, which the page turns into the year filter.
pub(crate) const BYTES_QUERIES: &[&str] = &["老旧小区", "小区", "区", "2023年"];

/// The recall queries: phrases, single characters, and Latin
/// letters with digits (as `tests/suite/search.rs` asserts them).
pub(crate) const RECALL_QUERIES: &[&str] = &[
    "老旧小区",
    "垃圾分类",
    "政府信息公开年度报告",
    "政府信息公开",
    "年度报告",
    "区",
    "垃",
    "疫",
    "报",
    "0000-12345672",
    "2245.80",
    "example.gov.cn",
    "12345",
    "小区 改造",
];

fn tools() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools")
}

/// Why the browser figures cannot be measured here, if they cannot.
pub(crate) fn missing() -> Option<String> {
    let chromium = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if !chromium.exists() {
        return Some(format!(
            "Chromium not found at `{}` (set CHROMIUM)",
            chromium.display()
        ));
    }
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        return Some("`node` is not on PATH".into());
    }
    if !tools().join("node_modules/playwright-core").is_dir() {
        return Some("tests/tools/node_modules has no playwright-core (`npm ci --ignore-scripts --prefix tests/tools`)".into());
    }
    None
}

fn node(args: &[&std::ffi::OsStr]) -> Result<Value, String> {
    let out = Command::new("node")
        .args(args)
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_owned());
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("tool output: {e}"))
}

/// One first query's download.
#[derive(Debug, Clone)]
pub(crate) struct QueryBytes {
    pub(crate) q: String,
    /// The browser's screen, `1280×720` or `375×667`.
    pub(crate) screen: String,
    pub(crate) status: String,
    pub(crate) files: usize,
    pub(crate) total: u64,
    pub(crate) total_gzip: u64,
    /// The biggest parts: Pagefind's wasm, index chunks, fragments.
    pub(crate) wasm: u64,
    pub(crate) index: u64,
    pub(crate) fragments: u64,
    pub(crate) filters: u64,
}

/// Runs `search_bytes.mjs` on the built site `out`.
pub(crate) fn first_query_bytes(out: &Path) -> Result<Vec<QueryBytes>, String> {
    if let Some(why) = missing() {
        return Err(format!("skipped: {why}"));
    }
    let script = tools().join("search_bytes.mjs");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        script.as_os_str(),
        "--base".as_ref(),
        BASE.as_ref(),
        out.as_os_str(),
    ];
    args.extend(BYTES_QUERIES.iter().map(std::ffi::OsStr::new));
    let report = node(&args)?;
    let mut v = Vec::new();
    for r in report.as_array().ok_or("tool output: not a list")? {
        let files = r["files"].as_array().ok_or("tool output: no files")?;
        let part = |prefix: &str| -> u64 {
            files
                .iter()
                .filter(|f| f["path"].as_str().is_some_and(|p| p.starts_with(prefix)))
                .filter_map(|f| f["bytes"].as_u64())
                .sum()
        };
        v.push(QueryBytes {
            q: r["q"].as_str().unwrap_or_default().to_owned(),
            screen: r["screen"].as_str().unwrap_or_default().to_owned(),
            status: r["status"].as_str().unwrap_or_default().to_owned(),
            files: files.len(),
            total: r["total"].as_u64().unwrap_or_default(),
            total_gzip: r["totalGzip"].as_u64().unwrap_or_default(),
            wasm: part("pagefind/wasm."),
            index: part("pagefind/index/"),
            fragments: part("pagefind/fragment/"),
            filters: part("pagefind/filter/"),
        });
    }
    Ok(v)
}

/// One query's recall and precision, with and without `Intl.Segmenter`.
#[derive(Debug, Clone)]
pub(crate) struct Recall {
    pub(crate) q: String,
    /// Pages the plain text search finds.
    pub(crate) relevant: usize,
    /// (found, recall, precision) in a current browser, then in one
    /// without `Intl.Segmenter`.
    pub(crate) segmenter: (usize, f64, f64),
    pub(crate) no_segmenter: (usize, f64, f64),
}

/// Runs search.mjs on `queries` over the built site `out`.
fn run_cases(dir: &Path, out: &Path, queries: &[Value]) -> Result<Vec<Value>, String> {
    let cases = dir.join("recall-cases.json");
    std::fs::write(&cases, serde_json::json!({"queries": queries}).to_string())
        .map_err(|e| e.to_string())?;
    let script = tools().join("search.mjs");
    let report = node(&[
        script.as_os_str(),
        "--base".as_ref(),
        BASE.as_ref(),
        out.as_os_str(),
        cases.as_os_str(),
    ])?;
    report["queries"]
        .as_array()
        .cloned()
        .ok_or_else(|| "search.mjs: no queries".into())
}

/// True when the status line counts more results than were read.
fn drawn_early(r: &Value) -> bool {
    let status = r["status"].as_str().unwrap_or_default();
    let counted = status
        .strip_prefix("找到 ")
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok());
    let read = r["titles"].as_array().map_or(0, Vec::len);
    counted.is_some_and(|n| n != read)
}

fn score(found: &BTreeSet<String>, want: &BTreeSet<String>) -> (usize, f64, f64) {
    let hits = found.intersection(want).count() as f64;
    let recall = if want.is_empty() {
        1.0
    } else {
        hits / want.len() as f64
    };
    let precision = if found.is_empty() {
        1.0
    } else {
        hits / found.len() as f64
    };
    (found.len(), recall, precision)
}

/// Builds the example portal (the repository root) with `gongkai` into
/// `dir`, runs [`RECALL_QUERIES`] in the browser, and scores each against
/// [`plain_search::search`].
pub(crate) fn recall(gongkai: &Path, dir: &Path) -> Result<Vec<Recall>, String> {
    if let Some(why) = missing() {
        return Err(format!("skipped: {why}"));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = dir.join("example-out");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| e.to_string())?;
    }
    let args: Vec<&std::ffi::OsStr> = vec![
        "build".as_ref(),
        "--root".as_ref(),
        root.as_os_str(),
        "--output".as_ref(),
        out.as_os_str(),
    ];
    crate::measure::run(gongkai, &args, dir).map_err(|e| e.to_string())?;
    let docs = plain_search::docs(root).map_err(|e| e.to_string())?;
    let queries: Vec<Value> = RECALL_QUERIES
        .iter()
        .flat_map(|q| {
            [
                serde_json::json!({"q": q}),
                serde_json::json!({"q": q, "noSegmenter": true}),
            ]
        })
        .collect();
    let mut results = run_cases(dir, &out, &queries)?;
    // search.mjs reads the list once the status line says how many were
    // found, but the page draws the list after that line (it loads each
    // result's fragment first), so a read can come too early and see fewer
    // results than the line counts. Such a read is a failed measurement,
    // not a miss: those queries are run again, up to twice.
    for _ in 0..2 {
        let early: Vec<usize> = (0..results.len())
            .filter(|&i| drawn_early(&results[i]))
            .collect();
        if early.is_empty() {
            break;
        }
        let again: Vec<Value> = early.iter().map(|&i| queries[i].clone()).collect();
        for (i, r) in early.into_iter().zip(run_cases(dir, &out, &again)?) {
            results[i] = r;
        }
    }
    let titles = |r: &Value| -> BTreeSet<String> {
        r["titles"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(RECALL_QUERIES
        .iter()
        .zip(results.chunks(2))
        .map(|(q, pair)| {
            let want = plain_search::search(&docs, q);
            Recall {
                q: (*q).to_owned(),
                relevant: want.len(),
                segmenter: score(&titles(&pair[0]), &want),
                no_segmenter: pair
                    .get(1)
                    .map_or((0, 0.0, 0.0), |r| score(&titles(r), &want)),
            }
        })
        .collect())
}
