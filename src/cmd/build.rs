//! `gongkai build`: run the pipeline with a sink that stages files in the
//! output folder, then commit them, or abort and leave the folder as it was.
//! `--watch` runs the pipeline's watch loop and writes each good rebuild.

use super::{EXIT_FAILURE, EXIT_INPUT, SiteArgs, failure, report};
use gongkai::config::Overrides;
use gongkai::content::known;
use gongkai::pipeline::{self, ChangeKind, FileSet, Options, Pipeline, Rebuild, Scope, Session};
use gongkai::render::Discard;
use gongkai::{fingerprint, output, t};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `gongkai build`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// Output folder (default: `output` in site.yaml, or `public`)
    #[arg(long, value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
    /// Base URL to build for, e.g. https://www.example.gov.cn/xxgk/
    #[arg(long, value_name = "URL")]
    pub(crate) base_url: Option<String>,
    /// Write HTML as rendered, without minifying it
    #[arg(long)]
    pub(crate) no_minify: bool,
    /// Write into a non-empty output folder that gongkai did not create
    #[arg(long)]
    pub(crate) force: bool,
    /// Keep running: rebuild and write again whenever a file is saved
    #[arg(long)]
    pub(crate) watch: bool,
}

impl BuildArgs {
    fn options(&self) -> Options {
        Options {
            root: self.site.root(),
            overrides: Overrides {
                base_url: self.base_url.clone(),
                output: self.output.clone(),
            },
            drafts: self.site.drafts,
            minify: !self.no_minify,
            publish_until: (!self.site.future).then(gongkai::content::today_in_china),
        }
    }
}

/// Whether the build may write into `out`: never where it would destroy the
/// user's work, and only inside the site when site.yaml named it.
fn check(root: &Path, out: &Path, args: &BuildArgs) -> Result<(), output::OutputError> {
    if args.output.is_none() {
        output::check_configured(root, out)?;
    }
    output::check_target(root, out, args.force)
}

/// Runs `gongkai build`: check the output folder, lock it, remove what a
/// killed build left, stop early when nothing changed, else run the
/// pipeline into the stager and commit (or abort).
pub(crate) fn run(args: &BuildArgs) -> ExitCode {
    if args.watch {
        return watch(args);
    }
    let started = Instant::now();
    let opts = args.options();
    let root = opts.root.clone();
    let out = opts.output_dir();
    let mut pipeline = Pipeline::new(opts);
    // Without site.yaml there is no output folder: the run only reports.
    let target = out.map(|out| (check(&root, &out, args), out));
    let Some((Ok(()), out)) = target else {
        let outcome = pipeline.run(&Scope::Full, &Discard);
        return match target {
            Some((Err(e), _)) if !outcome.failed() => failure(e),
            // No site here at all (a wrong --root, a checkout without
            // site.yaml) is not a content error: CI tells the two apart.
            None if !root.join(gongkai::config::CONFIG_FILE).is_file() => {
                report(outcome.diagnostics);
                ExitCode::from(EXIT_FAILURE)
            }
            _ => report_failure(outcome.diagnostics),
        };
    };
    let lock = match lock(&out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    // The fingerprint is taken before the pipeline reads anything (site.yaml
    // was read only to find the output folder), so an edit made while the
    // build runs is seen by the next one; the last build's record is read
    // meanwhile, and the list items it kept (`content::known`), which a
    // build of some edits takes (most builds into a kept folder are).
    let (scan, (stager, mut kept)) = rayon::join(
        || fingerprint::scan(pipeline.options()),
        || {
            let stager = output::Stager::new(&out);
            let kept = stager.as_ref().ok().and_then(|stager| {
                let last = stager.previous_state()?;
                let from = last.known_from?;
                known::decode(output::read_items(&out)?, &last.setup, from)
            });
            (stager, kept)
        },
    );
    let fingerprint = scan.as_ref().map(|s| s.fingerprint().to_string());
    let mut stager = match stager {
        Ok(s) => s,
        Err(e) => return failure(e),
    };
    if let Some(fp) = &fingerprint
        && stager.up_to_date(fp)
    {
        let ms = started.elapsed().as_millis();
        gongkai::outln!("{}", t!("build-up-to-date", out = &out, ms = ms as u64));
        return ExitCode::SUCCESS;
    }
    for warning in stager.warnings() {
        gongkai::errln!("{warning}");
    }
    let last = stager.previous_state();
    // The inputs by content: after a fresh checkout every time above has
    // changed, but maybe only a few files' bytes.
    let inputs = scan.as_ref().and_then(|scan| {
        let known = last.as_ref().map(|l| (&l.inputs, l.taken));
        fingerprint::inputs(scan, known)
    });
    let changed = match (&last, &inputs) {
        (Some(last), Some(now)) => last.changed(&now.setup, &now.files),
        _ => None,
    };
    if changed.as_ref().is_some_and(Vec::is_empty) && stager.files_intact() {
        // Same bytes as the last complete build: record the new times.
        stager.keep_unstaged(Vec::new());
        stager.keep_items();
        if let (Some(state), Some(inputs)) = (last, inputs) {
            stager.record_state(output::BuildState {
                inputs: inputs.files,
                taken: inputs.taken,
                ..std::sync::Arc::unwrap_or_clone(state)
            });
        }
        return match stager.commit(fingerprint.as_deref()) {
            Ok(_) => {
                let ms = started.elapsed().as_millis() as u64;
                gongkai::outln!("{}", t!("build-up-to-date", out = &out, ms = ms));
                ExitCode::SUCCESS
            }
            Err(e) => failure(e),
        };
    }
    // For a build of some edits: the list items kept by an earlier build
    // whose files are as they were then.
    let mut taken_from = None;
    let edited = match (&last, &changed, &inputs) {
        (Some(last), Some(changed), Some(now)) => {
            let known =
                (kept.take()).map(|k| k.reusable(|key| now.files.get(&key).map(|f| f.hash)));
            if known.is_some() {
                taken_from = last.known_from;
            }
            pipeline.run_edits(last, changed, known, &stager)
        }
        _ => None,
    };
    // Not held through a full build when unused (tens of megabytes).
    drop(kept);
    let outcome = match edited {
        Some(outcome) => outcome,
        None => pipeline.run(&Scope::Full, &stager),
    };
    if outcome.failed() {
        stager.abort();
        return report_failure(outcome.diagnostics);
    }
    let clean = outcome.diagnostics.is_empty();
    let pages = outcome.pages;
    let states = outcome.item_states;
    report(outcome.diagnostics);
    if let Some(site) = pipeline.site() {
        if outcome.incremental {
            stager.keep_unstaged(gongkai::render::rebuilt_whole(site));
        }
        if let Some(inputs) = inputs.filter(|_| clean && !has_rollup(site)) {
            let taken_from = taken_from.filter(|_| outcome.incremental);
            let known_from = keep_items(&mut stager, site, &root, &inputs, taken_from);
            stager.record_state(output::BuildState {
                setup: inputs.setup,
                inputs: inputs.files,
                taken: inputs.taken,
                items: states.unwrap_or_else(|| pipeline::item_states(site)),
                known_from,
            });
        }
    }
    match stager.commit(fingerprint.as_deref().filter(|_| clean)) {
        Ok(stats) => {
            let ms = started.elapsed().as_millis() as u64;
            let line = if outcome.incremental {
                t!(
                    "build-done-edits",
                    changed = changed.as_ref().map_or(0, Vec::len),
                    pages = pages,
                    total = stats.total,
                    out = &out,
                    ms = ms,
                    written = stats.written,
                    removed = stats.removed
                )
            } else {
                t!(
                    "build-done",
                    total = stats.total,
                    out = &out,
                    ms = ms,
                    written = stats.written,
                    removed = stats.removed
                )
            };
            gongkai::outln!("{line}");
            drop(lock);
            super::exit_success()
        }
        Err(e) => failure(e),
    }
}

/// Keeps the site's list items for the next build (`content::known`),
/// returning the build they are from: a build of some edits that took them
/// from the folder leaves the file (`taken_from`) as it is, since only list
/// items' files changed since; any other writes them anew. With the site
/// search on none are kept: its index reads every item's text again and
/// takes far longer than reading the files, so they would save nothing.
fn keep_items(
    stager: &mut output::Stager,
    site: &gongkai::content::Site,
    root: &std::path::Path,
    inputs: &fingerprint::Inputs,
    taken_from: Option<u128>,
) -> Option<u128> {
    if site.config.search {
        return None;
    }
    if let Some(from) = taken_from {
        stager.keep_items();
        return Some(from);
    }
    let from = inputs.taken.as_nanos();
    stager
        .write_items(|w| known::write(site, root, &inputs.setup, from, w))
        .then_some(from)
}

/// A site with a summary column reads reports from outside its folder,
/// which the recorded inputs do not cover: its builds are always full.
fn has_rollup(site: &gongkai::content::Site) -> bool {
    site.columns
        .iter()
        .any(|c| c.column.kind == gongkai::config::ColumnKind::Rollup)
}

/// Locks the output folder, waiting (and saying so) while another build
/// holds it, then removes the temporary files a killed build left there.
fn lock(out: &std::path::Path) -> Result<output::Lock, ExitCode> {
    let lock = output::Lock::acquire(out, || {
        gongkai::errln!("{}", t!("build-waiting", out = out));
    })
    .map_err(failure)?;
    output::sweep(out).map_err(failure)?;
    Ok(lock)
}

/// Prints the findings of a failed run; their last line says that the
/// published site is unchanged.
fn report_failure(diagnostics: Vec<gongkai::diag::Diagnostic>) -> ExitCode {
    report(diagnostics);
    ExitCode::from(EXIT_INPUT)
}

/// `build --watch`: the pipeline's watch loop, writing each good rebuild to
/// the output folder (only the files that changed, each atomically) until
/// Ctrl-C. A failed rebuild leaves the folder as it was.
fn watch(args: &BuildArgs) -> ExitCode {
    let root = match args.site.root().canonicalize() {
        Ok(root) => root,
        Err(e) => {
            let root = args.site.root();
            return failure(t!(
                "build-cannot-open-root",
                path = &root,
                why = gongkai::i18n::io_error(&e)
            ));
        }
    };
    let mut pipeline = Pipeline::new(Options {
        root: root.clone(),
        ..args.options()
    });
    let first = Rebuild::run(&mut pipeline, &ChangeKind::Full(Vec::new()));
    let out = pipeline.output_dir();
    if let Err(e) = check(&root, &out, args) {
        return failure(e);
    }
    // Held until the loop stops: no other build writes into the folder
    // meanwhile.
    let _lock = match lock(&out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    let mut writer = Writer {
        out: out.clone(),
        files: FileSet::default(),
    };
    let session = match Session::start(pipeline, out, first, move |_, rebuild| {
        writer.publish(rebuild);
    }) {
        Ok(s) => s,
        Err(e) => return failure(e),
    };
    gongkai::outln!("{}", t!("build-watching", root = &root));
    pipeline::wait_for_stop();
    session.stop();
    gongkai::outln!("{}", t!("build-stopped"));
    ExitCode::SUCCESS
}

/// Writes each good rebuild of `build --watch`.
struct Writer {
    out: PathBuf,
    files: FileSet,
}

impl Writer {
    fn publish(&mut self, rebuild: Rebuild) {
        rebuild.report();
        let pages = rebuild.pages_rendered();
        let (what, started) = (rebuild.what.clone(), rebuild.started);
        let Some(update) = rebuild.update else {
            gongkai::errln!("{}", t!("build-watch-not-written", what = &what));
            return;
        };
        self.files.apply(update);
        match output::write(&self.out, self.files.files()) {
            Ok(stats) => {
                for warning in &stats.warnings {
                    gongkai::errln!("{warning}");
                }
                gongkai::outln!(
                    "{}",
                    t!(
                        "build-watch-written",
                        what = &what,
                        pages = &pages,
                        written = stats.written,
                        out = &self.out,
                        ms = started.elapsed().as_millis() as u64,
                        removed = stats.removed
                    )
                );
            }
            Err(e) => gongkai::errln!("{}", t!("build-failure", detail = e.to_string())),
        }
    }
}
