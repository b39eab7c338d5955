/* The comment checker on a council's page.

   The engine is the same Python package the command line uses, run in the
   reader's browser by Pyodide; the page fetches only files of its own site.
   Nothing is loaded until the reader starts to use the checker, and what
   they type is never sent anywhere: it goes from the text box to the engine
   and back, and is written into the page as text only (textContent, text
   nodes), never as markup. */

const script = document.getElementById("hr-checker-script");
const here = (path) => new URL(path, document.baseURI).href;
const CONFIG = {
  pyodide: here(script.dataset.pyodide),
  lock: here(script.dataset.lock),
  rules: here(script.dataset.rules),
  package: script.dataset.package,
  module: script.dataset.module,
};
// Measured cold start on localhost is about 3.5 s; a slow connection needs
// far longer for 6 MB, but a start that never settles (WebAssembly blocked
// by a policy) must not leave the reader waiting for ever.
// A site may set its own limit on the script tag (data-start-limit-ms).
const START_LIMIT_MS = Number(script.dataset.startLimitMs) || 60000;

class Unavailable extends Error {}

let engine = null;

function load(progress) {
  if (!engine) {
    engine = start(progress);
    engine.catch(() => { engine = null; });  // a later attempt may succeed (e.g. back online)
  }
  return engine;
}

async function start(progress) {
  // Marks for the site's own measurements (and the benchmark): user timing only, sent nowhere.
  performance.mark("hr-checker-start");
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    throw new Unavailable("This browser cannot run WebAssembly, which the checker needs.");
  }
  progress("Downloading the checker (about 6 MB, the first time only)…");
  const { loadPyodide } = await import(CONFIG.pyodide + "pyodide.mjs");
  progress("Starting the checker in your browser…");
  const pyodide = await loadPyodide({
    indexURL: CONFIG.pyodide,
    lockFileURL: CONFIG.lock,
    // Where packages come from: this site. Without it Pyodide falls back to
    // its CDN for anything not in the lock file.
    packageBaseUrl: new URL(".", CONFIG.lock).href,
    stdout: () => {},
    stderr: () => {},
  });
  progress("Loading the rules…");
  const problems = [];
  await pyodide.loadPackage(CONFIG.package, {
    checkIntegrity: true,
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (!(CONFIG.package in pyodide.loadedPackages)) {
    throw new Unavailable("The checker's files could not be loaded or did not match what the site published. " +
      problems.join(" "));
  }
  const response = await fetch(CONFIG.rules, { credentials: "same-origin" });
  if (!response.ok) throw new Unavailable(`The rules could not be loaded (${response.status}).`);
  const rules = await response.text();
  const browser = pyodide.pyimport(`${CONFIG.module}.browser`);
  const session = browser.Session(rules);
  performance.measure("hr-checker-ready", "hr-checker-start");
  return session;
}

function withinLimit(promise) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Unavailable(
      "The checker is taking too long to start. Your browser, its settings or your organisation's network " +
      "may be blocking WebAssembly, which the checker needs.")), START_LIMIT_MS);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/* ---- building the results, as elements and text only ---------------- */

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function hidden(text) {
  return el("span", { class: "hr-visually-hidden" }, text);
}

const VERDICT_WORDS = { "breaks": "breaks", "may-break": "may break" };

function highlighted(pieces) {
  const out = el("p", { class: "hr-checked-text" });
  for (const piece of pieces) {
    if (piece.verdict) {
      const mark = el("mark", { class: `hr-mark hr-mark--${piece.verdict}` }, piece.text);
      out.append(mark, hidden(` (${VERDICT_WORDS[piece.verdict]}: ${piece.rules.join(", ")})`));
    } else {
      out.append(document.createTextNode(piece.text));
    }
  }
  return out;
}

function ruleItem(finding, verdict) {
  const item = el("li", { "data-rule": finding.rule, "data-verdict": verdict },
    el("strong", {}, finding.wording), " ", el("span", { class: "hr-rule-id" }, `(${finding.title})`));
  if (finding.matches.length) {
    item.append(el("br"), "Words: ", ...finding.matches.flatMap((m, i) => [i ? ", " : "", el("q", {}, m)]));
  }
  if (finding.why.length) item.append(el("br"), `Why: ${finding.why.join("; ")}.`);
  return item;
}

function summary(result, council) {
  const n = result.breaks.length;
  const m = result.may_break.length;
  if (!n && !m) return "Nothing found. This is not a promise: a person may still judge the comment differently.";
  if (!n) return `This comment may break ${m} of ${council}'s house rules: a person would decide.`;
  const more = m ? `, and may break ${m} more: a person would decide` : "";
  return `This comment would break ${n} of ${council}'s house rules${more}.`;
}

function render(box, result, council, level, staff) {
  const h = (offset) => `h${Math.min(6, level + offset)}`;
  const blocks = [el(h(0), { id: "hr-results-title" }, "What the checker found"), el("p", { class: "hr-summary" }, summary(result, council))];
  if (result.pre_election) {
    blocks.push(el("p", {}, `It is the pre-election period (${result.pre_election}), so the rules on party-political content apply.`));
  }
  if (result.breaks.length || result.may_break.length) {
    blocks.push(el("p", {}, "The comment, with the words that set off a rule highlighted:"), highlighted(result.pieces));
  }
  if (result.breaks.length) {
    blocks.push(el(h(1), {}, "Rules it would break"),
      el("ul", { class: "hr-findings" }, ...result.breaks.map((f) => ruleItem(f, "breaks"))));
  }
  if (result.may_break.length) {
    blocks.push(el(h(1), {}, "Rules it may break: a person would decide"),
      el("ul", { class: "hr-findings" }, ...result.may_break.map((f) => ruleItem(f, "may-break"))));
  }
  if (result.breaks.length && result.next_steps.length) {
    if (staff && result.next_steps_in_order) {
      blocks.push(el(h(1), {}, "Next step"), el("p", { class: "hr-next-step" }, result.next_steps[0]));
    }
    blocks.push(el(h(1), {}, `What ${council} does when a rule is broken`),
      el(result.next_steps_in_order ? "ol" : "ul", {}, ...result.next_steps.map((step) => el("li", {}, step))));
  }
  if (result.needs_person.length) {
    blocks.push(el(h(1), {}, "Rules only a person can judge"),
      el("p", {}, "The checker cannot tell whether a comment breaks these:"),
      el("ul", { class: "hr-findings" }, ...result.needs_person.map((f) => el("li", { "data-rule": f.rule, "data-verdict": "needs-person" },
        el("strong", {}, f.wording), ` ${f.why.join(" ")}`))));
  }
  if (staff && result.record) blocks.push(...recordBlock(result.record, h));
  box.replaceChildren(...blocks);
  box.hidden = false;
  box.dataset.count = String(Number(box.dataset.count || 0) + 1);  // how many checks so far
}

function recordBlock(record, h) {
  const area = el("textarea", { id: "hr-record", rows: "10", readonly: "", class: "hr-record" });
  area.value = record.text;
  const said = el("span", { class: "hr-copy-status", role: "status" });
  const copy = el("button", { type: "button", class: "md-button hr-copy" }, "Copy the record");
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(record.text);
      said.textContent = "Copied.";
    } catch {
      area.focus();
      area.select();
      said.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
    }
  });
  return [el(h(1), {}, "The record to keep"),
    el("p", {}, "What the policy says we record when a comment breaks a rule. Paste it into the log."),
    el("label", { for: "hr-record" }, "Record"), area, el("p", {}, copy, " ", said)];
}

/* ---- wiring up each checker on the page ------------------------------- */

function setUp(section) {
  const form = section.querySelector("[data-hr-form]");
  const status = section.querySelector("[data-hr-status]");
  const results = section.querySelector("[data-hr-results]");
  const comment = form.querySelector("#hr-comment");
  const staff = section.dataset.audience === "staff";
  const council = section.dataset.council;
  const level = Number((section.dataset.heading || "h2").slice(1)) + 1;
  const progress = el("progress", { class: "hr-progress", "aria-label": "Loading the checker" });
  progress.hidden = true;
  status.before(progress);

  section.querySelector("[data-hr-nojs]").hidden = true;
  form.hidden = false;

  const say = (text) => { status.textContent = text; };
  const couldNotStart = (error) => {
    const why = error instanceof Unavailable ? error.message : "Something went wrong while starting it.";
    say(`The checker could not start. ${why} You can still read the house rules.`);
  };
  const begin = () => {
    progress.hidden = false;
    const loading = withinLimit(load(say));
    // A start that fails while the reader is still typing says so at once.
    loading.then(() => say("The checker is ready."), couldNotStart).finally(() => { progress.hidden = true; });
    return loading;
  };
  // Start loading as soon as the reader types or pastes, not before.
  comment.addEventListener("input", () => { if (!engine) begin(); }, { once: true });
  comment.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = comment.value;
    if (!text.trim()) {
      say("Type or paste a comment to check.");
      comment.focus();
      return;
    }
    let session;
    try {
      session = await (engine ? withinLimit(engine) : begin());
    } catch (error) {
      couldNotStart(error);
      return;
    }
    say("Checking…");
    const field = (name) => (form.elements[name] ? form.elements[name].value.trim() : "");
    const date = staff ? (field("date") || today()) : today();
    const account = staff ? JSON.stringify({ author: field("author"), handle: field("handle"), platform: field("platform") }) : "";
    const began = performance.now();
    let result;
    try {
      result = JSON.parse(session.check(text, date, staff ? field("reply_to") : "", account,
        staff ? field("earlier") : ""));
    } catch (error) {
      say("Something went wrong while checking this comment. You can still read the house rules.");
      return;
    }
    performance.measure("hr-check", { start: began, end: performance.now() });
    if (result.error) {
      say(result.error);
      return;
    }
    render(results, result, council, level, staff);
    say(summary(result, council));
    performance.measure("hr-check-shown", { start: began, end: performance.now() });
  });
}

document.querySelectorAll("[data-hr-checker]").forEach(setUp);
