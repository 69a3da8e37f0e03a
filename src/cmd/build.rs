//! `gongkai build`: run the pipeline and write the site to the output folder.

use super::{EXIT_INPUT, SiteArgs, failure};
use crate::config::Overrides;
use crate::diag::{Diagnostics, Severity};
use crate::fingerprint;
use crate::output;
use crate::pipeline::{self, PipelineOptions};
use crate::render;
use crate::serve::{ChangeKind, FileSet, Rebuild, Rebuilder, Session};
use std::path::PathBuf;
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
    /// The pipeline options these arguments ask for.
    pub(crate) fn pipeline_options(&self) -> PipelineOptions {
        PipelineOptions {
            root: self.site.root.clone(),
            overrides: Overrides {
                base_url: self.base_url.clone(),
                output: self.output.clone(),
            },
            drafts: self.site.drafts,
            minify: !self.no_minify,
        }
    }
}

/// Runs `gongkai build`.
pub(crate) fn run(args: &BuildArgs) -> ExitCode {
    if args.watch {
        return watch(args);
    }
    let started = Instant::now();
    let opts = args.pipeline_options();
    let fingerprint = fingerprint::of(&opts);
    if let Some(fp) = &fingerprint {
        if let Some(out) = configured_output(&opts) {
            if output::up_to_date(&out, fp) {
                println!(
                    "nothing changed since the last build of {} ({} ms)",
                    out.display(),
                    started.elapsed().as_millis()
                );
                return ExitCode::SUCCESS;
            }
        }
    }
    let loaded = pipeline::load(&opts);
    let mut diagnostics = loaded.diagnostics;
    let Some(site) = loaded.site else {
        return report_failure(diagnostics);
    };
    let render_opts = pipeline::render_options(&opts);
    let failed_early = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let out = output_dir(&args.site.root, &site.config.output);
    if failed_early {
        // Render anyway, writing nothing, so template and link errors are
        // reported in the same run as the content errors.
        render::render_each(&site, render_opts, &mut diagnostics, &|_| {});
        return report_failure(diagnostics);
    }
    if let Err(e) = output::check_target(&args.site.root, &out, args.force) {
        return failure(e);
    }
    let stager = match output::Stager::new(&out) {
        Ok(s) => s,
        Err(e) => return failure(e),
    };
    render::render_each(&site, render_opts, &mut diagnostics, &|f| stager.stage(&f));
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        stager.abort();
        return report_failure(diagnostics);
    }
    let clean = diagnostics.is_empty();
    report(diagnostics);
    match stager.commit(fingerprint.as_deref().filter(|_| clean)) {
        Ok(stats) => {
            println!(
                "built {} files into {} in {} ms ({} written, {} removed)",
                stats.total,
                out.display(),
                started.elapsed().as_millis(),
                stats.written,
                stats.removed
            );
            ExitCode::SUCCESS
        }
        Err(e) => failure(e),
    }
}

/// The output folder site.yaml and the options name, if site.yaml reads.
fn configured_output(opts: &PipelineOptions) -> Option<PathBuf> {
    let config = crate::config::load(&opts.root, &opts.overrides, &mut Vec::new())?;
    Some(output_dir(&opts.root, &config.output))
}

fn report(diagnostics: Vec<crate::diag::Diagnostic>) {
    let mut diags = Diagnostics::default();
    diags.extend(diagnostics);
    diags.report();
}

fn report_failure(diagnostics: Vec<crate::diag::Diagnostic>) -> ExitCode {
    report(diagnostics);
    eprintln!("nothing was written; the previous output is unchanged");
    ExitCode::from(EXIT_INPUT)
}

/// The output folder: as given when absolute or when the root is the
/// current folder (so messages say `public`, not `./public`), else under
/// the root.
pub(crate) fn output_dir(root: &std::path::Path, output: &std::path::Path) -> PathBuf {
    if output.is_absolute() || root == std::path::Path::new(".") {
        output.to_path_buf()
    } else {
        root.join(output)
    }
}

/// `build --watch`: the preview's rebuild loop, writing each good build to
/// the output folder (only the files that changed, each atomically) until
/// Ctrl-C. A failed rebuild leaves the folder as it was.
fn watch(args: &BuildArgs) -> ExitCode {
    let root = match args.site.root.canonicalize() {
        Ok(root) => root,
        Err(e) => return failure(format!("cannot open `{}`: {e}", args.site.root.display())),
    };
    let mut rebuilder = Rebuilder::new(PipelineOptions {
        root: root.clone(),
        ..args.pipeline_options()
    });
    let first = rebuilder.rebuild(&ChangeKind::Full(Vec::new()));
    let configured = rebuilder.site().map(|s| s.config.output.clone());
    let out = output_dir(
        &root,
        configured
            .as_deref()
            .unwrap_or(std::path::Path::new("public")),
    );
    if let Err(e) = output::check_target(&root, &out, args.force) {
        return failure(e);
    }
    let mut writer = Writer {
        out: out.clone(),
        files: FileSet::default(),
    };
    writer.publish(first);
    let session = match Session::start(rebuilder, out, move |_, rebuild| writer.publish(rebuild)) {
        Ok(s) => s,
        Err(e) => return failure(e),
    };
    println!("watching {} for changes (Ctrl-C to stop)", root.display());
    crate::serve::wait_for_stop();
    session.stop();
    println!("stopped");
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
        let pages = crate::serve::pages_rendered(rebuild.pages(), rebuild.incremental);
        let (what, started) = (rebuild.what.clone(), rebuild.started);
        let Some(update) = rebuild.update else {
            eprintln!("{what}: nothing was written; the previous output is unchanged");
            return;
        };
        self.files.apply(update);
        match output::write(&self.out, self.files.files()) {
            Ok(stats) => println!(
                "{what}: rendered {pages}, wrote {} file{} into {} in {} ms ({} removed)",
                stats.written,
                if stats.written == 1 { "" } else { "s" },
                self.out.display(),
                started.elapsed().as_millis(),
                stats.removed
            ),
            Err(e) => eprintln!("error: {e}"),
        }
    }
}
