//! Validate stage: checks that need the whole content tree at once (two
//! files claiming one URL, the annual reports of consecutive years against
//! each other). Checks of a single file happen while it is loaded; links are
//! checked where Markdown is rendered.

use crate::content::Site;
use crate::diag::{Diagnostic, codes};
use std::collections::HashMap;
use std::path::PathBuf;

/// Pushes a finding for every output path claimed by more than one source,
/// and the cross-year findings of each reports column.
pub fn validate(site: &Site, diags: &mut Vec<Diagnostic>) {
    let mut claimed: HashMap<String, PathBuf> = HashMap::new();
    for col in &site.columns {
        for item in &col.items {
            claim(&mut claimed, &item.out_path, &item.source.shown, 1, diags);
        }
        crate::report::check_series(&col.reports, diags);
    }
}

fn claim(
    claimed: &mut HashMap<String, PathBuf>,
    out: &str,
    shown: &std::path::Path,
    line: u32,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(first) = claimed.get(out) {
        diags.push(
            Diagnostic::new(
                &codes::DUPLICATE_URL,
                shown,
                format!(
                    "`{}` and `{}` both publish to /{out}",
                    first.display(),
                    shown.display()
                ),
            )
            .at_line(line)
            .with_hint("give one of them another file name or a different `slug:`"),
        );
    } else {
        claimed.insert(out.to_string(), shown.to_path_buf());
    }
}
