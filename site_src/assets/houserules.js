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

  /* Search on a small screen: a real <button> opens Material's search (its
     own opener is a <label>, out of reach of the keyboard); the box takes
     the focus. On a wide screen the box itself is in the bar. */
  function search() {
    var toggle = document.getElementById("__search");
    var button = document.querySelector(".hr-search-button");
    var input = document.querySelector(".md-search__input");
    if (!toggle || !button || !input) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!toggle.checked) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
      input.focus();
    });
  }

  /* On paper: the page's full address, and the day it was printed (the
     reader's day, in the words the pages use for dates: "3 March 2027"). */
  function printed() {
    var address = document.querySelector("[data-hr-print-address]");
    if (address) address.textContent = location.href.split("#")[0];
    var on = document.querySelector("[data-hr-printed-on]");
    if (!on) return;
    function stamp() {
      var months = ["January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December"];
      var now = new Date();
      on.textContent = "Printed on " + now.getDate() + " " + months[now.getMonth()] + " " + now.getFullYear() + ".";
      on.hidden = false;
    }
    stamp();
    window.addEventListener("beforeprint", stamp);
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

  /* Published versions: whether the version on screen is current,
     superseded or upcoming depends on the reader's day, not the day the site
     was built. A version is in force from its effective date (that day
     included) until the next version's. */
  function today() {
    var now = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function versionBanner() {
    var banner = document.querySelector("[data-hr-versions]");
    if (!banner) return;
    var data = JSON.parse(banner.getAttribute("data-hr-versions"));
    var day = today();
    var inForce = null, mine = null;
    data.versions.forEach(function (v) {
      if (v.effective <= day) inForce = v;
      if (v.folder === data.this) mine = v;
    });
    var next = data.versions.filter(function (v) { return v.number === mine.number + 1; })[0];
    var p = document.createElement("p");
    var state;
    if (mine.effective > day) {
      state = "upcoming";
      p.append("Upcoming version: version " + mine.number + " of these pages takes effect on " + mine.effective_long + ". ");
      if (inForce) p.append("Until then, ", link(inForce.href, "version " + inForce.number + " applies"), ". ");
    } else if (inForce && inForce.number > mine.number) {
      state = "superseded";
      p.append("Superseded: version " + mine.number + " applied from " + mine.effective_long + " until " +
               next.effective_long + ". ", link(inForce.href, "Read this page in the current version (" + inForce.number + ")"), ". ");
    } else {
      state = "current";
      p.append("Current version (" + mine.number + "), in force since " + mine.effective_long + ". ");
      var coming = data.versions.filter(function (v) { return v.effective > day; })[0];
      if (coming) p.append(link(coming.href, "Version " + coming.number + " takes effect on " + coming.effective_long), ". ");
    }
    p.append(link(data.history, "All versions and what changed"), ".");
    banner.setAttribute("data-state", state);
    banner.replaceChildren(p);
  }

  /* Material's version selector arrives once versions.json is fetched. Its
     button is named "Select version" while it shows "v2": say both, so the
     name a speech-input user hears matches what they see (WCAG 2.5.3). */
  function nameVersionButton() {
    var topic = document.querySelector(".hr-version-topic");
    if (!topic) return;
    function fix() {
      var button = topic.querySelector(".md-version__current");
      if (button && !button.dataset.hrNamed) {
        button.dataset.hrNamed = "yes";
        button.setAttribute("aria-label", button.textContent.trim() + ": select another version");
      }
    }
    fix();
    new MutationObserver(fix).observe(topic, { childList: true, subtree: true });
  }

  /* At the council's own address the pages tell Material their base is the
     version they show (v2/), so its version selector finds versions.json one
     level up. Its search sends results to that base too: point them back to
     the own address, which shows the same pages, so a search never moves a
     reader into a numbered copy. */
  function searchAtOwnAddress() {
    var banner = document.querySelector("[data-hr-versions]");
    var config = document.getElementById("__config");
    var list = document.querySelector(".md-search-result__list");
    if (!banner || !config || !list) return;
    var data = JSON.parse(banner.getAttribute("data-hr-versions"));
    if (!data.root) return;
    var copy = new URL(JSON.parse(config.textContent).base, location.href).href;
    var own = new URL("../", copy).href;
    function fix() {
      list.querySelectorAll("a[href]").forEach(function (a) {
        if (a.href.indexOf(copy) === 0) a.href = own + a.href.slice(copy.length);
      });
    }
    new MutationObserver(fix).observe(list, { childList: true, subtree: true });
  }

  menu();
  search();
  searchAtOwnAddress();
  printed();
  linkedTab();
  versionBanner();
  nameVersionButton();
  window.addEventListener("hashchange", linkedTab);
  if (window.document$) window.document$.subscribe(tables);
  else document.addEventListener("DOMContentLoaded", tables);
  window.addEventListener("resize", tables);
})();
