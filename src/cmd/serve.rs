//! `gongkai serve`: build the site, serve it on this computer, and rebuild
//! and reload open pages whenever a file is saved.

use super::{EXIT_INPUT, SiteArgs, failure};
use gongkai::config::Overrides;
use gongkai::pipeline::Options as PipelineOptions;
use gongkai::serve::{self, ServeError, ServeOptions};
use std::net::IpAddr;
use std::process::ExitCode;

/// Arguments of `gongkai serve`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// Address to listen on; 127.0.0.1 keeps the preview on this computer
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub(crate) bind: IpAddr,
    /// Port to listen on; when it is taken the next free one is used (0: any free port)
    #[arg(long, default_value_t = 1111)]
    pub(crate) port: u16,
    /// Open the preview in the web browser
    #[arg(long)]
    pub(crate) open: bool,
}

/// Runs `gongkai serve` until Ctrl-C.
pub(crate) fn run(args: &ServeArgs) -> ExitCode {
    let opts = ServeOptions {
        pipeline: PipelineOptions {
            root: args.site.root(),
            overrides: Overrides::default(),
            drafts: args.site.drafts,
            // Unminified pages rebuild faster and read better in the
            // browser's source view; `build` still minifies.
            minify: false,
            publish_until: (!args.site.future).then(gongkai::content::today_in_china),
        },
        bind: args.bind,
        port: args.port,
        open: args.open,
    };
    match serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e @ ServeError::NoSite(_)) => {
            gongkai::errln!("{}", gongkai::t!("build-failure", detail = e.to_string()));
            ExitCode::from(EXIT_INPUT)
        }
        Err(e) => failure(e),
    }
}
