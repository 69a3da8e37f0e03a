/* gongkai site search: runs the query of search.html?q=… on the index in
   pagefind/ and shows the results, the filters with their counts, and the
   sort order. A file of its own (no inline script), so the site works under
   Content-Security-Policy: default-src 'self'; script-src 'self'
   'wasm-unsafe-eval'.

   The index holds Chinese text as overlapping pairs of characters plus the
   last character of each run, each written as `ʠ` and a code of lowercase
   letters per character (three for most, `x` and three for the rest of the
   Basic Multilingual Plane, `y` and four beyond it; see
   src/render/outputs/search/tokens.rs); queryWords below cuts a query the
   same way, so a query of two or more characters is searched as the exact
   phrase of its pairs and one character as the start of a word. Nothing
   here depends on Intl.Segmenter. */
(function () {
  "use strict";

  var app = document.getElementById("search");
  if (!app || !window.Promise || !("normalize" in String.prototype)) return;

  var HAN = /[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3134F}]/u;
  var ALNUM = /[\p{Alphabetic}\p{N}]/u;
  var SEP_DIGITS = "!#$%()*+,-/:;=?@";
  var PAGE_SIZE = 10;
  var FILTERS = ["栏目", "年份", "发布机构", "主题分类"];

  var form = app.querySelector("form");
  var input = document.getElementById("search-q");
  var sortSelect = app.querySelector("[data-search-sort]");
  var filtersBox = app.querySelector("[data-search-filters]");
  var status = app.querySelector("[data-search-status]");
  var list = app.querySelector("[data-search-results]");
  var more = app.querySelector("[data-search-more]");
  var base = app.getAttribute("data-base") || "/";
  var bundle = app.getAttribute("data-bundle") || base + "pagefind/";
  // In the 长者模式 mirror, results lead to the mirror's pages.
  var mirror = location.pathname.indexOf(base + "zhe/") === 0;

  app.querySelector("[data-search-app]").hidden = false;
  var nojsColumns = app.querySelector("[data-search-nojs]");
  nojsColumns.hidden = true;
  // The columns stay for when the index cannot be loaded; the word that
  // search needs JavaScript does not (it runs).
  var nojsNote = app.querySelector("[data-search-nojs-note]");
  if (nojsNote) nojsNote.hidden = true;

  /* ---- Words, as the index holds them ---- */

  // Starts every word the index makes up; read as a separator anywhere else.
  var MARK = "\u02A0";
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  var SHORT = 23; // first letters of the three-letter codes: a to w
  // [first code point, last, first number], in the order they are numbered.
  var BMP = [[0x4E00, 0x9FFF, 0], [0x3007, 0x3007, 20992], [0x3400, 0x4DBF, 20993], [0xF900, 0xFAFF, 27585]];
  function isHan(c) { return HAN.test(c); }
  function isAlnum(c) { return c !== MARK && ALNUM.test(c); }
  function letters(n, len) {
    var out = "";
    for (var i = len - 1; i >= 0; i--) out += LETTERS.charAt(Math.floor(n / Math.pow(26, i)) % 26);
    return out;
  }
  function number(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) n = n * 26 + LETTERS.indexOf(s.charAt(i));
    return n;
  }
  function code(c) {
    var cp = c.codePointAt(0);
    for (var r = 0; r < BMP.length; r++) {
      if (cp >= BMP[r][0] && cp <= BMP[r][1]) {
        var n = BMP[r][2] + cp - BMP[r][0];
        return n < SHORT * 676 ? letters(n, 3) : "x" + letters(n - SHORT * 676, 3);
      }
    }
    return "y" + letters(cp - 0x20000, 4);
  }
  function pair(a, b) { return MARK + code(a) + (b ? code(b) : ""); }
  var CODE = "([a-w][a-z]{2}|x[a-z]{3}|y[a-z]{4})";
  var PAIR_WORD = new RegExp("^" + MARK + CODE + "(?:" + CODE + ")?$");
  // The first character a pair word stands for (both when `whole`), or
  // null.
  function pairFirst(word, whole) {
    var m = PAIR_WORD.exec(word);
    if (!m) return null;
    var first = codeChar(m[1]);
    return whole && m[2] && first !== null ? first + (codeChar(m[2]) || "") : first;
  }
  // The character of one code.
  function codeChar(c) {
    if (c.charAt(0) === "y") return String.fromCodePoint(0x20000 + number(c.slice(1)));
    var n = c.charAt(0) === "x" ? SHORT * 676 + number(c.slice(1)) : number(c);
    for (var r = 0; r < BMP.length; r++) {
      if (n >= BMP[r][2] && n <= BMP[r][2] + BMP[r][1] - BMP[r][0]) {
        return String.fromCodePoint(BMP[r][0] + n - BMP[r][2]);
      }
    }
    return null;
  }
  // Digits as letters: a for 0 to j for 9.
  function digitLetters(digits) {
    return digits.replace(/[0-9]/g, function (d) { return LETTERS.charAt(+d); });
  }

  // The words of one query group: each Han run's pairs (or its one
  // character), each run of letters and digits lower-cased. A Han run that
  // more words follow also gives its last character, as the index does
  // for every run: without it the phrase of 街道2022 (街道 2022) would not
  // be the index's 街道 道 2022.
  function queryWords(text) {
    var chars = Array.from(text.normalize("NFKC").toLowerCase());
    var words = [];
    var lastRunSingle = false;
    var i = 0;
    var more = function (from) {
      for (var k = from; k < chars.length; k++) if (isHan(chars[k]) || isAlnum(chars[k])) return true;
      return false;
    };
    while (i < chars.length) {
      var start = i;
      if (isHan(chars[i])) {
        while (i < chars.length && isHan(chars[i])) i++;
        if (i - start === 1) words.push(pair(chars[start]));
        for (var w = start; w < i - 1; w++) words.push(pair(chars[w], chars[w + 1]));
        if (i - start > 1 && more(i)) words.push(pair(chars[i - 1]));
        lastRunSingle = i - start === 1;
      } else if (isAlnum(chars[i])) {
        while (i < chars.length && isAlnum(chars[i]) && !isHan(chars[i])) i++;
        words.push(chars.slice(start, i).join(""));
        lastRunSingle = false;
      } else {
        i++;
      }
    }
    return { words: words, endsWithOneHan: lastRunSingle };
  }

  // The groups of a query, each searched on its own: what spaces separate,
  // and what punctuation next to a Chinese character separates (垃圾，分类
  // and 疫情、防控 are two words, as with a space). Punctuation between
  // letters or digits stays inside its group (PM2.5, 7:00, 2245.80): the
  // index holds such a run as a phrase of its pieces. tokens.rs
  // (query_groups) cuts the same way.
  function groupsOf(text) {
    var chars = Array.from(text.normalize("NFKC"));
    var out = "";
    var i = 0;
    while (i < chars.length) {
      var c = chars[i];
      if (isHan(c) || isAlnum(c) || /\s/.test(c)) {
        out += c;
        i++;
        continue;
      }
      var start = i;
      while (i < chars.length && !isHan(chars[i]) && !isAlnum(chars[i]) && !/\s/.test(chars[i])) i++;
      var before = chars[start - 1];
      var after = chars[i];
      var joins = before && after && isAlnum(before) && !isHan(before) && isAlnum(after) && !isHan(after);
      out += joins ? chars.slice(start, i).join("") : " ";
    }
    return out.split(/\s+/).filter(Boolean);
  }

  // A 文号 typed in any bracket style → its issuer, year and number, or
  // null. A 文 or 文件 after it (大街办通〔2022〕7号文) is not part of it.
  function docNo(text) {
    var spaced = text.normalize("NFKC")
      .replace(/号\s*(?:文件|文)\s*$/, "号")
      .replace(/[〔〕\[\]()【】﹝﹞〖〗年第]/g, " ")
      .replace(/\s+/g, " ").trim();
    if (spaced.slice(-1) !== "号") return null;
    spaced = spaced.slice(0, -1).trim();
    var m = /^(\S+?) *((?:19|20|21)\d\d) *(\d{1,6})$/.exec(spaced);
    if (!m) return null;
    var issuer = Array.from(m[1]);
    if (!issuer.some(isHan) || !issuer.every(function (c) { return isHan(c) || ALNUM.test(c); })) return null;
    return { issuer: m[1], year: m[2], number: String(parseInt(m[3], 10)) };
  }

  // The word the index holds for a 文号.
  function docNoKey(d) {
    var key = MARK + "zw" + digitLetters(d.year) + digitLetters(d.number) + "k";
    Array.from(d.issuer).forEach(function (c) { key += isHan(c) ? code(c) : "z" + letters(c.codePointAt(0), 4); });
    return key;
  }

  // What a 文号 marks: the same issuer, year and number however the text
  // brackets them (大街办发2024年3号 marks 大街办发〔2024〕3号), not another
  // number (31号).
  function docNoMark(d) {
    var gap = "[\\s〔〕\\[\\]()【】﹝﹞〖〗年第]{0,4}";
    // The issuer is Chinese, letters and digits: nothing to escape.
    return d.issuer.toLowerCase() + gap + d.year + gap + "0*" + d.number + "\\s*号";
  }

  // A 索引号 (014314799/2022-00047, AB12-2022-0003) → its word: a query of
  // letters and digits in groups joined by / or -, eight or more of them
  // and a digit among them, as tokens.rs takes a page's 索引号.
  function indexNoKey(text) {
    var t = text.normalize("NFKC").replace(/\s+/g, "");
    if (!/^[0-9A-Za-z]+(?:[\/\-—－][0-9A-Za-z]+)+$/.test(t)) return null;
    var kept = t.replace(/[^0-9A-Za-z]/g, "");
    if (kept.length < 8 || !/[0-9]/.test(kept)) return null;
    return MARK + "zs" + kept.toLowerCase().replace(/[0-9a-z]/g, function (c) {
      return /[0-9]/.test(c) ? digitLetters(c) : "k" + c;
    });
  }

  // The text a snippet's words stand for: a Han pair gives its first
  // character (the last word both, so a snippet ending in 85.00万元 shows
  // its 元), every word the separators coded after it.
  function decodeWords(words) {
    var out = [];
    words.forEach(function (w, at) {
      var cut = w.indexOf("^");
      var head = cut < 0 ? w : w.slice(0, cut);
      var seps = cut < 0 ? "" : w.slice(cut + 1);
      if (seps.charAt(0) === "~") {
        // A 文号 or 索引号 key, or a word of what the result shows apart
        // (its date, its publisher): not shown.
        seps = seps.slice(1);
      } else {
        var first = pairFirst(head, at === words.length - 1);
        out.push(first === null ? head : first);
      }
      seps.split("~").forEach(function (code) {
        if (!code) return;
        var hex = "";
        for (var k = 0; k < code.length; k++) {
          var d = SEP_DIGITS.indexOf(code.charAt(k));
          if (d >= 0) hex += d.toString(16);
        }
        if (hex) out.push(String.fromCodePoint(parseInt(hex, 16)));
      });
    });
    return out.join("").replace(/\s+/g, " ").trim();
  }

  /* ---- The query ---- */

  // A group that is a year alone, in a form readers type it (2023, 2023年,
  // 2023年度, 二〇二三年, 二零二三年度): the year's digits, or null.
  var HAN_DIGITS = "〇一二三四五六七八九";
  function yearOf(group) {
    var g = group.replace(/^[〇零○一二三四五六七八九]{4}(?=年)/, function (han) {
      return Array.from(han).map(function (c) { return String(Math.max(0, HAN_DIGITS.indexOf(c))); }).join("");
    });
    var m = /^((?:19|20|21)\d\d)(?:年度?)?$/.exec(g);
    return m ? m[1] : null;
  }

  // A 年 or 年度 typed apart from its year (2023 年) joined to it.
  function joinYears(q) {
    return q.replace(/(^|\s)(\S{4})\s+(年度?)(?=\s|$)/g, function (all, before, head, nian) {
      return yearOf(head.normalize("NFKC") + nian) ? before + head + nian : all;
    });
  }

  // A year typed against other words at the start or the end of a group
  // (2024年消防安全检查, 2022年度报告, 2024消防, 老旧小区2022年): the year and
  // the rest, or null. The year is 19xx or 20xx, with 年 or 年度 or nothing
  // after it, and meets the words at a Han character (or its 年), so a run
  // of letters and digits (covid2019, 120245) is never cut.
  function runOnYear(group) {
    var m = /^((?:19|20)\d\d)(年度|年)?/.exec(group);
    if (m) {
      var rest = group.slice(m[0].length);
      if (rest && (m[2] || isHan(Array.from(rest)[0])) && queryWords(rest).words.length) {
        return { year: m[1], rest: rest };
      }
    }
    m = /((?:19|20)\d\d)(年度|年)?$/.exec(group);
    if (m && m.index > 0) {
      var before = Array.from(group.slice(0, m.index));
      if (isHan(before[before.length - 1])) return { year: m[1], rest: group.slice(0, m.index) };
    }
    return null;
  }

  // The query. A year alone in a group (2023年, 2023年度, 二〇二三年, 2023 年:
  // see yearOf and joinYears) is the year filter. A year run on with words
  // (2024年消防安全检查) is read two ways, and the results are both
  // readings' pages together:
  //   - split: the year filter and the rest as the words, as if typed with
  //     a space (2024年 消防安全检查), what a reader of the hint "输入年份
  //     （如 2023年）" means;
  //   - literal (query.literal): the group as typed, a phrase of the text,
  //     as before.
  // Not the literal reading alone (it found nothing for most such queries:
  // 2024年消防 never occurs), nor the split alone: the filter is the
  // publication year, and text often names another (2022年度部门决算 is
  // published in 2023; the 2021 report says 结转至2022年) or a number that
  // is no year (预算总额2060), so the split would miss pages a plain text search finds,
  // and recall against it must stay 1.0. Nor the literal reading first and
  // the split only when it finds nothing: 2022年老旧小区 would then lose the
  // 2022 pages on 老旧小区 that 2022年 老旧小区 finds. The union adds to the
  // split only pages holding exactly what was typed, so it floods nothing;
  // those come first when ordered by relevance. A 文号 or 索引号 query is
  // never cut (大街办发2024年3号).
  function parse(q) {
    var query = parseAs(q, true);
    query.literal = query.runOn ? parseAs(q, false) : null;
    if (query.literal) query.marks = query.marks.concat(query.literal.marks);
    return query;
  }

  // What a group marks in the results: its letters, digits and Chinese, with
  // any punctuation between them (大街办发〔2024〕3号, 7:00 and 85.00万元 are
  // marked where the text has them with its own brackets or points).
  function markOf(group) {
    var pieces = group.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean);
    return pieces.join("[^\\p{Alphabetic}\\p{N}\\s]{0,3}");
  }

  // A group that is a date (2021-04-26, 2021年4月26日, 2021.4.26, 2021/4/26):
  // its year, month and day, or null.
  function dateOf(group) {
    var m = /^((?:19|20|21)\d\d)([-.\/年])(\d{1,2})([-.\/月])(\d{1,2})日?$/.exec(group);
    if (!m || (m[2] === "年") !== (m[4] === "月")) return null;
    return { year: m[1], month: +m[3], day: +m[5], written: m[2] === "年" };
  }

  // A date as results show it (2021-04-26), as the index holds it.
  function shownDate(d) {
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.year + "-" + two(d.month) + "-" + two(d.day);
  }

  // What a date marks: the date in any of the forms dateOf reads.
  function dateMark(d) {
    return d.year + "[-.\\/年]0?" + d.month + "[-.\\/月]0?" + d.day + "(?!\\d)日?";
  }

  function parseAs(q, cutYears) {
    var query = { docKey: null, indexKey: null, years: [], parts: [], rankWords: [], marks: [], runOn: false };
    q = joinYears(q.normalize("NFKC").trim());
    if (!q) return query;
    var doc = docNo(q);
    query.docKey = doc && docNoKey(doc);
    query.indexKey = indexNoKey(q);
    if (doc) query.marks.push(docNoMark(doc));
    // The query whole, where the text writes it with its punctuation (a
    // 文号 is cut at its brackets): marked before its groups.
    if (/[^\p{Alphabetic}\p{N}\s]/u.test(q)) query.marks.push(markOf(q));
    groupsOf(q).forEach(function (group) {
      // A date typed with points or slashes is searched as results show
      // it; one written with 年月日 as typed (texts write it so, and the
      // index holds every page's date so too).
      var date = dateOf(group);
      if (date) {
        query.marks.push(dateMark(date));
        if (!date.written) group = shownDate(date);
      }
      var year = yearOf(group);
      if (year && !query.docKey && !query.indexKey) {
        query.years.push(year);
        return;
      }
      var runOn = cutYears && !query.docKey && !query.indexKey ? runOnYear(group) : null;
      if (runOn) {
        query.years.push(runOn.year);
        query.runOn = true;
        group = runOn.rest;
      }
      var cut = queryWords(group);
      var words = cut.words;
      if (!words.length) return;
      query.marks.push(markOf(group));
      query.rankWords = query.rankWords.concat(words);
      if (words.length === 1) {
        query.parts.push({ term: words[0], exact: false });
      } else if (cut.endsWithOneHan) {
        // A last lone character may start a longer run in the text.
        query.parts.push({ term: words.slice(0, -1).join(" "), exact: words.length > 2 });
        query.parts.push({ term: words[words.length - 1], exact: false });
      } else {
        query.parts.push({ term: words.join(" "), exact: true });
      }
    });
    return query;
  }

  /* ---- State in the address ---- */

  var state = { q: "", sort: "relevance", selected: {} };
  var tools = app.querySelector("[data-search-tools]");
  var chosenNote = app.querySelector("[data-search-chosen]");

  // A filter's value as the index holds it: a year without its 年 (2021年
  // in an address is 2021).
  function filterValue(f, v) {
    v = v.normalize("NFKC").trim();
    return f === "年份" ? v.replace(/年度?$/, "") : v;
  }

  // The state of the address: on opening, and when Back or Forward brings
  // an earlier search. Empty filter values are dropped at once, values no
  // page has once the filters are loaded (dropChosen).
  function readState() {
    var params = new URLSearchParams(location.search);
    state.q = params.get("q") || "";
    state.sort = params.get("sort") === "newest" ? "newest" : "relevance";
    FILTERS.forEach(function (f) {
      state.selected[f] = [];
      params.getAll(f).forEach(function (v) {
        v = filterValue(f, v);
        if (v && state.selected[f].indexOf(v) < 0) state.selected[f].push(v);
      });
    });
    input.value = state.q;
    sortSelect.value = state.sort;
    // The order and the filters are open on a wide screen, or when the
    // address chose some; on a phone they are one line above the results
    // until the reader opens them.
    if (tools) {
      var wide = window.matchMedia && window.matchMedia("(min-width: 48em)").matches;
      var chosen = state.sort !== "relevance" || FILTERS.some(function (f) { return state.selected[f].length > 0; });
      if (wide || chosen) tools.open = true;
    }
  }
  readState();

  // The links to this page in the other mode (长者模式 and back) keep the
  // search: the page they open runs the same query. The server cannot know
  // it, so they are set here, and again whenever the search changes.
  var modeLinks = Array.prototype.slice.call(document.querySelectorAll("a.elder-toggle")).map(function (a) {
    return { a: a, path: a.getAttribute("href").split("?")[0] };
  });
  function keepSearchInModeLinks() {
    modeLinks.forEach(function (l) { l.a.setAttribute("href", l.path + location.search); });
  }
  keepSearchInModeLinks();

  // The address of the state. `push`: a new search, its own entry in the
  // history, so Back returns to the one before; a new order or filter
  // replaces the entry.
  function saveState(push) {
    var p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    if (state.sort !== "relevance") p.set("sort", state.sort);
    FILTERS.forEach(function (f) { state.selected[f].forEach(function (v) { p.append(f, v); }); });
    var qs = p.toString();
    var url = location.pathname + (qs ? "?" + qs : "");
    if (url !== location.pathname + location.search) {
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    searched = location.search;
    keepSearchInModeLinks();
  }

  // Drops chosen values that no page has (an old link's 栏目, a typo), so
  // none is in force without being shown; the address follows (as it
  // does the values readState dropped or wrote as the index does).
  function dropChosen() {
    if (allValues) {
      FILTERS.forEach(function (f) {
        var known = allValues[f] || {};
        state.selected[f] = state.selected[f].filter(function (v) {
          return Object.prototype.hasOwnProperty.call(known, v);
        });
      });
    }
    saveState(false);
  }

  /* ---- Pagefind ---- */

  var pagefind = null;
  var allValues = null; // filter → value → number of pages, the whole site

  var loading = null;
  function loadPagefind() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (pf) {
        // Result URLs are already the pages' paths from the site's root.
        // No worker: Pagefind runs in the page, so a first search downloads
        // one script of Pagefind's, not two (the worker is 43 KB more on a
        // slow network, for a search that takes milliseconds).
        return pf.options({ basePath: bundle, baseUrl: "/", excerptLength: 36, noWorker: true }).then(function () {
          return pf;
        });
      });
      // A failed load (the network) is tried again by the next search.
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // Pagefind, and the filters too when `withFilters`: every filter's
  // values, drawn as the choices. Asked before the searches that count:
  // it loads all four filters into the index, and Pagefind counts in a
  // search's answer only the filters it has loaded. Without the filters
  // shown (the folded tools on a phone) they are not fetched at all, a
  // tenth of a first search's download at 10,000 pages.
  function load(withFilters) {
    return loadPagefind().then(function (pf) {
      if (!withFilters || allValues) return pf;
      return pf.filters().then(function (all) {
        allValues = all;
        return pf;
      });
    }).then(function (pf) {
      pagefind = pf;
      return pf;
    });
  }

  // A word of a search (not a quoted phrase) that starts no word of the
  // index is answered by Pagefind with the pages of the longest word that
  // starts it instead (`53` → every page with `5`): pages that do not hold
  // what was asked. Whether a word fell back so is the same in every
  // answer (it depends on the index alone), so one page tells: if a word
  // at one of its matched places, or a piece Pagefind indexes of it,
  // starts with the query's word, an indexed word does, and Pagefind did
  // not fall back. The page's data is read once (Pagefind keeps it).
  var verdicts = {};
  // Accents off, as Pagefind folds them in the index and in a query.
  function folded(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  // A word of a page's text as Pagefind indexes it: the word, and when it
  // carries separators or capitals within, its pieces cut where capitals
  // start and where letters and digits meet (of two characters or more).
  function indexed(token) {
    var cut = token.indexOf("^");
    var head = cut < 0 ? token : token.slice(0, cut);
    var out = [folded(head)];
    if (head.charAt(0) !== MARK && (cut >= 0 || /\p{Lu}/u.test(head.slice(1)))) {
      (head.match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu) || []).forEach(function (piece) {
        if (piece.length > 1) out.push(folded(piece));
      });
    }
    return out;
  }
  function fellBack(term, res) {
    if (term === null || /^\s*"/.test(term)) return Promise.resolve(false);
    var first = res.results[0];
    if (!first) return Promise.resolve(false);
    if (!verdicts[term]) {
      verdicts[term] = first.data().then(function (d) {
        var all = (d.content || "").split(" ");
        var found = [];
        first.words.forEach(function (i) { found = found.concat(indexed(all[i] || "")); });
        return term.split(/\s+/).filter(Boolean).some(function (t) {
          var want = folded(t);
          return !found.some(function (w) { return w.indexOf(want) === 0; });
        });
      }, function (e) {
        delete verdicts[term];
        throw e;
      });
    }
    return verdicts[term];
  }
  // Pages Pagefind found by the fields shown with a result alone (the
  // title's or 索引号's words run together: `pm25` in `PM2.5监测`), none
  // of whose text holds the query: not results.
  function textMatches(res) {
    res.results = res.results.filter(function (r) { return r.words && r.words.length > 0; });
    return res;
  }
  // An answer with no pages, its counts all nought.
  function nothing(res) {
    return { results: [], unfilteredResultCount: 0, filters: copyCounts(res.filters, true), totalFilters: copyCounts(res.totalFilters, true) };
  }

  function idsOf(response) {
    var set = new Set();
    response.results.forEach(function (r) { set.add(r.id); });
    return set;
  }

  // The chosen values as Pagefind's filters, leaving out filter `except`:
  // any one of a filter's values, and every filter.
  function filterObject(selected, except) {
    var obj = {};
    FILTERS.forEach(function (f) {
      if (f !== except && selected[f].length) obj[f] = { any: selected[f].slice() };
    });
    return obj;
  }

  function isEmpty(obj) { return Object.keys(obj).length === 0; }

  // Whether a page with these filter values (a result's own, from its
  // data) passes the chosen values of every filter but `except`.
  function passesValues(values, selected, except) {
    return FILTERS.every(function (f) {
      if (f === except || !selected[f].length) return true;
      var own = (values && values[f]) || [];
      return selected[f].some(function (v) { return own.indexOf(v) >= 0; });
    });
  }

  // Adds `sign` times each page's values to counts (filter → value → n).
  function tally(counts, pages, values, sign) {
    pages.forEach(function (r) {
      var own = values.get(r.id) || {};
      Object.keys(own).forEach(function (f) {
        if (!counts[f]) counts[f] = {};
        own[f].forEach(function (v) { counts[f][v] = (counts[f][v] || 0) + sign; });
      });
    });
    return counts;
  }

  // A copy of counts (filter → value → n); every n nought when `nought`.
  function copyCounts(counts, nought) {
    var out = {};
    Object.keys(counts || {}).forEach(function (f) {
      out[f] = {};
      Object.keys(counts[f]).forEach(function (v) { out[f][v] = nought ? 0 : counts[f][v]; });
    });
    return out;
  }

  // How the pages a query matches come out of Pagefind. The ranked search
  // (every word, each as the start of a word) holds only pages with every
  // part that is one word (such a part is that same word searched alone),
  // and a phrase's pages all hold its words, so:
  //   "all"    no words (a year or filters alone): every page;
  //   "words"  no phrase: the ranked search's pages;
  //   "phrase" one phrase and nothing else: the phrase's pages;
  //   "mixed"  otherwise: the ranked search's pages that hold every phrase.
  function shapeOf(query) {
    if (!query.parts.length) return "all";
    var phrases = query.parts.filter(function (p) { return p.exact; }).length;
    if (!phrases) return "words";
    return phrases === 1 && query.parts.length === 1 ? "phrase" : "mixed";
  }

  // The pages the query matches among those passing `filters`: their ids,
  // the answers whose counts are of those filters (each holds all the
  // pages), the main one, whose order is the results' when sorted by date,
  // and, when it is not among them, how to ask for the ranked search with
  // the filters. `useRanked`: take the unfiltered ranked search (asked
  // anyway for the order by relevance) for the pages with every one-word
  // part; it narrows as well as a filtered one, though it does not count.
  function matchWithin(query, shape, filters, sorted, find, useRanked) {
    var words = query.rankWords.join(" ");
    var phrases = query.parts.filter(function (p) { return p.exact; }).map(function (p) {
      return "\"" + p.term + "\"";
    });
    var one = function (res) { return { ids: res.ids, answers: [res], main: res, more: null }; };
    if (shape === "all") {
      // Every page's counts are the filters' own: no search.
      if (isEmpty(filters)) return Promise.resolve({ ids: null, answers: [{ results: [], filters: allValues }], main: null, more: null });
      return find(null, filters, sorted).then(one);
    }
    if (shape === "words") return find(words, filters, sorted).then(one);
    if (shape === "phrase") return find(phrases[0], filters, sorted).then(one);
    var hasWords = query.parts.some(function (p) { return !p.exact; });
    var cover = !hasWords ? null : useRanked ? find(words, {}, false) : find(words, filters, sorted);
    var coverCounts = hasWords && (!useRanked || isEmpty(filters));
    return Promise.all([cover].concat(phrases.map(function (p, i) {
      return find(p, filters, sorted && !hasWords && i === 0);
    }))).then(function (all) {
      var sets = all.filter(Boolean);
      var ids = new Set();
      sets[0].ids.forEach(function (id) {
        if (sets.every(function (a) { return a.ids.has(id); })) ids.add(id);
      });
      var answers = all.slice(1);
      if (coverCounts) answers.push(all[0]);
      return {
        ids: ids,
        answers: answers,
        main: all[0] || all[1],
        more: coverCounts ? null : function () { return find(words, filters, false); }
      };
    });
  }

  // Pages read for their values before asking for one more search instead:
  // reading a page's data costs a few milliseconds, a search with filters
  // on a large site far more than 20 of them.
  var READ_LIMIT = 20;

  // The counts (filter → value → pages) over a match's pages: those of the
  // answer with the fewest pages beyond the match (often none: then
  // Pagefind's counts are exact as they are), less those pages' values, or
  // the match's pages' values added up when they are fewer. A page's
  // values come from its data, so only pages of this query are read. The
  // ranked search with the filters is asked for when the answers at hand
  // leave many pages to read: its pages beyond are only those whose phrase
  // words are apart.
  function countsOf(match, valuesOf) {
    var best = null;
    var pick = function () {
      match.answers.forEach(function (a) { if (!best || a.results.length < best.results.length) best = a; });
    };
    var over = function () { return match.ids ? best.results.length - match.ids.size : 0; };
    pick();
    var ready = over() > READ_LIMIT && match.more
      ? match.more().then(function (a) { match.answers.push(a); pick(); })
      : Promise.resolve();
    return ready.then(function () {
      if (!over()) return best.filters || {};
      var beyond = best.results.filter(function (r) { return !match.ids.has(r.id); });
      if (match.ids.size <= beyond.length) {
        var inside = best.results.filter(function (r) { return match.ids.has(r.id); });
        return valuesOf(inside).then(function (values) { return tally({}, inside, values, 1); });
      }
      return valuesOf(beyond).then(function (values) {
        return tally(copyCounts(best.filters), beyond, values, -1);
      });
    });
  }

  var shown = [];
  var shownCount = 0;
  // Draws the filters of the results shown, when the tools were folded as
  // they were found; null once drawn.
  var countLater = null;
  // A query that finds nothing as typed may be words the text writes with
  // punctuation inside (安全生产月活动 for “安全生产月”活动, a title typed
  // without its colon): the index holds no pair across punctuation. Each
  // Chinese run of four characters or more is cut where the index holds
  // its pair nowhere, and the pieces are searched as if typed with spaces
  // between them, each one to be found; a piece must be two characters or
  // more (no cut otherwise), so the pages found hold every piece as a
  // phrase. The query with spaces at the cuts, or null.
  function cutAtGaps(q, find) {
    var chars = Array.from(q.normalize("NFKC"));
    var probes = [];
    var runs = [];
    for (var i = 0; i < chars.length;) {
      if (!isHan(chars[i])) {
        i++;
        continue;
      }
      var start = i;
      while (i < chars.length && isHan(chars[i])) i++;
      if (i - start < 4) continue;
      runs.push([start, i]);
      for (var k = start + 1; k < i; k++) probes.push({ at: k, word: pair(chars[k - 1], chars[k]) });
    }
    if (!probes.length) return Promise.resolve(null);
    return Promise.all(probes.map(function (p) {
      return find("\"" + p.word + "\"", {}, false).then(function (res) { return res.results.length > 0; });
    })).then(function (held) {
      var cuts = new Set();
      probes.forEach(function (p, n) { if (!held[n]) cuts.add(p.at); });
      if (!cuts.size) return null;
      var fits = runs.every(function (r) {
        var from = r[0];
        for (var at = r[0] + 1; at < r[1]; at++) {
          if (!cuts.has(at)) continue;
          if (at - from < 2) return false;
          from = at;
        }
        return r[1] - from >= 2;
      });
      if (!fits) return null;
      return chars.map(function (c, n) { return (cuts.has(n) ? " " : "") + c; }).join("");
    });
  }

  // No results: with a filter chosen (or a year typed), fewer filters may
  // help; otherwise the words, and the site map to look by column.
  function sayNothingFound(anyFilter) {
    status.textContent = "没有找到相符的结果。";
    if (anyFilter) {
      status.appendChild(document.createTextNode("可以换个词语，或减少筛选条件。"));
      return;
    }
    status.appendChild(document.createTextNode("请检查词语有没有错别字，或换个说法再试；也可以在"));
    var a = document.createElement("a");
    a.href = link(app.getAttribute("data-sitemap") || base + "sitemap.html");
    a.textContent = "网站地图";
    status.appendChild(a);
    status.appendChild(document.createTextNode("里按栏目查找。"));
  }

  var marker = null; // the marks of the results shown, as a pattern
  var runId = 0;

  // The page's title names the query, so each search in the history and
  // in the tabs is told apart; the site's part stays.
  var pageTitle = document.title;
  var titleCut = pageTitle.indexOf(" - ");
  function nameTitle() {
    var site = titleCut >= 0 ? pageTitle.slice(titleCut) : " - " + pageTitle;
    document.title = state.q.trim() ? "「" + state.q.trim() + "」的搜索结果" + site : pageTitle;
  }

  // What was searched, for a printed page (the form is not printed): the
  // query, the filters chosen and the order.
  var printed = app.querySelector("[data-search-printed]");
  function describeSearch() {
    if (!printed) return;
    var parts = state.q.trim() ? ["搜索内容：" + state.q.trim()] : [];
    FILTERS.forEach(function (f) {
      if (state.selected[f].length) parts.push(f + "：" + state.selected[f].join("、"));
    });
    if (parts.length && state.sort === "newest") parts.push("按发布日期排序（新的在前）");
    printed.textContent = parts.join("；");
  }

  // Searches the query and draws the results, then the filters with their
  // counts. `keepFilters`: leave the filters shown while the new counts
  // are worked out (a filter was toggled: its box keeps the focus).
  // `opts.submitted`: the reader sent the form (an empty one is told to
  // type words). Chosen filter values that no page has are dropped first.
  function run(keepFilters, opts) {
    nameTitle();
    var anyChosen = FILTERS.some(function (f) { return state.selected[f].length > 0; });
    if (!anyChosen || allValues) {
      dropChosen();
      return search(keepFilters, opts || {});
    }
    list.setAttribute("aria-busy", "true");
    return load(true).then(dropChosen, function () {
      // Tried again by the search, which says so when it fails.
    }).then(function () { return search(keepFilters, opts || {}); });
  }

  // `opts.pieces`: the query's Chinese cut where the index holds no pair
  // (cutAtGaps), searched because the query as typed found nothing.
  function search(keepFilters, opts) {
    var mine = ++runId;
    countLater = null;
    describeSearch();
    // The columns shown when an earlier search could not load the index.
    nojsColumns.hidden = true;
    // Busy until the results are drawn (assistive technology waits; so do
    // the browser tests).
    list.setAttribute("aria-busy", "true");
    var query = parse(opts.pieces || state.q);
    marker = markPattern(query.marks);
    // The chosen filters and a query's years: the split reading's and the
    // literal one's (its years are those typed alone).
    var chosenWith = function (years) {
      var out = {};
      FILTERS.forEach(function (f) { out[f] = state.selected[f].slice(); });
      years.forEach(function (y) {
        if (out["年份"].indexOf(y) < 0) out["年份"].push(y);
      });
      return out;
    };
    var selected = chosenWith(query.years);
    var literal = query.literal;
    var literalSelected = literal ? chosenWith(literal.years) : null;
    var anyFilter = FILTERS.some(function (f) { return selected[f].length > 0; });
    // The folded tools say how many choices are in force.
    if (chosenNote) {
      var n = state.sort === "newest" ? 1 : 0;
      FILTERS.forEach(function (f) { n += selected[f].length; });
      chosenNote.textContent = n ? "（已选 " + n + " 项）" : "";
    }
    if (!query.parts.length && !query.docKey && !query.indexKey && !anyFilter) {
      list.textContent = "";
      more.hidden = true;
      filtersBox.textContent = "";
      filtersBox.removeAttribute("aria-busy");
      status.textContent = state.q || opts.submitted ? "请输入要查找的词语。" : "";
      list.removeAttribute("aria-busy");
      return Promise.resolve();
    }
    status.textContent = "正在搜索……";
    var newest = state.sort === "newest";
    var shape = shapeOf(query);
    var words = query.rankWords.join(" ");
    // Without words the results are always newest first.
    var sortedResults = newest || shape === "all";

    // Each search of this run is asked of Pagefind once, with the chosen
    // filters applied by Pagefind, never one search per filter value.
    var asked = {};
    function find(term, filters, sorted) {
      var key = JSON.stringify([term, filters, sorted]);
      if (!asked[key]) {
        var options = { filters: filters };
        if (sorted) options.sort = { date: "desc" };
        asked[key] = pagefind.search(term, options).then(function (res) {
          res = term === null ? res : textMatches(res);
          return fellBack(term, res).then(function (fell) {
            if (fell) res = nothing(res);
            res.ids = idsOf(res);
            return res;
          });
        });
      }
      return asked[key];
    }
    // Filter values of single results, from their data.
    var read = new Map();
    function valuesOf(results) {
      return Promise.all(results.map(function (r) {
        if (!read.has(r.id)) read.set(r.id, r.data().then(function (d) { return d.filters || {}; }));
        return read.get(r.id);
      })).then(function (values) {
        var byId = new Map();
        results.forEach(function (r, i) { byId.set(r.id, values[i]); });
        return byId;
      });
    }
    // The matched pages that pass every chosen filter but `except` (null:
    // all of them).
    var matches = {};
    function matchFor(except) {
      var key = "f:" + except;
      if (!matches[key]) {
        matches[key] = matchWithin(query, shape, filterObject(selected, except), except === null && sortedResults, find, !newest);
      }
      return matches[key];
    }
    // The same for the literal reading of a year run on with words.
    function literalFor(except) {
      var key = "l:" + except;
      if (!matches[key]) {
        matches[key] = matchWithin(literal, shapeOf(literal), filterObject(literalSelected, except), false, find, !newest);
      }
      return matches[key];
    }
    // The pages of literal match `lm` beyond split match `m`.
    function literalOnly(lm, m) {
      if (!lm) return [];
      return lm.main.results.filter(function (r) { return lm.ids.has(r.id) && !(m.ids && m.ids.has(r.id)); });
    }

    var keyed = [];
    var keyedValues = null;
    // Filter f's count of value v: the matched pages with v that pass the
    // chosen values of every other filter, so each filter with a chosen
    // value has a search of its own (the others share the results').
    function countAll() {
      var counted = {};
      function countsFor(except) {
        var key = "f:" + except;
        if (counted[key]) return counted[key];
        var others = filterObject(selected, except);
        if (except !== null && isEmpty(others) && shape === "words" && newest && !keyed.length && !literal) {
          // The results' search (by date, so with the filters) is the
          // ranked one, and Pagefind also counts its pages before the
          // filters (totalFilters): the pages wanted here, without another
          // search. Not so for a phrase, whose count before the filters
          // takes in pages with its words apart.
          counted[key] = matchFor(null).then(function (m) { return m.main.totalFilters || {}; });
          return counted[key];
        }
        counted[key] = Promise.all([matchFor(except), literal ? literalFor(except) : null]).then(function (both) {
          var m = both[0];
          // The literal reading's pages beyond the split's are matched too
          // (they pass the filters already: only their values are read).
          var beyond = literalOnly(both[1], m);
          return Promise.all([countsOf(m, valuesOf), valuesOf(beyond)]).then(function (got) {
            var counts = got[0];
            if (beyond.length) counts = tally(copyCounts(counts), beyond, got[1], 1);
            if (!keyed.length) return counts;
            // The 文号/索引号 results are matched too.
            var extra = [];
            var seen = new Set();
            keyed.forEach(function (r) {
              if (seen.has(r.id)) return;
              seen.add(r.id);
              if (!(m.ids && m.ids.has(r.id)) && passesValues(keyedValues.get(r.id), selected, except)) extra.push(r);
            });
            return extra.length ? tally(copyCounts(counts), extra, keyedValues, 1) : counts;
          });
        });
        return counted[key];
      }
      var byFilter = {};
      return Promise.all(FILTERS.map(function (f) {
        return countsFor(selected[f].length ? f : null).then(function (counts) {
          byFilter[f] = counts[f] || {};
        });
      })).then(function () { return byFilter; });
    }

    // The counts are worked out only where they are shown; the filters'
    // own values are needed also to list them all without a search.
    var counting = !tools || tools.open;
    return load(counting || (shape === "all" && !anyFilter)).then(function () {
      var keyTerms = [query.docKey, query.indexKey].filter(Boolean);
      return Promise.all([
        // Quoted: the key word itself, not every word it starts.
        Promise.all(keyTerms.map(function (k) { return find("\"" + k + "\"", {}, false); })),
        matchFor(null),
        // By relevance, the order is the ranked search's over every page:
        // Pagefind orders pages of equal score differently once filtered.
        // With a literal reading, newest first too: its pages are beyond
        // the filtered search's, and every one of them holds the split's
        // words (the rest is in what was typed).
        shape !== "all" && (!newest || literal) ? find(words, {}, newest) : null,
        literal ? literalFor(null) : null
      ]);
    }).then(function (done) {
      done[0].forEach(function (res) { keyed = keyed.concat(res.results); });
      return valuesOf(keyed).then(function (values) {
        keyedValues = values;
        return done;
      });
    }).then(function (done) {
      if (mine !== runId) return null;
      var match = done[1];
      var order = done[2] ? done[2].results : match.main.results;
      var lm = done[3];
      var seen = new Set();
      var results = [];
      keyed.forEach(function (r) {
        if (seen.has(r.id)) return;
        seen.add(r.id);
        if (passesValues(keyedValues.get(r.id), selected, null)) results.push(r);
      });
      var take = function (list, wanted) {
        list.forEach(function (r) {
          if (!seen.has(r.id) && wanted(r.id)) {
            seen.add(r.id);
            results.push(r);
          }
        });
      };
      // By relevance, the pages holding exactly what was typed first.
      if (lm && !newest) take(order, function (id) { return lm.ids.has(id); });
      take(order, function (id) { return match.ids.has(id) || (lm && lm.ids.has(id)); });
      // Should the ranked search lack one of the literal reading's pages.
      if (lm) take(lm.main.results, function (id) { return lm.ids.has(id); });
      // Nothing as typed: the text may have punctuation inside the words
      // (安全生产月活动 for “安全生产月”活动): searched again in pieces.
      var retry = !results.length && !opts.pieces ? cutAtGaps(state.q, find) : Promise.resolve(null);
      return retry.then(function (pieces) {
        if (mine !== runId) return null;
        if (pieces) {
          return search(keepFilters, { pieces: pieces, submitted: opts.submitted }).then(function () { return null; });
        }
        if (!keepFilters) filtersBox.textContent = "";
        filtersBox.setAttribute("aria-busy", "true");
        shown = results;
        shownCount = 0;
        list.textContent = "";
        var found = "找到 " + results.length + " 条结果" + (keyed.length ? "，文号或索引号相符的排在最前。" : "。");
        if (results.length && opts.pieces) {
          found = "没有找到与“" + state.q.trim() + "”完全一致的内容。下面是同时含有“"
            + groupsOf(opts.pieces).join("”“") + "”的 " + results.length + " 条结果。";
        }
        if (results.length) status.textContent = found;
        else sayNothingFound(anyFilter);
        return showMore().then(function () { return true; });
      });
    }).then(function (drawn) {
      if (mine === runId) list.removeAttribute("aria-busy");
      if (!drawn) return null;
      if (!counting) {
        // Drawn when the reader opens the tools: the filters loaded, this
        // run's searches asked again (those made without them have no
        // counts), the results left as they are.
        var later = function () {
          filtersBox.setAttribute("aria-busy", "true");
          return load(true).then(function () {
            asked = {};
            matches = {};
            return countAll();
          }).then(function (counts) {
            if (mine === runId) drawFilters(counts, selected, query.years);
          }).catch(function () {
            // Tried again when the reader next opens the tools.
            if (mine === runId) countLater = later;
          }).then(function () {
            if (mine === runId) filtersBox.removeAttribute("aria-busy");
          });
        };
        if (mine !== runId) return null;
        filtersBox.removeAttribute("aria-busy");
        // Opened while the results were being found: drawn now.
        if (tools && tools.open) return later();
        countLater = later;
        return null;
      }
      // The counts after the results: their searches would hold up the
      // results' data.
      return countAll().then(function (counts) {
        if (mine === runId) drawFilters(counts, selected, query.years);
      }).catch(function () {}).then(function () {
        if (mine === runId) filtersBox.removeAttribute("aria-busy");
      });
    }, function () {
      if (mine !== runId) return;
      status.textContent = "搜索暂时无法使用。可以按栏目查找：";
      nojsColumns.hidden = false;
      list.removeAttribute("aria-busy");
      filtersBox.removeAttribute("aria-busy");
    });
  }

  /* ---- Drawing ---- */

  function drawFilters(counts, selected, years) {
    filtersBox.removeAttribute("aria-busy");
    filtersBox.textContent = "";
    FILTERS.forEach(function (f) {
      var values = Object.keys(allValues[f] || {});
      if (!values.length) return;
      if (f === "年份") values.sort().reverse(); else values.sort();
      var count = function (v) { return counts[f][v] || 0; };
      var visible = values.filter(function (v) { return count(v) > 0 || selected[f].indexOf(v) >= 0; });
      if (!visible.length) return;
      var fs = document.createElement("fieldset");
      fs.className = "search-filter";
      var legend = document.createElement("legend");
      legend.textContent = f;
      fs.appendChild(legend);
      visible.forEach(function (v, i) {
        var id = "search-f-" + FILTERS.indexOf(f) + "-" + i;
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.value = v;
        box.checked = selected[f].indexOf(v) >= 0;
        box.addEventListener("change", function () {
          var chosen = state.selected[f];
          var at = chosen.indexOf(v);
          if (box.checked && at < 0) chosen.push(v);
          if (!box.checked && at >= 0) chosen.splice(at, 1);
          if (f === "年份" && !box.checked && years.indexOf(v) >= 0) {
            // The year came from the query: take it out of the query,
            // alone (2023年, 二〇二三年) or run on with words (2023年安全生产月).
            state.q = joinYears(state.q).split(/\s+/).map(function (g) {
              var n = g.normalize("NFKC");
              if (yearOf(n) === v) return "";
              var runOn = runOnYear(n);
              return runOn && runOn.year === v ? runOn.rest : g;
            }).filter(Boolean).join(" ");
            input.value = state.q;
          }
          saveState(false);
          run(true).then(function () {
            var again = document.getElementById(id);
            if (again) again.focus();
          });
        });
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = v + "（" + count(v) + "）";
        var span = document.createElement("span");
        span.className = "search-choice";
        span.appendChild(box);
        span.appendChild(label);
        fs.appendChild(span);
      });
      filtersBox.appendChild(fs);
    });
  }

  // The marks as one pattern, the longest first where two start alike.
  function markPattern(marks) {
    var sources = marks.filter(Boolean).slice().sort(function (a, b) { return b.length - a.length; });
    return sources.length ? new RegExp(sources.join("|"), "giu") : null;
  }

  // `text` after NFKC, as the index and the marks read it, with where each
  // of its code units comes from in `text` (from[i] to to[i]).
  function nfkcMap(text) {
    var out = { norm: "", from: [], to: [] };
    var at = 0;
    Array.from(text).forEach(function (c) {
      var n = c.normalize("NFKC");
      for (var k = 0; k < n.length; k++) {
        out.from.push(at);
        out.to.push(at + c.length);
      }
      out.norm += n;
      at += c.length;
    });
    return out;
  }

  // Appends `text` with the marks in it: found in its NFKC form (２０２３
  // is marked for 2023 and the other way round), marking the text as
  // written.
  function appendMarked(parent, text) {
    var pos = 0;
    if (marker) {
      var map = nfkcMap(text);
      marker.lastIndex = 0;
      var m;
      while ((m = marker.exec(map.norm)) !== null) {
        if (!m[0]) {
          marker.lastIndex++;
          continue;
        }
        var start = Math.max(pos, map.from[m.index]);
        var end = map.to[m.index + m[0].length - 1];
        if (end <= start) continue;
        parent.appendChild(document.createTextNode(text.slice(pos, start)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(start, end);
        parent.appendChild(mark);
        pos = end;
      }
    }
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  // The index has the digits of a date or a year as Han numerals
  // (records.rs): as digits again.
  function arabic(text) {
    return text.replace(/[〇一二三四五六七八九]/g, function (c) { return String(HAN_DIGITS.indexOf(c)); });
  }

  function link(url) {
    if (mirror && url.indexOf(base) === 0) return base + "zhe/" + url.slice(base.length);
    return url;
  }

  function showMore() {
    var next = shown.slice(shownCount, shownCount + PAGE_SIZE);
    var first = shownCount;
    shownCount += next.length;
    more.hidden = shownCount >= shown.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      items.forEach(function (d, i) {
        var li = document.createElement("li");
        li.className = "search-result";
        var h = document.createElement("h2");
        var a = document.createElement("a");
        a.href = link(d.url);
        appendMarked(a, (d.meta && d.meta.title) || d.url);
        h.appendChild(a);
        li.appendChild(h);
        var facts = [];
        if (d.meta.column) facts.push(["栏目", d.meta.column]);
        // A report's 年份 is the year it reports on, not its date's.
        if (d.meta.report_year) facts.push(["报告年度", arabic(d.meta.report_year) + "年"]);
        if (d.meta.date) facts.push(["发布日期", arabic(d.meta.date)]);
        if (d.meta.doc_no) facts.push(["文号", d.meta.doc_no]);
        if (d.meta.index_no) facts.push(["索引号", d.meta.index_no]);
        if (d.meta.publisher) facts.push(["发布机构", d.meta.publisher]);
        if (facts.length) {
          var dl = document.createElement("dl");
          dl.className = "search-facts";
          facts.forEach(function (fact) {
            var dt = document.createElement("dt");
            dt.textContent = fact[0];
            var dd = document.createElement("dd");
            appendMarked(dd, fact[1]);
            dl.appendChild(dt);
            dl.appendChild(dd);
          });
          li.appendChild(dl);
        }
        var words = (d.excerpt || "").replace(/<\/?mark>/g, "").split(" ");
        var text = decodeWords(words);
        if (text) {
          var p = document.createElement("p");
          p.className = "search-snippet";
          appendMarked(p, "……" + text + "……");
          li.appendChild(p);
        }
        list.appendChild(li);
        if (first > 0 && i === 0) a.focus();
      });
    });
  }

  // Opening the folded tools draws the filters of the results shown.
  if (tools) {
    tools.addEventListener("toggle", function () {
      if (!tools.open || !countLater) return;
      var draw = countLater;
      countLater = null;
      draw();
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    state.q = input.value.trim();
    saveState(true);
    run(false, { submitted: true });
  });
  // Back and Forward: the search of that entry, its filters and order
  // (not a move within the page, which keeps the address's query).
  var searched = location.search;
  window.addEventListener("popstate", function () {
    if (location.search === searched) return;
    searched = location.search;
    readState();
    keepSearchInModeLinks();
    run();
  });
  sortSelect.addEventListener("change", function () {
    state.sort = sortSelect.value;
    saveState(false);
    // The counts do not depend on the order: the filters stay meanwhile.
    run(true);
  });
  // The link past the order and the filters: the focus on the count, the
  // next Tab on the first result (the address is left as it is).
  var skip = app.querySelector("[data-search-skip]");
  if (skip) {
    skip.addEventListener("click", function (e) {
      e.preventDefault();
      status.focus();
    });
  }
  more.addEventListener("click", function () {
    list.setAttribute("aria-busy", "true");
    showMore().then(function () { list.removeAttribute("aria-busy"); });
  });

  run();
})();
