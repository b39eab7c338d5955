/* Behaviour every council page shares, in a file rather than inline so the
   pages' Content-Security-Policy can forbid inline scripts. */
(function () {
  "use strict";

  /* The menu: a real <button> that says whether the menu is open, in place
     of Material's <label> (kept for readers without JavaScript). */
  function menu() {
    var drawer = document.getElementById("__drawer");
    var button = document.querySelector(".hr-menu-button");
    var label = document.querySelector(".hr-menu-label");
    if (!drawer || !button) return;
    button.hidden = false;
    if (label) label.hidden = true;
    function sync() { button.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }
    button.addEventListener("click", function () { drawer.click(); sync(); });
    drawer.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        sync();
        button.focus();
      }
    });
  }

  /* A table too wide for the screen scrolls sideways in Material's wrapper.
     Make such a wrapper a named, focusable region, so it can be scrolled
     with the keyboard (WCAG 2.1.1; axe's scrollable-region-focusable). */
  function tableName(wrap) {
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.trim() + " (table, scrolls sideways)";
    }
    return "Table (scrolls sideways)";
  }
  function tables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", tableName(wrap));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  /* A link to a tab of a tabbed block (#__tabbed_1_2) opens that tab. */
  function linkedTab() {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.name && target.name.indexOf("__tabbed_") === 0) target.checked = true;
  }

  menu();
  linkedTab();
  window.addEventListener("hashchange", linkedTab);
  if (window.document$) window.document$.subscribe(tables);
  else document.addEventListener("DOMContentLoaded", tables);
  window.addEventListener("resize", tables);
})();
