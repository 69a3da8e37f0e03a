//! The manifest, `.gongkai-manifest` in the output folder: the inputs'
//! fingerprint of the last complete build (first line, when there is one)
//! with that build's state (`state.rs`), and the hash, size and path of
//! every file a build wrote, one a line.
//!
//! The manifest is data found in the output folder, not trusted: a line
//! whose path is not a plain relative path inside the folder (`..`, an
//! absolute path, a drive prefix) is ignored with a warning, so no crafted
//! line can make a build remove or overwrite a file elsewhere.

use super::state::{self, BuildState};
use indexmap::IndexMap;
use std::path::{Component, Path};

/// The manifest's file name inside the output folder.
pub(crate) const MANIFEST: &str = ".gongkai-manifest";

/// The line that records the inputs' fingerprint.
const FINGERPRINT: &str = "#fingerprint\t";

/// What the fingerprint line's tag becomes, in place, while a build writes
/// into the folder ([`mark_unfinished`]): the line no longer says the
/// folder is complete, and the rest of the file (every published file's
/// entry) stays as it was, without writing it all again.
const UNFINISHED: &str = "#interrupted\t";

const _: () = assert!(FINGERPRINT.len() == UNFINISHED.len());

/// The line after which a build of a few edits added what it changed
/// ([`append`]), instead of writing the whole manifest again: later lines
/// hold over earlier ones.
pub(super) const APPENDED: &str = "#appended\n";

/// An added line saying a file of an earlier line is gone.
const GONE: &str = "#gone\t";

/// The fewest bytes an entry's line takes: 32 hexadecimal digits, a tab, a
/// digit, a tab, a one-letter path and the line's end.
const ENTRY_BYTES: usize = 37;

/// What the manifest of an output folder says.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    /// True when there is a manifest file at all.
    pub(crate) found: bool,
    /// The fingerprint of the build that wrote it, when that build was
    /// complete and clean.
    pub(crate) fingerprint: Option<String>,
    /// Hash and size of each file, by its path relative to the folder, in
    /// the order of the file's lines (sorted by path, as written).
    pub(crate) entries: IndexMap<String, (u128, u64)>,
    /// One `path:line:1: warning: …` line per entry that was ignored.
    pub(crate) warnings: Vec<String>,
    /// What the complete build recorded for the next one; only with a
    /// fingerprint.
    pub(crate) state: Option<std::sync::Arc<BuildState>>,
    /// The manifest's length in bytes, and how many of them were added
    /// after [`APPENDED`].
    pub(crate) bytes: usize,
    pub(crate) appended: usize,
    /// True when the end of the file was not read: a line cut short, or
    /// bytes that are not text.
    pub(crate) cut: bool,
}

impl Manifest {
    /// Reads the manifest of `out`; an empty one when there is none.
    pub(crate) fn read(out: &Path) -> Self {
        let path = out.join(MANIFEST);
        let Ok(bytes) = std::fs::read(&path) else {
            return Self::default();
        };
        let mut manifest = Self {
            found: true,
            bytes: bytes.len(),
            ..Self::default()
        };
        // A build stopped while adding lines ([`append`]) can leave the last
        // line cut short, even inside a character: what comes before is
        // read, the rest is not taken (nor is anything after bytes that are
        // not UTF-8, in a manifest someone else wrote).
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text,
            Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
        };
        let whole = &text[..text.rfind('\n').map_or(0, |i| i + 1)];
        manifest.cut = whole.len() != bytes.len();
        // Paths an added line says are gone, taken out at the end (in one
        // go, so the entries keep the order of the lines).
        let mut gone = std::collections::HashSet::new();
        let mut state = state::Reader::default();
        let mut reserved = false;
        for (n, line) in whole.lines().enumerate() {
            if line == APPENDED.trim_end() {
                let at = line.as_ptr() as usize - text.as_ptr() as usize;
                manifest.appended = manifest.bytes - at;
                continue;
            }
            if let Some(file) = line.strip_prefix(GONE) {
                gone.insert(file);
                continue;
            }
            if let Some(fp) = line.strip_prefix(FINGERPRINT) {
                if n == 0 {
                    manifest.fingerprint = Some(fp.to_string());
                }
                continue;
            }
            if line.starts_with('#') && state.line(line) {
                continue;
            }
            if !reserved {
                // The entries come after the state: room for as many as
                // there are lines left, so the map is not grown (and all
                // of it moved) time after time on a big site.
                reserved = true;
                // Never more than the bytes left could hold: an entry's
                // line takes at least ENTRY_BYTES (the file is not trusted).
                let at = line.as_ptr() as usize - text.as_ptr() as usize;
                let rest = &text.as_bytes()[at..];
                let lines = rest.iter().filter(|&&b| b == b'\n').count() + 1;
                manifest
                    .entries
                    .reserve(lines.min(rest.len() / ENTRY_BYTES + 1));
            }
            let Some((hash, size, file)) = fields(line) else {
                continue;
            };
            let (Ok(hash), Ok(size)) = (u128::from_str_radix(hash, 16), size.parse()) else {
                continue;
            };
            if !is_inside(file) {
                manifest.warnings.push(format!(
                    "{}:{}:1: {}: {}",
                    path.display(),
                    n + 1,
                    crate::diag::Severity::Warning.label(),
                    crate::t!("output-manifest-ignored", file = file)
                ));
                continue;
            }
            if !gone.is_empty() {
                gone.remove(file);
            }
            manifest.entries.insert(file.to_string(), (hash, size));
        }
        if !gone.is_empty() {
            manifest
                .entries
                .retain(|file, _| !gone.contains(file.as_str()));
        }
        manifest.state = (state.finish())
            .filter(|_| manifest.fingerprint.is_some())
            .map(std::sync::Arc::new);
        manifest
    }
}

/// The three tab-separated fields of an entry line; the last may hold tabs.
fn fields(line: &str) -> Option<(&str, &str, &str)> {
    let tab = |s: &str| s.bytes().position(|b| b == b'\t');
    let first = tab(line)?;
    let (hash, rest) = (&line[..first], &line[first + 1..]);
    let second = tab(rest)?;
    Some((hash, &rest[..second], &rest[second + 1..]))
}

/// Writes the manifest's text to `out`: the fingerprint line when given
/// (and after it the state, when given), then one line per entry, in the
/// order given.
pub(crate) fn write(
    out: &mut dyn std::io::Write,
    fingerprint: Option<&str>,
    build_state: Option<&BuildState>,
    entries: &[(&str, u128, u64)],
) -> std::io::Result<()> {
    let mut w = Lines::new(out);
    if let Some(fp) = fingerprint {
        w.text.push_str(FINGERPRINT);
        w.text.push_str(fp);
        w.text.push('\n');
        if let Some(s) = build_state {
            state::render(s, &mut w)?;
        }
    }
    for (path, hash, size) in entries {
        push_entry(&mut w.text, path, *hash, *size);
        w.done()?;
    }
    w.finish()
}

/// Appends the line of one file's entry.
pub(super) fn push_entry(text: &mut String, path: &str, hash: u128, size: u64) {
    push_hex(text, hash, 32);
    text.push('\t');
    push_decimal(text, size);
    text.push('\t');
    text.push_str(path);
    text.push('\n');
}

/// Appends the line that says the file at `path` is gone.
pub(super) fn push_gone(text: &mut String, path: &str) {
    text.push_str(GONE);
    text.push_str(path);
    text.push('\n');
}

/// Lines of text handed on in pieces of some tens of kilobytes: a big
/// site's manifest is many megabytes, and is never held whole.
pub(super) struct Lines<'a> {
    /// The lines not yet handed on; push whole lines, then call
    /// [`Lines::done`].
    pub(super) text: String,
    out: &'a mut dyn std::io::Write,
}

impl<'a> Lines<'a> {
    const PIECE: usize = 64 * 1024;

    fn new(out: &'a mut dyn std::io::Write) -> Self {
        Self {
            text: String::with_capacity(Self::PIECE + 1024),
            out,
        }
    }

    /// Hands the lines on once there are enough of them.
    pub(super) fn done(&mut self) -> std::io::Result<()> {
        if self.text.len() >= Self::PIECE {
            self.out.write_all(self.text.as_bytes())?;
            self.text.clear();
        }
        Ok(())
    }

    fn finish(self) -> std::io::Result<()> {
        self.out.write_all(self.text.as_bytes())
    }
}

/// Appends the last `digits` hexadecimal digits of `value`, as
/// `{value:0digits$x}` would for a value that fits: a big site's manifest
/// has hundreds of thousands of them, and the formatting machinery takes
/// far longer.
pub(super) fn push_hex(text: &mut String, value: u128, digits: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 32];
    for (i, b) in buf.iter_mut().rev().enumerate() {
        *b = HEX[((value >> (4 * i)) & 0xf) as usize];
    }
    let digits = digits.min(32);
    // Only ASCII digits and letters: always UTF-8.
    text.push_str(std::str::from_utf8(&buf[32 - digits..]).unwrap_or_default());
}

/// Appends `value` in decimal digits.
pub(super) fn push_decimal(text: &mut String, mut value: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    text.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

/// True when the manifest of `out` begins with a fingerprint: the last
/// build into the folder finished (a build that began writing and did not
/// finish leaves it without one). Reads only the first bytes.
pub(crate) fn finished(out: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; FINGERPRINT.len()];
    std::fs::File::open(out.join(MANIFEST))
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == *FINGERPRINT.as_bytes())
}

/// Takes the fingerprint from the manifest of `out` in place, before a
/// build writes anything: its tag is overwritten (same length), nothing
/// else. False, with nothing changed, when the manifest does not begin
/// with a fingerprint or is not a plain file of its own (a symbolic link,
/// or a file with other names too, is never written through); the caller
/// then writes a whole new manifest instead.
pub(crate) fn mark_unfinished(out: &Path) -> bool {
    retag(out, FINGERPRINT, UNFINISHED)
}

/// Undoes [`mark_unfinished`]: the manifest is again what it was.
pub(crate) fn mark_finished(out: &Path) -> bool {
    retag(out, UNFINISHED, FINGERPRINT)
}

/// The manifest of `out` opened to be written in place, with what the
/// system says of it; only a plain file of its own (never through a
/// symbolic link, nor a file with other names).
#[cfg(target_os = "linux")]
fn open_own(out: &Path) -> Option<(std::fs::File, std::fs::Metadata)> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(out.join(MANIFEST))
        .ok()?;
    let meta = file.metadata().ok()?;
    (meta.is_file() && meta.nlink() == 1).then_some((file, meta))
}

#[cfg(target_os = "linux")]
fn retag(out: &Path, from: &str, to: &str) -> bool {
    use std::io::Read;
    use std::os::unix::fs::FileExt;
    let Some((mut file, _)) = open_own(out) else {
        return false;
    };
    let mut head = [0u8; FINGERPRINT.len()];
    file.read_exact(&mut head).is_ok()
        && head == *from.as_bytes()
        && file.write_all_at(to.as_bytes(), 0).is_ok()
        // Marking the folder unfinished reaches the disk before any file
        // of the build does.
        && (to != UNFINISHED || file.sync_data().is_ok())
}

/// Elsewhere the manifest is always written whole.
#[cfg(not(target_os = "linux"))]
fn retag(_: &Path, _: &str, _: &str) -> bool {
    false
}

/// Finishes the manifest of `out`, marked unfinished by this build
/// ([`mark_unfinished`]), by adding `lines` at its end (what the build
/// changed; see [`APPENDED`]) and then putting `fingerprint` (32 digits,
/// as long as the one there) in its first line: a build of one edit into
/// a folder of a hundred thousand files need not write them all down
/// again. The lines reach the disk before the fingerprint does, so a
/// folder said complete always has them. False when the manifest is not
/// as this build left it (or not a plain file of its own); the caller
/// then writes it whole.
#[cfg(target_os = "linux")]
pub(super) fn append(out: &Path, read: &Manifest, fingerprint: &str, lines: &str) -> bool {
    use std::io::Read;
    use std::os::unix::fs::FileExt;
    let Some((mut file, meta)) = open_own(out) else {
        return false;
    };
    let mut head = [0u8; UNFINISHED.len() + 33];
    let first = format!("{FINGERPRINT}{fingerprint}");
    // The file as it was read, all of it: the lines added describe what
    // changed since then.
    let ready = usize::try_from(meta.len()) == Ok(read.bytes)
        && !read.cut
        && first.len() + 1 == head.len()
        && lines.ends_with('\n')
        && file.read_exact(&mut head).is_ok()
        && head.starts_with(UNFINISHED.as_bytes())
        && head.last() == Some(&b'\n');
    if !ready {
        return false;
    }
    let added = file.write_all_at(lines.as_bytes(), meta.len()).is_ok() && file.sync_data().is_ok();
    if !added {
        // A disk full or failing: back to what it was, as far as it goes.
        let _ = file.set_len(meta.len());
        return false;
    }
    file.write_all_at(first.as_bytes(), 0).is_ok()
}

/// Elsewhere the manifest is always written whole.
#[cfg(not(target_os = "linux"))]
pub(super) fn append(_: &Path, _: &Manifest, _: &str, _: &str) -> bool {
    false
}

/// True when `path` is a plain relative path that stays inside the folder
/// it is joined to: `/`-separated names, none empty, `.` or `..`, and no
/// root or drive prefix.
pub(crate) fn is_inside(path: &str) -> bool {
    let plain = !path.contains('\\')
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..");
    // Where a path can have no prefix, the parts above say it all (a
    // hundred thousand paths are asked on a big site).
    plain
        && (cfg!(unix)
            || Path::new(path)
                .components()
                .all(|c| matches!(c, Component::Normal(_))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_formatter_writes_them() {
        for v in [
            0u128,
            1,
            9,
            10,
            0xabc,
            u64::MAX as u128,
            u128::MAX,
            1 << 127,
        ] {
            for digits in [16, 32] {
                let mut text = String::new();
                push_hex(&mut text, v, digits);
                let full = format!("{v:032x}");
                assert_eq!(text, full[32 - digits..], "{v} {digits}");
            }
        }
        for v in [0u64, 7, 10, 99, 100, 12345, u64::MAX] {
            let mut text = String::new();
            push_decimal(&mut text, v);
            assert_eq!(text, v.to_string());
        }
    }

    #[test]
    fn only_plain_relative_paths_are_inside() {
        for good in ["a.html", "x/y/b.html", "附件/通知.pdf"] {
            assert!(is_inside(good), "{good}");
        }
        for bad in [
            "",
            "../a",
            "x/../../a",
            "/etc/passwd",
            "./a",
            "x/./a",
            "..",
            "a\\..\\b",
        ] {
            assert!(!is_inside(bad), "{bad}");
        }
    }

    #[test]
    fn added_lines_hold_over_earlier_ones() -> std::io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let out = tmp.path();
        let h = |n: u128| format!("{n:032x}");
        let key = h(0xab);
        let text = format!(
            "{FINGERPRINT}{fp}\n#setup\t12\n#taken\t5\n#known\t3\n\
             #input\t{one}\t00\t{key}\n#item\t0\t0\t{one}\t{one}\t{key}\n\
             {one}\t1\ta.html\n{one}\t1\tb.html\n{one}\t1\tc.html\n\
             {APPENDED}#taken\t6\n#known\t-\n#input\t{two}\t00\t{key}\n\
             #item\t0\t1\t{two}\t{two}\t{key}\n{two}\t2\tb.html\n{two}\t2\td.html\n\
             #gone\ta.html\n#gone\tc.html\n{two}\t3\tc.html\n{two}\t2\t附件",
            fp = h(7),
            one = h(1),
            two = h(2),
        );
        // Cut short inside a character, as a build stopped while adding
        // lines can leave it.
        let mut bytes = text.clone().into_bytes();
        bytes.pop();
        std::fs::write(out.join(MANIFEST), &bytes)?;
        let m = Manifest::read(out);
        let files: Vec<_> = m.entries.iter().map(|(p, r)| (p.as_str(), *r)).collect();
        // In the order of the lines: gone and back again keeps its place.
        assert_eq!(
            files,
            [("b.html", (2, 2)), ("c.html", (2, 3)), ("d.html", (2, 2))]
        );
        assert!(m.cut);
        let state = m.state.expect("a state");
        assert_eq!(state.taken.as_nanos(), 6);
        assert_eq!(state.known_from, None);
        assert_eq!(state.inputs[&0xab].hash, 2);
        assert_eq!(state.items[&0xab].position, 1);
        assert_eq!(m.bytes, bytes.len());
        assert_eq!(
            m.appended,
            bytes.len() - text.find(APPENDED).expect("marker")
        );
        assert!(m.warnings.is_empty());
        Ok(())
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn lines_are_added_only_to_a_manifest_this_build_marked() -> std::io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let out = tmp.path();
        let path = out.join(MANIFEST);
        let (old, new) = ("a".repeat(32), "b".repeat(32));
        let body = format!("{}\t1\tx.html\n", "0".repeat(32));
        let text = format!("{FINGERPRINT}{old}\n{body}");
        std::fs::write(&path, &text)?;
        let read = Manifest::read(out);
        // Not marked: left as it is.
        assert!(!append(out, &read, &new, "#taken\t9\n"));
        assert_eq!(std::fs::read_to_string(&path)?, text);
        assert!(mark_unfinished(out));
        // A fingerprint of another length, or lines without their end.
        assert!(!append(out, &read, "short", "#taken\t9\n"));
        assert!(!append(out, &read, &new, "#taken\t9"));
        // Not the file as it was read.
        let stale = Manifest {
            bytes: read.bytes + 1,
            ..Manifest::default()
        };
        assert!(!append(out, &stale, &new, "#taken\t9\n"));
        assert!(append(out, &read, &new, "#taken\t9\n"));
        assert_eq!(
            std::fs::read_to_string(&path)?,
            format!("{FINGERPRINT}{new}\n{body}#taken\t9\n")
        );
        // Through a link: never.
        let elsewhere = tmp.path().join("elsewhere");
        std::fs::rename(&path, &elsewhere)?;
        std::os::unix::fs::symlink(&elsewhere, &path)?;
        let before = std::fs::read(&elsewhere)?;
        assert!(!mark_unfinished(out));
        assert!(!append(out, &Manifest::read(out), &new, "#taken\t10\n"));
        assert_eq!(std::fs::read(&elsewhere)?, before);
        Ok(())
    }

    #[test]
    fn crafted_lines_are_ignored_with_their_line_number() -> std::io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let out = tmp.path();
        let text = format!(
            "{FINGERPRINT}abc\n{h}\t1\ta.html\n{h}\t1\t../x\n{h}\t1\t/etc/passwd\nnot a line\n",
            h = "0".repeat(32)
        );
        std::fs::write(out.join(MANIFEST), text)?;
        let m = Manifest::read(out);
        assert_eq!(m.fingerprint.as_deref(), Some("abc"));
        assert_eq!(m.entries.keys().collect::<Vec<_>>(), ["a.html"]);
        let shown = out.join(MANIFEST).display().to_string();
        assert_eq!(
            m.warnings,
            [
                format!("{shown}:3:1: 警告: 清单里的「../x」不在输出文件夹里，已忽略"),
                format!("{shown}:4:1: 警告: 清单里的「/etc/passwd」不在输出文件夹里，已忽略"),
            ]
        );
        Ok(())
    }
}
