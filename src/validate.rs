//! Validate stage: checks that need the whole content tree at once (the
//! annual reports of consecutive years against each other). Checks of a
//! single file happen while it is loaded; links are checked where Markdown
//! is rendered; two outputs claiming one path are found by the render
//! stage's plan (`render::plan`), which lists every output, not only items.

use crate::content::Site;
use crate::diag::Diagnostic;

/// Pushes the cross-year findings of each reports column.
pub fn validate(site: &Site, diags: &mut Vec<Diagnostic>) {
    for col in &site.columns {
        crate::report::check_series(&col.reports, diags);
    }
}
