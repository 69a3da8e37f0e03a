//! `gongkai serve` end to end: the real binary on a free loopback port
//! against a copy of `tests/fixtures/serve/basic` (served under `/xxgk/`).
//! See: issue 4 (watch mode and live preview).

use crate::support::preview::Preview;
use crate::support::site::SiteTest;
use crate::support::tools;
use std::path::Path;
use std::process::Command;

const NOTICE: &str = "content/tzgg/notice.md";
const NOTICE_URL: &str = "/xxgk/tzgg/notice.html";

fn notice(body: &str) -> String {
    format!("---\ntitle: 关于预览的通知\ndate: 2024-03-01\n---\n\n{body}\n")
}

/// Stdout with the port, the temporary folder and timings replaced, so it
/// can be pinned. The search index's lines are left out: the index is made
/// after each rebuild's pages, on its own thread, so where its line falls
/// among the next rebuilds' depends on timing (`search.rs` tests it).
fn redact(out: &str, port: u16, root: &Path) -> String {
    let root = root.canonicalize().expect("root");
    let text = out
        .replace(&root.display().to_string(), "[ROOT]")
        .replace(&port.to_string(), "[PORT]");
    text.lines()
        .filter(|l| !l.starts_with("搜索索引已更新："))
        .map(|l| match l.rsplit_once("，用时 ") {
            Some((head, tail)) if tail.ends_with(" 毫秒") => format!("{head}，用时 [..] 毫秒\n"),
            _ => format!("{l}\n"),
        })
        .collect()
}

#[test]
fn edits_show_up_broken_edits_keep_the_last_good_page_and_fixes_recover() {
    let site = SiteTest::fixture("serve/basic");
    let p = Preview::start(&site.root);
    assert!(p.get(NOTICE_URL).text().contains("<p>第一版正文。</p>"));

    p.write(NOTICE, &notice("第二版正文。"));
    p.wait_for("the edit", |p| {
        p.get(NOTICE_URL).text().contains("<p>第二版正文。</p>")
    });

    // A broken edit: the last good page stays, the error is printed and sent.
    p.write(NOTICE, "---\ndate: 2024-03-01\n---\n\n坏的正文。\n");
    p.wait_for("the error", |p| {
        p.stderr().contains("浏览器里仍是上一次正确的版本")
    });
    assert_eq!(
        p.stderr(),
        "content/tzgg/notice.md:1:1: 错误: 文件开头 --- 之间缺少 title:（标题）\n  = 建议: 文件要这样开头：\n---\ntitle: 标题\ndate: 2024-03-01\n---\n错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\ncontent/tzgg/notice.md 有改动：有错误，没有更新预览，浏览器里仍是上一次正确的版本\n"
    );
    let page = p.get(NOTICE_URL);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<p>第二版正文。</p>"));
    let status = p.status();
    assert!(
        status.contains(r#""errors":[{"text":"content/tzgg/notice.md:1:1: 错误: 文件开头 --- 之间缺少 title:（标题）\n  = 建议: 文件要这样开头：\n---\ntitle: 标题\ndate: 2024-03-01\n---","code":"front-matter","severity":"error","message":"文件开头 --- 之间缺少 title:（标题）","file":"content/tzgg/notice.md","line":1,"col":1,"#),
        "{status}"
    );

    p.write(NOTICE, &notice("第三版正文。"));
    p.wait_for("the fix", |p| {
        p.get(NOTICE_URL).text().contains("<p>第三版正文。</p>")
    });
    assert!(p.status().ends_with(r#","errors":[]}"#));

    // A second edit after the fix, of the text alone, renders only the
    // notice's own page: no other page shows its text.
    p.write(NOTICE, &notice("第四版正文。"));
    p.wait_for("the next edit", |p| {
        p.get(NOTICE_URL).text().contains("<p>第四版正文。</p>")
    });
    // A new title shows on the list page and the home page too.
    p.write(
        NOTICE,
        &notice("第四版正文。").replace("关于预览的通知", "关于预览的通知（更正）"),
    );
    p.wait_for("the new title", |p| {
        p.get("/xxgk/tzgg/index.html")
            .text()
            .contains("关于预览的通知（更正）")
    });
    let port = p.addr.port();
    let (status, out) = p.interrupt();
    assert!(status.success(), "{status}");
    assert_eq!(
        redact(&out, port, &site.root),
        "网站已生成：生成了全部 8 个页面，用时 [..] 毫秒\n\
         正在预览 [ROOT]，请在浏览器打开 http://127.0.0.1:[PORT]/xxgk/ （按 Ctrl-C 停止）\n\
         content/tzgg/notice.md 有改动：生成了改动的 1 个页面，用时 [..] 毫秒\n\
         content/tzgg/notice.md 有改动：生成了全部 8 个页面，用时 [..] 毫秒\n\
         content/tzgg/notice.md 有改动：生成了改动的 1 个页面，用时 [..] 毫秒\n\
         content/tzgg/notice.md 有改动：生成了改动的 5 个页面，用时 [..] 毫秒\n\
         已停止\n"
    );
}

#[test]
fn paths_content_types_and_traversal() {
    let site = SiteTest::fixture("serve/basic");
    let p = Preview::start(&site.root);

    let root = p.get("/");
    assert_eq!(
        (root.status, root.header("location")),
        (302, Some("/xxgk/"))
    );
    let folder = p.get("/xxgk/tzgg");
    assert_eq!(
        (folder.status, folder.header("location")),
        (302, Some("/xxgk/tzgg/"))
    );
    for (path, kind) in [
        ("/xxgk/", "text/html; charset=utf-8"),
        ("/xxgk/tzgg/", "text/html; charset=utf-8"),
        ("/xxgk/static/style.css", "text/css; charset=utf-8"),
        ("/xxgk/feed.xml", "application/xml; charset=utf-8"),
        ("/xxgk/sitemap.xml", "application/xml; charset=utf-8"),
        ("/__gongkai/live.js", "text/javascript; charset=utf-8"),
        // 附件1.pdf and 附件2.xlsx, percent-encoded as browsers send them.
        (
            "/xxgk/tzgg/rules/%E9%99%84%E4%BB%B61.pdf",
            "application/pdf",
        ),
        (
            "/xxgk/tzgg/rules/%E9%99%84%E4%BB%B62.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ] {
        let r = p.get(path);
        assert_eq!(
            (r.status, r.header("content-type")),
            (200, Some(kind)),
            "{path}"
        );
    }
    assert_eq!(
        p.get("/xxgk/tzgg/rules/%E9%99%84%E4%BB%B61.pdf").body,
        b"%PDF-1.4\n% fixture\n"
    );

    let not_found = p.get("/xxgk/tzgg/nope.html");
    assert_eq!(
        (not_found.status, not_found.header("content-type")),
        (404, Some("text/html; charset=utf-8"))
    );
    assert!(
        not_found.text().contains("<title>页面未找到"),
        "the site's own 404 page"
    );
    for path in [
        "/xxgk/../../etc/passwd",
        "/../etc/passwd",
        "/xxgk/%2e%2e/%2e%2e/etc/passwd",
        "/xxgk/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/xxgk//etc/passwd",
        "/xxgk/%2Fetc%2Fpasswd",
        "/etc/passwd",
        "/xxgk/..%5C..%5Cwindows%5Cwin.ini",
    ] {
        let r = p.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(
            !r.text().contains("secret") && !r.text().contains("root:"),
            "{path}"
        );
    }
    assert_eq!(p.request("POST", "/xxgk/").status, 405);

    // An attachment that is a symbolic link to a file outside the site is a
    // build error (issue 10): the last good build stays, without it.
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("secret.pdf"), "%PDF secret").expect("write");
    link_attachment(&site.root, &outside.path().join("secret.pdf"));
    p.wait_for("the error", |p| {
        p.stderr()
            .contains("是指向网站文件夹外面的快捷方式（链接），不能发布")
    });
    let r = p.get("/xxgk/tzgg/rules/%E9%99%84%E4%BB%B63.pdf");
    assert_eq!(r.status, 404);
    assert!(!r.text().contains("secret"));
}

/// Makes `content/tzgg/rules/链接.pdf` a symbolic link to `target` and
/// lists it as the notice's third attachment.
fn link_attachment(root: &Path, target: &Path) {
    let dir = root.join("content/tzgg/rules");
    std::os::unix::fs::symlink(target, dir.join("链接.pdf")).expect("symlink");
    let index = dir.join("index.md");
    let text = std::fs::read_to_string(&index).expect("read");
    std::fs::write(
        &index,
        text.replace("  - 统计表.xlsx\n", "  - 统计表.xlsx\n  - 链接.pdf\n"),
    )
    .expect("write");
}

#[test]
fn only_served_pages_carry_the_reload_script() {
    let site = SiteTest::fixture("serve/basic");
    site.build(&[]);
    let mut pages = 0;
    for (entry, bytes) in site.snapshot() {
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        assert!(!text.contains("__gongkai"), "{}", entry.display());
        pages += usize::from(entry.extension().is_some_and(|e| e == "html"));
    }
    assert_eq!(
        pages, 16,
        "8 pages (the search page among them) and their 长者模式 copies"
    );
    let p = Preview::start(&site.root);
    let page = p.get(NOTICE_URL).text();
    assert!(
        page.contains("<script src=\"/__gongkai/live.js\" data-generation=\""),
        "{page}"
    );
    assert!(
        page.trim_end().ends_with("</script></body>\n</html>") || page.contains("</script></body>")
    );
    assert!(!p.get("/xxgk/feed.xml").text().contains("__gongkai"));
}

#[test]
fn a_taken_port_moves_to_the_next_and_says_so() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let site = SiteTest::fixture("serve/basic");
    let p = Preview::start_on(&site.root, port);
    assert_ne!(p.addr.port(), port);
    let first = p.stdout().lines().next().unwrap_or_default().to_string();
    assert_eq!(
        first,
        format!("端口 {port} 已被占用，预览改用端口 {}", p.addr.port())
    );
}

#[test]
fn live_reload_in_headless_chromium() {
    if tools::browser("live reload in headless Chromium").is_none() {
        return;
    }
    let tools = tools::tools_dir();
    let site = SiteTest::fixture("serve/basic");
    let p = Preview::start(&site.root);
    let url = format!("http://{}{NOTICE_URL}", p.addr);
    let run = Command::new("node")
        .arg(tools.join("live_reload.mjs"))
        .arg(&url)
        .arg(site.root.join(NOTICE))
        .output()
        .expect("run node");
    assert!(
        run.status.success(),
        "{}{}\n--- serve stdout\n{}--- serve stderr\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr),
        p.stdout(),
        p.stderr()
    );
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "live reload: 4 steps passed\n"
    );
}

/// A burst such as a `git checkout` of many files gives one rebuild, and a
/// deleted notice's page goes away.
#[test]
fn a_burst_of_files_gives_one_rebuild_and_deleted_pages_go() {
    let site = SiteTest::fixture("serve/basic");
    let p = Preview::start(&site.root);
    for i in 0..300 {
        p.write(
            &format!("content/tzgg/burst{i:03}.md"),
            &format!("---\ntitle: 批量{i}\ndate: 2024-05-01\n---\n\n正文{i}。\n"),
        );
        // Spread over about half a second, as a checkout of many files is.
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    p.wait_for("the burst", |p| {
        p.get("/xxgk/tzgg/burst299.html").status == 200
    });
    // Let any late batch of the burst arrive before counting.
    std::thread::sleep(std::time::Duration::from_millis(600));
    // One rebuild; a second is tolerated in case the test machine stalls the
    // writer for longer than the burst's quiet period (without coalescing
    // this burst gives about twenty).
    let rebuilds = p
        .stdout()
        .lines()
        .filter(|l| l.contains("有改动："))
        .count();
    assert!((1..=2).contains(&rebuilds), "{}", p.stdout());

    std::fs::remove_file(site.root.join("content/tzgg/burst000.md")).expect("remove");
    p.wait_for("the deletion", |p| {
        p.get("/xxgk/tzgg/burst000.html").status == 404
    });
    let (status, _) = p.interrupt();
    assert!(status.success(), "{status}");
}

/// Issue 10: a web page on another site could reach the preview through
/// DNS rebinding (its own name resolving to 127.0.0.1), so only requests
/// naming the preview itself are answered.
#[test]
fn only_requests_naming_the_preview_itself_are_answered() {
    let site = SiteTest::fixture("serve/basic");
    let p = Preview::start(&site.root);
    let port = p.addr.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".to_string(),
        "LocalHost:80".to_string(),
    ] {
        let page = p.request_to("GET", "/xxgk/", Some(&host));
        assert_eq!(page.status, 200, "Host: {host}");
    }
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("10.1.2.3:{port}"),
    ] {
        let refused = p.request_to("GET", "/xxgk/", Some(&host));
        assert_eq!(
            (refused.status, refused.text()),
            (
                421,
                "421 misdirected request: this preview answers only to requests for localhost, its own address or this computer's name\n".to_string()
            ),
            "Host: {host}"
        );
    }
    let no_host = p.request_to("GET", "/xxgk/", None);
    assert_eq!(no_host.status, 400);
}
