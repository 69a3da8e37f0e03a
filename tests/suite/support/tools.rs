//! External checkers for generated HTML, for integration tests: the Nu HTML
//! checker (`vnu.jar`, run with the machine's Java) and axe-core in headless
//! Chromium (`tests/tools/axe.mjs`).
//!
//! Call it from a test (`use crate::support::tools;`) and assert that the
//! returned lists are empty. The pinned tools live in
//! `tests/tools/node_modules`; if they are missing or older than
//! `tests/tools/package-lock.json`, the first call installs them with
//! `npm ci`, once per process and under a lock folder across processes
//! (`cargo nextest` runs each test in its own process). Only checker plumbing
//! belongs here; building fixture sites does not.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// `tests/tools`, absolute, so tests work from any current directory.
pub(crate) fn tools_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools")
}

fn vnu_jar() -> PathBuf {
    tools_dir().join("node_modules/vnu-jar/build/dist/vnu.jar")
}

/// Nu HTML checker errors for every `.html`/`.htm` file under `dir`, one
/// `path:line:col: message` string each, the path relative to `dir`.
/// Warnings and info messages are not included.
///
/// Panics if `dir` is not a folder, if Java is missing, or if the checker
/// cannot run.
pub(crate) fn vnu_errors(dir: &Path) -> Vec<String> {
    assert!(
        dir.is_dir(),
        "vnu_errors: `{}` is not a folder",
        dir.display()
    );
    ensure_tools();
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
        .collect()
}

/// WCAG 2.1 A/AA violations found by axe-core in every `.html` file under
/// `dir`, served over loopback HTTP at `/`, plus `overflow-320` (the page
/// scrolls sideways at 320 px), `external-resource` and `page-load`. One
/// `page: id: help (first target)` string per violation.
///
/// Panics if Chromium, Node.js or the npm tools are missing.
pub(crate) fn axe_violations(dir: &Path) -> Vec<String> {
    axe_violations_under(dir, "/")
}

/// Like [`axe_violations`], with the folder served under `base` (e.g.
/// `/xxgk/`), for sites built with a sub-path `base_url`.
pub(crate) fn axe_violations_under(dir: &Path, base: &str) -> Vec<String> {
    assert!(
        dir.is_dir(),
        "axe_violations: `{}` is not a folder",
        dir.display()
    );
    let chromium = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        chromium.exists(),
        "Chromium not found at `{}`: run `apt-get install -y chromium` (or set CHROMIUM)",
        chromium.display()
    );
    ensure_tools();
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
    found
}

/// Runs `cmd` and returns its output; panics naming `what` if it cannot start.
fn run(cmd: &mut Command, what: &str) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("could not run {what}: {e}"))
}

/// Installs the pinned npm tools unless they are present and current.
fn ensure_tools() {
    static READY: OnceLock<()> = OnceLock::new();
    READY.get_or_init(|| {
        if tools_current() {
            return;
        }
        let _lock = InstallLock::acquire();
        if tools_current() {
            return; // another process installed them while we waited
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
            Ok(s) if s.success() && tools_current() => {}
            other => panic!(
                "the HTML checkers are not installed and `npm ci` failed ({other:?}): \
                 run `npm ci --prefix tests/tools` in the repository root"
            ),
        }
    });
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
