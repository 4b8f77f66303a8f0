/* A table (or a code block) wider than its column scrolls inside its own box (mechelen.css).
   While it does, the keyboard can reach it (tabindex="0"), so that its hidden part can be
   scrolled into view with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable).
   A box that fits is not a tab stop. Checked again when the window's width changes. */
(function () {
  "use strict";
  var MARK = "data-scroll-focus";

  function mark() {
    var boxes = document.querySelectorAll("main table, main pre");
    for (var i = 0; i < boxes.length; i += 1) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) {
          box.setAttribute("tabindex", "0");
          box.setAttribute(MARK, "");
        }
      } else if (box.hasAttribute(MARK)) {
        box.removeAttribute("tabindex");
        box.removeAttribute(MARK);
      }
    }
  }

  window.addEventListener("resize", mark);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
