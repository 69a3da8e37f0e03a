//! File-system calls that carry their path. Every read of a user's file goes
//! through here, so an error always says which file, and text that is not
//! UTF-8 is reported as such (with a hint when it looks like GBK, which
//! Windows tools in Chinese offices still write).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// An I/O failure on a named path. It prints in the current language:
/// what was being done, the path, and the failure in plain words
/// ([`crate::i18n::io_error`]).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.said())]
pub struct IoError {
    /// What was being done ("failed to read").
    pub action: &'static str,
    /// The path concerned.
    pub path: PathBuf,
    /// The underlying error.
    #[source]
    pub source: io::Error,
}

impl IoError {
    /// The failure of `action` ("failed to read") on `path`.
    pub fn new(action: &'static str, path: &Path, source: io::Error) -> Self {
        Self {
            action,
            path: path.to_path_buf(),
            source,
        }
    }

    /// The message, e.g. "读取「content/a.md」失败：没有读写权限".
    fn said(&self) -> String {
        let reason = crate::i18n::io_error(&self.source);
        let path = &self.path;
        match self.action {
            "failed to read" => t!("fsx-failed-read", path = path, reason = reason),
            "failed to read metadata of" => t!("fsx-failed-metadata", path = path, reason = reason),
            "failed to create folder" => t!("fsx-failed-create-dir", path = path, reason = reason),
            "failed to create" => t!("fsx-failed-create", path = path, reason = reason),
            "failed to write" => t!("fsx-failed-write", path = path, reason = reason),
            "failed to replace" => t!("fsx-failed-replace", path = path, reason = reason),
            "failed to remove" => t!("fsx-failed-remove", path = path, reason = reason),
            "failed to open" => t!("fsx-failed-open", path = path, reason = reason),
            "failed to lock" => t!("fsx-failed-lock", path = path, reason = reason),
            "failed to list" => t!("fsx-failed-list", path = path, reason = reason),
            LINK_IN_OUTPUT => t!(
                "fsx-link-in-output",
                path = path,
                to = self.source.to_string()
            ),
            _ => t!("fsx-failed-other", path = path, reason = reason),
        }
    }
}

/// The action of an [`IoError`] for a link met inside the output folder
/// on the way to a file (its source's text is where the link points).
pub const LINK_IN_OUTPUT: &str = "link inside the output folder";

/// Why a text file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// The file could not be read at all.
    #[error(transparent)]
    Io(#[from] IoError),
    /// The bytes are not UTF-8.
    #[error("{message}")]
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: u32,
        /// Full message, including the GBK hint when it applies.
        message: String,
    },
}

/// Reads a whole file as bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, IoError> {
    fs::read(path).map_err(|e| IoError::new("failed to read", path, e))
}

/// Reads a text file: UTF-8 with an optional BOM; CRLF and lone CR line
/// ends become LF. YAML and Markdown both read a lone CR as a line break, so
/// keeping it would put their positions a line away from the rest of
/// gongkai, which counts LF.
pub fn read_text(path: &Path) -> Result<String, TextError> {
    let bytes = read(path)?;
    decode_text(bytes)
}

/// Decodes file bytes as described in [`read_text`].
pub fn decode_text(mut bytes: Vec<u8>) -> Result<String, TextError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            return Err(not_utf8(&bytes));
        }
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

fn not_utf8(bytes: &[u8]) -> TextError {
    let valid_up_to = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let line = bytes[..valid_up_to].iter().filter(|b| **b == b'\n').count() as u32 + 1;
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    let message = if guess == encoding_rs::GBK || guess == encoding_rs::GB18030 {
        t!("fsx-not-utf8-gbk")
    } else {
        t!("fsx-not-utf8", guess = guess.name())
    };
    TextError::NotUtf8 { line, message }
}

/// Size of a file in bytes.
pub fn file_size(path: &Path) -> Result<u64, IoError> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| IoError::new("failed to read metadata of", path, e))
}

/// Creates a folder and its parents.
pub fn create_dir_all(path: &Path) -> Result<(), IoError> {
    fs::create_dir_all(path).map_err(|e| IoError::new("failed to create folder", path, e))
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so a reader never sees a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the bytes written by `write` as it goes,
/// so they need not all be in memory at once.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> Result<(), IoError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.gongkai-tmp"));
    let written = create_new(&tmp).and_then(|mut file| write(&mut file));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(IoError::new("failed to write", &tmp, e));
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        IoError::new("failed to replace", path, e)
    })
}

/// Creates the file at `path` anew for writing: whatever had that name
/// (a file, or a link someone put there) is removed first, and the new
/// file is made only if the name is then free, so writing never goes
/// through a link or into a file with other names.
pub fn create_new(path: &Path) -> io::Result<fs::File> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// Removes a file.
pub fn remove_file(path: &Path) -> Result<(), IoError> {
    fs::remove_file(path).map_err(|e| IoError::new("failed to remove", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_accepted() {
        let s = decode_text(b"\xEF\xBB\xBFa\r\nb".to_vec()).ok();
        assert_eq!(s.as_deref(), Some("a\nb"));
        let s = decode_text(b"a\rb\r\r\nc\n".to_vec()).ok();
        assert_eq!(s.as_deref(), Some("a\nb\n\nc\n"));
    }

    #[test]
    fn io_errors_are_said_in_plain_words() {
        let e = IoError::new(
            "failed to read",
            Path::new("content/a.md"),
            io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert_eq!(e.to_string(), "读取「content/a.md」失败：没有读写权限");
    }

    #[test]
    fn gbk_is_named() {
        let (gbk, _, _) = encoding_rs::GBK.encode("标题：通知公告\n关于开展消防安全检查的通知");
        let err = decode_text(gbk.into_owned()).err();
        match err {
            Some(TextError::NotUtf8 { line, message }) => {
                assert_eq!(line, 1);
                assert_eq!(
                    message,
                    "文件的编码不对：它是用 GBK 编码保存的（中文 Windows 的老程序常这样存），gongkai 只能读 UTF-8 编码。请用 WPS 或记事本打开它，点「另存为」，编码选「UTF-8」后保存"
                );
            }
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }
}
