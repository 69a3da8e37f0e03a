//! The site search's section of `BENCHMARKS.md` and its lines on the
//! terminal: cold build with and without the index, the index's size, the
//! first query's download, recall and precision, and issue 13's targets.

use crate::Row;
use crate::search::{self, QueryBytes, Recall};
use std::fmt::Write as _;

fn kib(b: u64) -> String {
    format!("{:.1} KiB", b as f64 / 1024.0)
}

fn mib_rss(k: Option<u64>) -> String {
    k.map_or_else(|| "–".into(), |k| format!("{:.0} MiB", k as f64 / 1024.0))
}

/// The wall and CPU time the index adds: with search minus without.
fn index_time(r: &Row) -> (f64, Option<f64>) {
    let s = &r.search.cold;
    (
        s.wall - r.gk_cold.wall,
        s.cpu.zip(r.gk_cold.cpu).map(|(a, b)| a - b),
    )
}

pub(crate) fn print_bytes(first: &Result<Vec<QueryBytes>, String>) {
    match first {
        Err(why) => println!("  first-query bytes: {why}"),
        Ok(v) => {
            for b in v {
                println!(
                    "  first query {:<8} {:<8} {:>9} ({:>9} gzip), {} files; {}",
                    b.q,
                    b.screen,
                    kib(b.total),
                    kib(b.total_gzip),
                    b.files,
                    b.status
                );
            }
        }
    }
}

/// The heaviest first query of N = 10,000 on any screen, raw bytes.
fn worst_bytes_10k(rows: &[Row]) -> Option<&QueryBytes> {
    let r = rows.iter().find(|r| r.n == 10_000)?;
    r.search
        .first_query
        .as_ref()
        .ok()?
        .iter()
        .max_by_key(|b| b.total)
}

struct Target {
    what: String,
    limit: String,
    result: String,
}

fn targets(rows: &[Row], recall: &Result<Vec<Recall>, String>) -> Vec<Target> {
    let mut v = Vec::new();
    for n in [10_000, 50_000] {
        let r = rows.iter().find(|r| r.n == n);
        let result = r.map_or_else(
            || format!("not measured (needs N={n})"),
            |r| {
                let x = r.search.cold.wall / r.gk_cold.wall;
                let met = if x <= 2.0 { "**met**" } else { "**missed**" };
                format!("{met} ({x:.2}×)")
            },
        );
        v.push(Target {
            what: format!("Cold build, {n} items, tmpfs: with search / without"),
            limit: "≤ 2×".into(),
            result,
        });
    }
    v.push(Target {
        what: "Bytes a browser fetches for the first query, 10,000 items (heaviest query and screen, as served, no host compression)".into(),
        limit: "≤ 300 KB".into(),
        result: worst_bytes_10k(rows).map_or_else(
            || "not measured (needs N=10000 and the browser tools)".into(),
            |b| {
                let met = if b.total <= 300_000 { "**met**" } else { "**missed**" };
                format!(
                    "{met} ({} bytes = {:.0} KB, for `{}` on {})",
                    b.total,
                    b.total as f64 / 1000.0,
                    b.q,
                    b.screen
                )
            },
        ),
    });
    let (rec, prec) = match recall {
        Ok(v) if !v.is_empty() => {
            let all = v.iter().flat_map(|r| [r.segmenter, r.no_segmenter]);
            let min_r = all.clone().map(|x| x.1).fold(1.0, f64::min);
            let min_p = all.map(|x| x.2).fold(1.0, f64::min);
            (
                format!(
                    "{} (lowest {min_r:.3})",
                    if min_r >= 1.0 {
                        "**met**"
                    } else {
                        "**missed**"
                    }
                ),
                format!(
                    "{} (lowest {min_p:.3})",
                    if min_p >= 0.9 {
                        "**met**"
                    } else {
                        "**missed**"
                    }
                ),
            )
        }
        Ok(_) => ("not measured".into(), "not measured".into()),
        Err(why) => (
            format!("not measured ({why})"),
            format!("not measured ({why})"),
        ),
    };
    v.push(Target {
        what: "Recall on the example portal, every query, with and without Intl.Segmenter".into(),
        limit: "= 1.0".into(),
        result: rec,
    });
    v.push(Target {
        what: "Precision on the example portal, every query, with and without Intl.Segmenter"
            .into(),
        limit: "≥ 0.9".into(),
        result: prec,
    });
    v
}

/// The closing lines on the terminal.
pub(crate) fn summary(rows: &[Row], recall: &Result<Vec<Recall>, String>) -> String {
    let mut s = String::from("Search targets (issue 13):\n");
    for t in targets(rows, recall) {
        let _ = writeln!(
            s,
            "  {} ({}): {}",
            t.what,
            t.limit,
            t.result.replace("**", "")
        );
    }
    s
}

/// The `## Site search` section of `BENCHMARKS.md`.
pub(crate) fn render(rows: &[Row], recall: &Result<Vec<Recall>, String>) -> String {
    let mut md = String::from(
        "\n## Site search (issue 13)\n\n\
         The gongkai cases above, the Hugo comparison, `cp -r` and `serve` build with `search: false` in\n\
         site.yaml: Hugo builds no search index, so that is the same work on both sides. Here the same\n\
         synthetic site is built cold into tmpfs with the search on (the default: `search.html` and the\n\
         Pagefind index in `pagefind/`), 1 warm-up + the same number of timed runs. The index time is\n\
         measured from outside the binary as the difference of the medians, with search minus without\n\
         (wall and CPU); the pipeline renders pages and the index in the same run, so it is the time the\n\
         index adds, not the indexer's own.\n\n\
         | N | cold without search | cold with search | ratio | index time (wall, CPU) | peak RSS without | peak RSS with | `pagefind/` |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let (wall, cpu) = index_time(r);
        let _ = writeln!(
            md,
            "| {} | {:.3} s | {:.3} s (min {:.3}, max {:.3}) | {:.2}× | {:.3} s, {} | {} | {} | {} files, {:.1} MiB |",
            r.n,
            r.gk_cold.wall,
            r.search.cold.wall,
            r.search.cold.min,
            r.search.cold.max,
            r.search.cold.wall / r.gk_cold.wall,
            wall,
            cpu.map_or_else(|| "–".into(), |c| format!("{c:.2} s")),
            mib_rss(r.gk_cold.rss_kib),
            mib_rss(r.search.cold.rss_kib),
            r.search.files,
            r.search.bytes as f64 / 1048576.0
        );
    }
    md.push_str(
        "\n### First query: what the browser downloads\n\n\
         `node tests/tools/search_bytes.mjs --base /xxgk/djjd/ OUT QUERY…` serves the output built with\n\
         search, opens `search.html?q=QUERY` in a fresh Chromium context (empty cache), waits until the\n\
         status line is no longer 正在搜索…… and the network has been quiet for 750 ms, and adds up the\n\
         body of every response: the page, CSS, scripts, images, Pagefind's script and wasm, the\n\
         entry, meta, index chunks, filters and result fragments. \"As served\" is what this test host\n\
         sends (no compression; Pagefind's own files are gzip already); \"gzip\" is what a host that\n\
         compresses text would send. Each query on a desktop's screen (1280×720: the sort and the\n\
         filters shown, with their counts) and on a phone's (375×667: they are folded above the\n\
         results, and the filters are fetched only when the reader opens them).\n\n\
         | N | query | screen | status | files | as served | gzip | of which wasm | index chunks | filters | fragments |\n\
         |---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        match &r.search.first_query {
            Err(why) => {
                let _ = writeln!(md, "| {} | – | – | {why} | | | | | | | |", r.n);
            }
            Ok(v) => {
                for b in v {
                    let _ = writeln!(
                        md,
                        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                        r.n,
                        b.q,
                        b.screen,
                        b.status,
                        b.files,
                        kib(b.total),
                        kib(b.total_gzip),
                        kib(b.wasm),
                        kib(b.index),
                        kib(b.filters),
                        kib(b.fragments)
                    );
                }
            }
        }
    }
    md.push_str(
        "\n### Recall and precision on the example portal\n\n\
         The repository root (the example portal) built with the benchmarked binary; each query run in\n\
         headless Chromium by `tests/tools/search.mjs` (every result shown, \"显示更多结果\" pressed until\n\
         none is left), in a current browser and in one without `Intl.Segmenter`, and compared by title\n\
         with a plain text search of the content files (`tests/bench/plain_search.rs`: title, summary,\n\
         文号, 索引号 and body of each page; a report's title and prose; NFKC, lower case, every\n\
         space-separated part must occur). Recall = found ∩ relevant / relevant, precision = found ∩\n\
         relevant / found. `tests/suite/search.rs` asserts the same sets are equal.\n\n",
    );
    match recall {
        Err(why) => {
            let _ = writeln!(md, "Not measured: {why}.");
        }
        Ok(v) => {
            md.push_str(
                "| query | relevant (plain search) | found | recall | precision | found, no Intl.Segmenter | recall | precision |\n\
                 |---|---:|---:|---:|---:|---:|---:|---:|\n",
            );
            for r in v {
                let _ = writeln!(
                    md,
                    "| `{}` | {} | {} | {:.3} | {:.3} | {} | {:.3} | {:.3} |",
                    r.q,
                    r.relevant,
                    r.segmenter.0,
                    r.segmenter.1,
                    r.segmenter.2,
                    r.no_segmenter.0,
                    r.no_segmenter.1,
                    r.no_segmenter.2
                );
            }
        }
    }
    md.push_str(
        "\n### Search targets\n\nFrom issue 13.\n\n| target | limit | result |\n|---|---:|---|\n",
    );
    for t in targets(rows, recall) {
        let _ = writeln!(md, "| {} | {} | {} |", t.what, t.limit, t.result);
    }
    let _ = writeln!(
        md,
        "\nFirst-query bytes queries: {}.",
        search::BYTES_QUERIES
            .iter()
            .map(|q| format!("`{q}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    md
}
