//! The download files of each annual report (its data as JSON and its
//! tables as CSV), next to the report's page. They come from report files,
//! never from list items, so item edits leave them alone.

use super::{Cx, SiteOutput};
use crate::content::Site;
use crate::diag::Diagnostic;
use crate::render::plan::{Claim, Origin};
use crate::render::{Content, OutputFile, Sink};

/// Every report's downloads.
pub(super) struct ReportDownloads;

impl SiteOutput for ReportDownloads {
    fn follows_item_edits(&self) -> bool {
        false
    }

    fn paths(&self, site: &Site) -> Vec<Claim> {
        let mut claims = Vec::new();
        for col in &site.columns {
            let slug = &col.column.slug;
            for report in &col.reports {
                let what = crate::t!(
                    "render-origin-downloads",
                    year = report.year().to_string(),
                    slug = slug.as_str()
                );
                claims.extend(report.download_paths().map(|file| Claim {
                    path: format!("{slug}/{file}"),
                    by: Origin::column_part(col, &what),
                }));
            }
        }
        claims
    }

    fn render(&self, cx: &Cx<'_>, _: &mut Vec<Diagnostic>, sink: &dyn Sink) {
        for col in &cx.site.columns {
            let slug = &col.column.slug;
            for report in &col.reports {
                for (file, bytes) in report.downloads() {
                    sink.put(OutputFile {
                        path: format!("{slug}/{file}"),
                        content: Content::Bytes(bytes),
                    });
                }
            }
        }
    }
}
