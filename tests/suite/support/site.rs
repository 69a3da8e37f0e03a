//! A fixture site in a temporary folder, and the real `gongkai` binary run
//! on it, its output with the temporary folder redacted. Making the folder
//! from `tests/fixtures/` is `fixture.rs`'s job; asserting on pages is the
//! tests'.

use super::fixture;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What a failed build prints after its summary line: nothing since the
/// summary (错误：共 N 处错误，这次没有生成网站，已发布的网站保持原样) says
/// that the published site is unchanged. Kept for the tests that end their
/// expected stderr with it.
pub(crate) const TAIL: &str = "";

/// The last line of a failed build that found one error.
pub(crate) const FAILED_1: &str = "错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n";

/// A site copied into a temp folder.
pub(crate) struct SiteTest {
    _dir: tempfile::TempDir,
    /// The site's root.
    pub(crate) root: PathBuf,
}

/// What one run of the binary did.
#[derive(Debug)]
pub(crate) struct Run {
    /// Exit code.
    pub(crate) code: i32,
    /// Standard output, temp root replaced by `[ROOT]`.
    pub(crate) stdout: String,
    /// Standard error, temp root replaced by `[ROOT]`.
    pub(crate) stderr: String,
}

impl SiteTest {
    /// A fresh temp folder with `site/` in it, filled by `fill`.
    fn new(fill: impl FnOnce(&Path)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).expect("create site folder");
        fill(&root);
        Self { _dir: dir, root }
    }

    /// Copies the whole site `tests/fixtures/<name>` (e.g. `build/basic`)
    /// into a fresh temp folder.
    pub(crate) fn fixture(name: &str) -> Self {
        Self::new(|root| fixture::copy_site(name, root))
    }

    /// The case `tests/fixtures/<group>/<case>` (e.g. `check`,
    /// `links-broken`): a copy of `<group>/base` with the case's `REMOVE`
    /// applied and its files copied over. `case` may be `base`.
    pub(crate) fn case(group: &str, case: &str) -> Self {
        Self::new(|root| fixture::copy_case(group, case, root))
    }

    /// An empty temp folder as the site root.
    pub(crate) fn empty() -> Self {
        Self::new(|_| {})
    }

    /// Writes (or replaces) a file of the site.
    pub(crate) fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create folder");
        std::fs::write(path, contents).expect("write fixture file");
        self
    }

    /// A file of the site (not of the output) as text.
    pub(crate) fn read_source(&self, rel: &str) -> String {
        let path = self.root.join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// Removes a file of the site.
    pub(crate) fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.root.join(rel)).expect("remove fixture file");
        self
    }

    /// The command `gongkai <args>` in the site root, for a test that must
    /// set more (e.g. the environment) before [`SiteTest::run_command`].
    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gongkai"));
        cmd.args(args).current_dir(&self.root);
        cmd
    }

    /// Runs `gongkai <args>` in the site root.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_command(&mut self.command(args))
    }

    /// Runs `cmd` (from [`SiteTest::command`]) and redacts its output.
    pub(crate) fn run_command(&self, cmd: &mut Command) -> Run {
        let out: Output = cmd.output().expect("run gongkai");
        let redact = |b: &[u8]| {
            String::from_utf8_lossy(b).replace(&self.root.display().to_string(), "[ROOT]")
        };
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: redact(&out.stdout),
            stderr: redact(&out.stderr),
        }
    }

    /// `gongkai build <args>`, expected to succeed.
    pub(crate) fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        let run = self.run(&all);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// `gongkai build <args>`, expected to fail with exit code 1.
    pub(crate) fn build_fails(&self, args: &[&str]) -> Run {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        let run = self.run(&all);
        assert_eq!(
            run.code, 1,
            "build should have failed:\nstdout: {}\nstderr: {}",
            run.stdout, run.stderr
        );
        run
    }

    /// A file of the output folder (`public/` unless told otherwise).
    pub(crate) fn output(&self, rel: &str) -> PathBuf {
        self.root.join("public").join(rel)
    }

    /// The text of an output file.
    pub(crate) fn read(&self, rel: &str) -> String {
        let path = self.output(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// An output file parsed as HTML.
    pub(crate) fn html(&self, rel: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.read(rel))
    }

    /// Every file of the output folder with its bytes, for "untouched" checks.
    pub(crate) fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        files_in(&self.root.join("public"))
    }
}

/// Every file under `base` with its bytes, by path relative to `base`, sorted.
pub(crate) fn files_in(base: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![base.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read output") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).expect("read output file");
                out.push((p.strip_prefix(base).expect("inside").to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// The site's files of an output folder with their bytes, as
/// [`files_in`] gives them, without gongkai's own (`.gongkai-manifest`,
/// whose fingerprint names the site's folder, and `.gongkai-lock`).
pub(crate) fn site_files_in(out: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = files_in(out);
    files.retain(|(p, _)| !p.to_string_lossy().starts_with(".gongkai-"));
    files
}

/// Texts of the elements matching `selector`, whitespace-trimmed.
pub(crate) fn texts(html: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    html.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

/// Values of `attr` on the elements matching `selector`.
pub(crate) fn attrs(html: &scraper::Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    html.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}
