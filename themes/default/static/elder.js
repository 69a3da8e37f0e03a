// 长者模式 (the elderly-friendly mode): turns the mode on and off on the page
// and remembers the choice for the next pages. Loaded without defer at the
// top of the page, so the class is on <html> before the page is painted.
// Without JavaScript the mode's link leads to the same page in the zhe/
// mirror, whose pages have the class already (data-elder="mirror").
(function () {
  "use strict";
  var KEY = "gongkai-elder";
  var root = document.documentElement;
  var mirror = root.getAttribute("data-elder") === "mirror";

  function remember(on) {
    try {
      window.localStorage.setItem(KEY, on ? "on" : "off");
    } catch (e) {
      // Storage refused (private mode): the mode lasts for this page only.
    }
  }

  var stored = null;
  try {
    stored = window.localStorage.getItem(KEY);
  } catch (e) {
    stored = null;
  }
  if (!mirror && stored === "on") {
    root.classList.add("elder");
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a.elder-toggle") : null;
    if (!link) {
      return;
    }
    if (mirror) {
      // Leaving the mirror: the link goes to the normal page.
      remember(false);
      return;
    }
    event.preventDefault();
    var on = !root.classList.contains("elder");
    root.classList.toggle("elder", on);
    remember(on);
  });
})();
