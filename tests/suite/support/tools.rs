//! External checkers for generated HTML, for integration tests: the Nu HTML
//! checker (`vnu.jar`, run with the machine's Java) and axe-core in headless
//! Chromium (`tests/tools/axe.mjs`).
//!
//! Call it from a test (`use crate::support::tools;`) and assert that the
//! returned lists are empty. A checker that cannot run on this machine
//! (no Java, no Chromium, no Node.js or npm) returns `None` after printing
//! one `SKIPPED …` line to the terminal, with the reason and the command
//! that enables it; with `GONGKAI_REQUIRE_CHECKERS=1` (set by `.ci/run`) a
//! skip is a failure instead, so CI never skips. The pinned tools live in
//! `tests/tools/node_modules`; if they are missing or older than
//! `tests/tools/package-lock.json`, the first call installs them with
//! `npm ci`, once per process and under a lock folder across processes
//! (`cargo nextest` runs each test in its own process). Only checker plumbing
//! belongs here; building fixture sites does not.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// `tests/tools`, absolute, so tests work from any current directory.
pub(crate) fn tools_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools")
}

fn vnu_jar() -> PathBuf {
    tools_dir().join("node_modules/vnu-jar/build/dist/vnu.jar")
}

/// The variable that turns a skipped checker into a failure (set in CI).
pub(crate) const REQUIRE: &str = "GONGKAI_REQUIRE_CHECKERS";

/// What enables every checker on a Debian machine, as `.ci/run` does it.
const ENABLE: &str = "apt-get install -y chromium fonts-wqy-microhei default-jre-headless nodejs npm \
(as root), then `npm ci --prefix tests/tools --ignore-scripts`; or run .ci/run";

/// Skips `check` (printing one line that `cargo test` does not capture), or
/// panics when [`REQUIRE`] is set.
fn skip<T>(check: &str, why: &str) -> Option<T> {
    let required = std::env::var_os(REQUIRE).is_some_and(|v| !v.is_empty() && v != "0");
    assert!(
        !required,
        "{check} cannot run: {why}; {REQUIRE} is set, so this is a failure, not a skip. \
         To run it: {ENABLE}"
    );
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    // Straight to the terminal: `cargo test` captures only print! and
    // eprint!, and a skip must be seen even when the test passes.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {check} in {test}: {why}. To run it: {ENABLE}"
    );
    None
}

/// True when `program` runs with `arg` (e.g. `java -version`).
fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Chromium's path: `$CHROMIUM` or Debian's `/usr/bin/chromium`.
pub(crate) fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// Why the browser checks cannot run here, if they cannot.
fn browser_missing() -> Option<String> {
    let chromium = chromium();
    if !chromium.exists() {
        return Some(format!(
            "Chromium not found at `{}` (set CHROMIUM to use another)",
            chromium.display()
        ));
    }
    if !runs("node", "--version") {
        return Some("`node` (Node.js 20 or newer) is not on PATH".into());
    }
    ensure_tools().err()
}

/// `Some(())` when Chromium, Node.js and the npm tools are there (for a
/// test that drives the browser itself); else the skip of `check`.
pub(crate) fn browser(check: &str) -> Option<()> {
    match browser_missing() {
        None => Some(()),
        Some(why) => skip(check, &why),
    }
}

/// Nu HTML checker errors for every `.html`/`.htm` file under `dir`, one
/// `path:line:col: message` string each, the path relative to `dir`.
/// Warnings and info messages are not included. `None` when the checker
/// cannot run here (see the module's doc).
///
/// Panics if `dir` is not a folder or if the checker fails.
pub(crate) fn vnu_errors(dir: &Path) -> Option<Vec<String>> {
    assert!(
        dir.is_dir(),
        "vnu_errors: `{}` is not a folder",
        dir.display()
    );
    const CHECK: &str = "the Nu HTML checker";
    if !runs("java", "-version") {
        return skip(CHECK, "`java` is not on PATH");
    }
    if let Err(why) = ensure_tools() {
        return skip(CHECK, &why);
    }
    let out = run(
        Command::new("java")
            .arg("-jar")
            .arg(vnu_jar())
            .args(["--errors-only", "--format", "json", "--skip-non-html"])
            .arg(dir),
        "java (install it with `apt-get install -y default-jre-headless`)",
    );
    // vnu writes its report to stderr and exits 1 when it found errors.
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu printed no JSON report ({e}; exit {}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let messages = report["messages"].as_array().cloned().unwrap_or_default();
    messages
        .iter()
        .filter(|m| m["type"] != "info")
        .map(|m| {
            let url = m["url"].as_str().unwrap_or("?");
            let file = relative_to(dir, &file_url_to_path(url));
            let line = m["lastLine"].as_u64().unwrap_or(0);
            let col = m["firstColumn"]
                .as_u64()
                .or(m["lastColumn"].as_u64())
                .unwrap_or(0);
            let message = m["message"].as_str().unwrap_or("?");
            format!("{file}:{line}:{col}: {message}")
        })
        .collect::<Vec<_>>()
        .into()
}

/// WCAG 2.1 A/AA violations found by axe-core in every `.html` file under
/// `dir`, served over loopback HTTP at `/`, plus `overflow-320` (the page
/// scrolls sideways at 320 px), `external-resource` and `page-load`. One
/// `page: id: help (first target)` string per violation.
///
/// `None` when Chromium, Node.js or the npm tools are missing (see the
/// module's doc).
pub(crate) fn axe_violations(dir: &Path) -> Option<Vec<String>> {
    axe_violations_under(dir, "/")
}

/// Like [`axe_violations`], with the folder served under `base` (e.g.
/// `/xxgk/`), for sites built with a sub-path `base_url`.
pub(crate) fn axe_violations_under(dir: &Path, base: &str) -> Option<Vec<String>> {
    assert!(
        dir.is_dir(),
        "axe_violations: `{}` is not a folder",
        dir.display()
    );
    browser("axe-core in headless Chromium")?;
    let out = run(
        Command::new("node")
            .arg(tools_dir().join("axe.mjs"))
            .args(["--base", base])
            .arg(dir),
        "node (Node.js 20 or newer)",
    );
    match out.status.code() {
        Some(0 | 1) => {}
        _ => panic!(
            "tests/tools/axe.mjs failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
    }
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("axe.mjs printed no JSON report: {e}"));
    let mut found = Vec::new();
    for page in report.as_array().into_iter().flatten() {
        let name = page["page"].as_str().unwrap_or("?");
        for v in page["violations"].as_array().into_iter().flatten() {
            let target = v["nodes"][0].as_str().unwrap_or("");
            found.push(format!(
                "{name}: {}: {} ({target})",
                v["id"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
            ));
        }
    }
    Some(found)
}

/// What `tests/tools/search.mjs` saw running `cases` on the site built in
/// `dir`, served under `base` with the documented Content-Security-Policy.
/// `None` when Chromium, Node.js or the npm tools are missing.
pub(crate) fn search_browser(
    dir: &Path,
    base: &str,
    cases: &serde_json::Value,
) -> Option<serde_json::Value> {
    browser("the site search in headless Chromium")?;
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), cases.to_string()).expect("write cases");
    let out = run(
        Command::new("node")
            .arg(tools_dir().join("search.mjs"))
            .args(["--base", base])
            .arg(dir)
            .arg(file.path()),
        "node (Node.js 20 or newer)",
    );
    assert!(
        out.status.success(),
        "tests/tools/search.mjs failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("search.mjs printed no JSON: {e}")),
    )
}

/// Runs `cmd` and returns its output; panics naming `what` if it cannot start.
fn run(cmd: &mut Command, what: &str) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("could not run {what}: {e}"))
}

/// Installs the pinned npm tools unless they are present and current; the
/// reason when they are not there and cannot be installed.
fn ensure_tools() -> Result<(), String> {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    READY
        .get_or_init(|| {
            if tools_current() {
                return Ok(());
            }
            if !runs("npm", "--version") {
                return Err(
                    "the npm tools of tests/tools are not installed and `npm` is not on PATH"
                        .into(),
                );
            }
            let _lock = InstallLock::acquire();
            if tools_current() {
                return Ok(()); // another process installed them while we waited
            }
            // --ignore-scripts: vnu-jar's postinstall tries to download a JDK
            // from GitHub; we use the machine's Java instead.
            let status = Command::new("npm")
                .args([
                    "ci",
                    "--ignore-scripts",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                ])
                .arg(tools_dir())
                .status();
            match status {
                Ok(s) if s.success() && tools_current() => Ok(()),
                other => Err(format!(
                    "the npm tools of tests/tools are not installed and `npm ci` failed ({other:?})"
                )),
            }
        })
        .clone()
}

/// True when every tool file exists and npm's record of the install
/// (`node_modules/.package-lock.json`) is not older than the lock file.
fn tools_current() -> bool {
    let dir = tools_dir();
    let installed = dir.join("node_modules/.package-lock.json");
    let files = [
        vnu_jar(),
        dir.join("node_modules/axe-core/axe.min.js"),
        dir.join("node_modules/playwright-core/package.json"),
    ];
    let mtime = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    files.iter().all(|f| f.is_file())
        && match (mtime(&installed), mtime(&dir.join("package-lock.json"))) {
            (Some(done), Some(wanted)) => done >= wanted,
            _ => false,
        }
}

/// A folder created atomically as a cross-process lock around `npm ci`,
/// which deletes `node_modules` before reinstalling it.
struct InstallLock(PathBuf);

impl InstallLock {
    fn acquire() -> Self {
        let path = tools_dir().join(".install.lock");
        let stale = Duration::from_secs(600);
        loop {
            match std::fs::create_dir(&path) {
                Ok(()) => return Self(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    // A lock left by a killed test run would block forever.
                    let age = path
                        .metadata()
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| SystemTime::now().duration_since(t).ok());
                    if age.is_some_and(|a| a > stale) {
                        let _ = std::fs::remove_dir(&path);
                    }
                    std::thread::sleep(Duration::from_millis(250));
                }
                Err(e) => panic!("could not create `{}`: {e}", path.display()),
            }
        }
    }
}

impl Drop for InstallLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir(&self.0);
    }
}

/// `file:/tmp/a%20b/x.html` → `/tmp/a b/x.html` (vnu escapes some bytes).
fn file_url_to_path(url: &str) -> PathBuf {
    let raw = url.strip_prefix("file:").unwrap_or(url);
    let raw = raw.strip_prefix("//").unwrap_or(raw);
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    PathBuf::from(String::from_utf8_lossy(&out).into_owned())
}

/// `path` relative to `dir` with `/` separators, or as given if outside it.
fn relative_to(dir: &Path, path: &Path) -> String {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    path.strip_prefix(&dir)
        .unwrap_or(&path)
        .to_string_lossy()
        .replace(std::path::MAIN_SEPARATOR, "/")
}
