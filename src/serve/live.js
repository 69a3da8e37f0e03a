// Live reload and error overlay for `gongkai serve`. The preview server
// adds this script to the HTML pages it serves; `gongkai build` never does.
//
// The server sends the build status as Server-Sent Events:
//   {"generation": N, "index": M, "errors": [{"text": "path:line:col: error: ...", ...}]}
// `generation` counts good builds. A page knows the one it came from
// (data-generation on its <script> tag): when a newer good build exists it
// reloads; while the last rebuild failed it keeps the last good page and
// shows the errors over it, and removes them once a rebuild succeeds.
// `index` counts search indexes, which are made after their build's pages:
// the search page knows its own (data-index) and reloads for a new one.
(function () {
  'use strict';
  var script = document.currentScript;
  var shown = Number(script && script.getAttribute('data-generation'));
  var shownIndex = script && script.getAttribute('data-index');
  var OVERLAY_ID = 'gongkai-error-overlay';
  // The overlay's words in the language of the preview's messages; the
  // server puts them in when it serves this file.
  var TEXT = __GONGKAI_TEXT__;

  function hide() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }

  function show(errors) {
    hide();
    var box = document.createElement('section');
    box.id = OVERLAY_ID;
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', TEXT.lang);
    box.style.cssText = 'position:fixed;left:0;right:0;top:0;max-height:70vh;overflow:auto;' +
      'z-index:2147483647;margin:0;padding:1em 1.5em;background:#fff5f5;color:#1a1a1a;' +
      'border-bottom:4px solid #b00020;box-shadow:0 4px 16px rgba(0,0,0,.3);' +
      'font:15px/1.6 system-ui,sans-serif;text-align:left';
    var title = document.createElement('h2');
    title.style.cssText = 'margin:0 0 .5em;font-size:1.1em;color:#b00020';
    title.textContent = TEXT.failed.replace('{n}', String(errors.length));
    var list = document.createElement('ul');
    list.style.cssText = 'margin:0;padding:0;list-style:none';
    errors.forEach(function (e) {
      var item = document.createElement('li');
      var pre = document.createElement('pre');
      pre.style.cssText = 'margin:.3em 0;white-space:pre-wrap;font:14px/1.5 monospace';
      // The terminal's line without its hint: the hint, or the code's
      // advice when there is none, follows as what to do.
      pre.textContent = e.text.split('\n')[0];
      item.appendChild(pre);
      if (e.fix) {
        var fix = document.createElement('p');
        fix.style.cssText = 'margin:0 0 .6em';
        fix.textContent = TEXT.fix.replace('{fix}', e.fix);
        item.appendChild(fix);
      }
      list.appendChild(item);
    });
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = TEXT.close;
    close.style.cssText = 'margin-top:.5em';
    close.onclick = hide;
    box.appendChild(title);
    box.appendChild(list);
    box.appendChild(close);
    document.body.appendChild(box);
  }

  var events = new EventSource('/__gongkai/events');
  events.onmessage = function (message) {
    var status = JSON.parse(message.data);
    if (status.errors.length > 0) {
      show(status.errors);
    } else {
      hide();
      if (status.generation !== shown ||
          (shownIndex !== null && status.index !== Number(shownIndex))) {
        events.close();
        location.reload();
      }
    }
  };
})();
