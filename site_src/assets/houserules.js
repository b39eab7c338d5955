/* Behaviour every council page shares, in a file rather than inline so the
   pages' Content-Security-Policy can forbid inline scripts. */
(function () {
  "use strict";

  /* The words the script writes, in the site's language (page_words.py),
     from the header (main.html): none of them is written here. */
  var WORDS = (function () {
    var header = document.querySelector("[data-hr-words]");
    return header ? JSON.parse(header.getAttribute("data-hr-words")) : {};
  })();
  /* One of WORDS with each "{name}" filled from `values`, as the parts to
     append: a value may be a link, so a translation can put it anywhere in
     its sentence. */
  function parts(key, values) {
    return WORDS[key].split(/(\{\w+\})/).filter(Boolean).map(function (piece) {
      var name = /^\{(\w+)\}$/.exec(piece);
      return name && values && name[1] in values ? values[name[1]] : piece;
    });
  }
  function words(key, values) {
    return parts(key, values).join("");
  }

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
      var months = words("months").split(" ");
      var now = new Date();
      on.textContent = words("printed_on", { date: now.getDate() + " " + months[now.getMonth()] + " " + now.getFullYear() });
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
      if (/^H[1-6]$/.test(el.tagName)) return words("table_scrolls", { heading: el.textContent.trim() });
    }
    return words("table");
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
     was built. Versions take effect in the order of their dates, and of two
     with the same date the later published (a correction) replaces the
     other; each is in force from its date (that day included) until the next
     one's in that order: as editions.in_force decides for the build. */
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
  function inOrder(versions) {
    return versions.slice().sort(function (a, b) {
      if (a.effective !== b.effective) return a.effective < b.effective ? -1 : 1;
      return a.number - b.number;
    });
  }
  function inForceOn(order, day) {
    var found = null;
    order.forEach(function (v) { if (v.effective <= day) found = v; });
    return found;
  }
  function versionBanner() {
    var banner = document.querySelector("[data-hr-versions]");
    if (!banner) return;
    var data = JSON.parse(banner.getAttribute("data-hr-versions"));
    var day = today();
    var order = inOrder(data.versions);
    var mine = order.filter(function (v) { return v.folder === data.this; })[0];
    var inForce = inForceOn(order, day);
    var next = order[order.indexOf(mine) + 1];  // the version that takes over from this one
    var p = document.createElement("p");
    var state;
    function say(key, values) { p.append.apply(p, parts(key, values).concat([" "])); }
    function current(v) { return link(v.href, words("read_current", { number: v.number })); }
    if (next && next.effective === mine.effective) {
      state = "superseded";  // replaced from its first day: it is never in force
      say(mine.effective > day ? "replaced_will_not" : "replaced_never",
          { number: mine.number, next: next.number, date: mine.effective_long });
      if (inForce) p.append(current(inForce), ". ");
    } else if (mine.effective > day) {
      state = "upcoming";
      say("upcoming", { number: mine.number, date: mine.effective_long });
      if (inForce) say("until_then", { applies: link(inForce.href, words("until_then_link", { number: inForce.number })) });
    } else if (inForce !== mine) {
      state = "superseded";
      say("superseded", { number: mine.number, date: mine.effective_long, until: next.effective_long });
      p.append(current(inForce), ". ");
    } else {
      state = "current";
      say("current", { number: mine.number, date: mine.effective_long });
      var first = order.filter(function (v) { return v.effective > day; })[0];
      var coming = first && inForceOn(order, first.effective);  // of two on that day, the one that applies
      if (coming) p.append(link(coming.href, words("takes_effect", { number: coming.number, date: coming.effective_long })), ". ");
    }
    p.append(link(data.history, words("all_versions")), ".");
    banner.setAttribute("data-state", state);
    banner.replaceChildren(p);
  }

  /* mike's labels, decided as the banner decides, by the reader's date:
     "latest" for the version in force (before any is, the first that will
     be: the one the council's address shows), "upcoming" for one whose date
     has not come (not one replaced on its first day: that one never comes
     into force). versions.json carries the same labels as of the day of the
     build; the selector shows these. {folder: label} */
  function versionLabels(data, day) {
    var order = inOrder(data.versions);
    var latest = inForceOn(order, day) || inForceOn(order, order[0].effective);
    var labels = {};
    order.forEach(function (v) {
      if (v.effective > day && inForceOn(order, v.effective) === v) labels[v.folder] = words("label_upcoming");
      else if (v === latest) labels[v.folder] = words("label_latest");
    });
    return labels;
  }

  /* Material's version selector arrives once versions.json is fetched. Each
     version is shown as "v2", its label for the reader's day, then its date
     ("from 1 April 2027"; on a phone the button leaves the date to the
     list). The button is named by what it shows and what it does ("v2
     latest from 1 April 2027: select another version"), so the name a
     speech-input user hears starts with what they see (WCAG 2.5.3). */
  function versionSelector() {
    var topic = document.querySelector(".hr-version-topic");
    var banner = document.querySelector("[data-hr-versions]");
    if (!topic || !banner) return;
    var data = JSON.parse(banner.getAttribute("data-hr-versions"));
    var labels = versionLabels(data, today());
    function folderOf(href) {
      var m = /\/(v\d+)\/?$/.exec(new URL(href, location.href).pathname);
      return m ? m[1] : null;
    }
    function span(className, text) {
      var s = document.createElement("span");
      s.className = className;
      s.textContent = text;
      return s;
    }
    function mark(el, folder) {
      var title = "";
      el.childNodes.forEach(function (n) { if (n.nodeType === 3) title += n.textContent; });
      var parts = /^\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(title) || [null, title.trim(), ""];
      var label = labels[folder];
      el.replaceChildren(parts[1]);
      if (label) el.append(" ", span("md-version__alias", label));
      if (parts[2]) el.append(" ", span("hr-version-date", parts[2]));
      return [parts[1], label, parts[2]].filter(Boolean).join(" ");
    }
    function fix() {
      var selector = topic.querySelector(".md-version");
      if (!selector || selector.dataset.hrLabelled) return;
      selector.dataset.hrLabelled = "yes";
      selector.querySelectorAll(".md-version__link").forEach(function (a) { mark(a, folderOf(a.href)); });
      var button = selector.querySelector(".md-version__current");
      if (button) button.setAttribute("aria-label", mark(button, data.this) + ": " + words("select_version"));
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

  /* Compare versions: every pair of versions is on the page, the earlier
     first, and without JavaScript all are shown. With it, the form (hidden
     until now) shows the pair chosen, in either order, and hides the rest;
     a link to a pair (#v1-v3) shows that one. Each version in the form
     carries its label for the reader's day, as the selector does. */
  function compareVersions() {
    var form = document.querySelector("[data-hr-compare-form]");
    var banner = document.querySelector("[data-hr-versions]");
    if (!form) return;
    var pairs = Array.prototype.slice.call(document.querySelectorAll("[data-hr-pair]"));
    if (!pairs.length) return;
    var from = form.elements.old, to = form.elements["new"];
    var status = form.querySelector("[data-hr-compare-status]");
    if (banner) {
      var labels = versionLabels(JSON.parse(banner.getAttribute("data-hr-versions")), today());
      form.querySelectorAll("[data-hr-version]").forEach(function (choice) {
        var label = labels[choice.getAttribute("data-hr-version")];
        if (label) choice.textContent += " (" + label + ")";
      });
    }
    function numbers(pair) { return pair.getAttribute("data-hr-pair").split(" "); }
    function show(pair) {
      pairs.forEach(function (p) { p.hidden = p !== pair; });
      from.value = numbers(pair)[0];
      to.value = numbers(pair)[1];
    }
    function fromHash() {
      var pair = pairs.filter(function (p) { return "#" + p.id === location.hash; })[0];
      if (pair) {
        status.textContent = "";
        show(pair);
      }
      return pair;
    }
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var a = from.value, b = to.value;
      if (a === b) {
        status.textContent = words("same_version", { number: a });
        return;
      }
      var pair = pairs.filter(function (p) {
        var n = numbers(p);
        return (n[0] === a && n[1] === b) || (n[0] === b && n[1] === a);
      })[0];
      show(pair);
      status.textContent = numbers(pair)[0] === a ? "" :
        words("earlier_first", { old: numbers(pair)[0], new: numbers(pair)[1] });
      history.replaceState(null, "", "#" + pair.id);
      var heading = pair.querySelector("h2");
      heading.focus({ preventScroll: true });  // read next by a screen reader, at the top of the screen
      heading.scrollIntoView({ block: "start" });
    });
    window.addEventListener("hashchange", fromHash);
    if (!fromHash()) show(pairs[pairs.length - 1]);  // the latest two, to begin with
  }

  menu();
  search();
  searchAtOwnAddress();
  printed();
  linkedTab();
  versionBanner();
  versionSelector();
  compareVersions();
  window.addEventListener("hashchange", linkedTab);
  if (window.document$) window.document$.subscribe(tables);
  else document.addEventListener("DOMContentLoaded", tables);
  window.addEventListener("resize", tables);
})();
