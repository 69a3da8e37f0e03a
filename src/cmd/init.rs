//! `gongkai init DIR`: a new portal with the eight default columns, a sample
//! page for each page column and one sample notice, ready to build. It
//! never overwrites a file: each is created only if nothing is at its path
//! (`create_new`, so not even a file that appears meanwhile is replaced), and
//! the files it kept are listed.

use super::failure;
use gongkai::{fsx, t};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai init`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct InitArgs {
    /// Folder to create the portal in (created if missing; must not hold a site.yaml)
    pub(crate) dir: PathBuf,
}

const SITE_YAML: &str = "\
# 网站配置。改完后运行 `gongkai check` 检查，再运行 `gongkai build` 生成网站。
# 下面带 XX、0000、example.gov.cn 的都是示例，请改成本单位的真实信息。
title: XX街道政府信息公开
base_url: https://www.example.gov.cn/xxgk/
organization: XX街道办事处
contact:
  address: XX区XX路1号
  phone: 0000-00000000
  email: xxgk@example.gov.cn
identifiers:
  site_code: \"\"      # 网站标识码
  icp: \"\"            # ICP备案号
  police: \"\"         # 公安机关备案号
  # badge: { url: \"党政机关网站标识的证书网址\", image: conac.png }   # 图片放在 static 文件夹
  # jiucuo: \"上级单位给出的政府网站找错网址（带 site_code=本站标识码）\"
# favicon: favicon.png       # static 文件夹里的网站图标；不写就用主题自带的
# report_deadline: \"01-31\"   # 上一年度报告的发布期限（月-日）
# index_no_format: 000000000/{年}-{序号:5}   # 本站索引号的格式（000000000 换成本单位的机构代码）；写了以后每条信息的索引号都按它检查
# 正文每一行是一段（从 Word 复制过来的文字不用再空行）；写 join 则按 Markdown 连成一段。
line_breaks: paragraph
columns:
  - { slug: jggk, title: 机构概况, kind: page }
  - { slug: yjsgk, title: 预决算公开, kind: list, update_within: 1y }
  - { slug: zcjd, title: 政策解读, kind: list, update_within: 6m, require: [index_no, publisher] }
  - { slug: ndbg, title: 政府信息公开年度报告, kind: reports, update_within: 1y }
  - { slug: tzgg, title: 通知公告, kind: list, update_within: 6m, require: [index_no, publisher] }
  - { slug: jdgz, title: 街道工作, kind: list, update_within: 14d }
  - { slug: gzjd, title: 公众监督, kind: page }
  - { slug: gkzn, title: 公开指南, kind: page }
";

/// The first line of every sample page's text: `check` finds it
/// ([`gongkai::check::SAMPLE_MARK`]) until the page is rewritten.
macro_rules! sample {
    ($front:literal, $body:literal) => {
        concat!(
            "---\n",
            $front,
            "---\n\n",
            "【示例内容】这是 gongkai init 写的示例，请改成本单位的内容，并删掉这一行。\n\n",
            $body
        )
    };
}

const FILES: &[(&str, &str)] = &[
    (".gitignore", "/public\n"),
    (
        "content/jggk/_index.md",
        sample!(
            "title: 机构概况\n",
            "## 主要职责\n\n（在这里写本单位的主要职责。）\n\n## 内设机构\n\n- 党政综合办公室\n\n## 联系方式\n\n- 地址：XX区XX路1号\n- 电话：0000-00000000\n"
        ),
    ),
    (
        "content/gzjd/_index.md",
        sample!(
            "title: 公众监督\n",
            "对本单位政府信息公开工作有意见或建议，可以通过以下方式反映：\n\n- 电话：0000-00000000\n- 电子邮箱：xxgk@example.gov.cn\n"
        ),
    ),
    (
        "content/gkzn/_index.md",
        sample!(
            "title: 政府信息公开指南\n",
            "## 主动公开\n\n本单位主动公开的政府信息在本专栏发布。\n\n## 依申请公开\n\n（在这里写申请的方式、受理机构和答复期限。）\n"
        ),
    ),
    (
        "content/tzgg/sample-notice.md",
        sample!(
            "title: 示例通知（请删除或修改）\ndate: 2024-01-02 09:00\nindex_no: 000000000/2024-00001\ndoc_no: XX办发〔2024〕1号\npublisher: XX街道办事处\ntopic: 综合政务\n",
            "这是一条示例通知。每条信息是一个 Markdown 文件，\n文件开头的 `---` 之间写标题、发布日期等信息。\n"
        ),
    ),
];

/// Runs `gongkai init DIR`.
pub(crate) fn run(args: &InitArgs) -> ExitCode {
    let dir = &args.dir;
    if dir.join(gongkai::config::CONFIG_FILE).exists() {
        return failure(t!("init-exists", dir = dir));
    }
    match write_all(dir) {
        Ok(kept) => {
            gongkai::outln!("{}", t!("init-created", dir = dir));
            if !kept.is_empty() {
                gongkai::outln!("{}", t!("init-kept", count = kept.len()));
                for path in &kept {
                    gongkai::outln!("  {}", path.display());
                }
            }
            gongkai::outln!("{}", t!("init-next", dir = dir));
            ExitCode::SUCCESS
        }
        Err(e) => failure(e),
    }
}

/// Writes every file that is not there yet; returns the paths it kept.
fn write_all(dir: &Path) -> Result<Vec<PathBuf>, fsx::IoError> {
    let mut files = vec![(gongkai::config::CONFIG_FILE, SITE_YAML)];
    files.extend_from_slice(FILES);
    let mut kept = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fsx::create_dir_all(parent)?;
        }
        // A page shows the day it was last checked (its 更新日期): today.
        let text = if rel.ends_with("/_index.md") {
            let today = gongkai::content::today_in_china().to_string();
            text.replacen("\n---\n", &format!("\ndate: {today}\n---\n"), 1)
        } else {
            text.to_string()
        };
        if !create_new(&path, text.as_bytes())? {
            kept.push(path);
        }
    }
    for folder in [
        "content/yjsgk",
        "content/zcjd",
        "content/ndbg",
        "content/jdgz",
    ] {
        fsx::create_dir_all(&dir.join(folder))?;
    }
    Ok(kept)
}

/// Creates `path` with `bytes`; `Ok(false)` when something (a file, a
/// folder, a link) is already at `path`, which is left as it is.
fn create_new(path: &Path, bytes: &[u8]) -> Result<bool, fsx::IoError> {
    use std::io::Write;
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    match file {
        Ok(mut f) => f
            .write_all(bytes)
            .map(|()| true)
            .map_err(|e| fsx::IoError::new("failed to write", path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(fsx::IoError::new("failed to create", path, e)),
    }
}
