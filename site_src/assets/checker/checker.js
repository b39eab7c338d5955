/* The comment checker on a council's page.

   The engine is the same Python package the command line uses, run in the
   reader's browser by Pyodide; the page fetches only files of its own site.
   Nothing is loaded until the reader starts to use the checker, and what
   they type is never sent anywhere: it goes from the text box to the engine
   and back, and is written into the page as text only (textContent, text
   nodes), never as markup.

   It speaks the page's language (<html lang>, "cy" on a Welsh page): its own
   words below, in English and in Welsh (drafted, not reviewed by a Welsh
   speaker), and the engine's reasons, which it asks of the engine in that
   language. The council's words (rule titles, wordings, next steps) come in
   the rules the page links to, already in its language. */

const script = document.getElementById("hr-checker-script");
const here = (path) => new URL(path, document.baseURI).href;
const CONFIG = {
  pyodide: here(script.dataset.pyodide),
  stdlib: here(script.dataset.stdlib),
  lock: here(script.dataset.lock),
  rules: here(script.dataset.rules),
  package: script.dataset.package,
  module: script.dataset.module,
};
// Measured cold start on localhost is about 3.5 s; a slow connection needs
// far longer for 3.5 MB, but a start that never settles (WebAssembly blocked
// by a policy) must not leave the reader waiting for ever.
// A site may set its own limit on the script tag (data-start-limit-ms).
const START_LIMIT_MS = Number(script.dataset.startLimitMs) || 60000;

/* ---- the checker's own words, in each language it speaks ------------- */

// Each table has the same keys (tests/test_checker_welsh.py compares them).
const EN = {
  noWasm: "This browser cannot run WebAssembly, which the checker needs.",
  downloading: "Downloading the checker (about 3.5 MB, the first time only)…",
  starting: "Starting the checker in your browser…",
  loadingRules: "Loading the rules…",
  filesFailed: (why) => `The checker's files could not be loaded or did not match what the site published. ${why}`,
  listUnread: (detail) => `The list of its files could not be read${detail ? ` ${detail}` : ""}.`,
  listMissing: "The list of its files does not name it.",
  rulesFailed: (status) => `The rules could not be loaded (${status}).`,
  tooSlow: "The checker is taking too long to start. Your browser, its settings or your organisation's network " +
    "may be blocking WebAssembly, which the checker needs.",
  listedWord: "listed word",
  listedWords: "listed words",
  aListed: "a listed {one}",
  aWordList: "a word list",
  labelIn: (kind, name) => `(${kind}, in ${name})`,
  verdictBreaks: "would break",
  verdictMayBreak: "may break",
  onlyPerson: (why) => ` (only a person can judge): ${why}`,
  mayBreakPerson: " (may break: a person would decide)",
  word: "Word: ",
  words: "Words: ",
  why: (reasons) => `Why: ${reasons}.`,
  nothingFound: "Nothing found. This is not a promise: a person may still judge the comment differently.",
  mayBreakOnly: (m, council) => `This comment may break ${m} of ${council}'s house rules: a person would decide.`,
  moreMay: (m) => `, and may break ${m} more: a person would decide`,
  wouldBreak: (n, council, more) => `This comment would break ${n} of ${council}'s house rules${more}.`,
  preElection: (period) => `It is the pre-election period (${period}), so the rules on party-political content apply.`,
  highlightedIntro: "The comment, with the words that set off a rule highlighted:",
  rulesBroken: (n) => (n === 1 ? "The rule it would break" : "Rules it would break"),
  rulesMaybe: (n) => `${n === 1 ? "The rule it may break" : "Rules it may break"}: a person would decide`,
  nextStep: "Next step",
  councilDoes: (council) => `What ${council} does when a rule is broken`,
  personRules: (n) => (n === 1 ? "The rule only a person can judge" : "Rules only a person can judge"),
  cannotTell: (n) => `The checker cannot tell whether a comment breaks ${n === 1 ? "this" : "these"}:`,
  copyRecord: "Copy the record",
  copied: "Copied.",
  selected: "Selected: press Ctrl+C (or Cmd+C) to copy.",
  recordTitle: "The record to keep",
  recordIntro: "What the policy says we record when a comment breaks a rule. Paste it into the log.",
  recordLabel: "Record",
  resultsTitle: "What the checker found",
  problem: "There is a problem",
  loadingLabel: "Loading the checker",
  errorTitle: (title) => `Error: ${title}`,
  startWentWrong: "Something went wrong while starting it.",
  couldNotStart: (why) => `The checker could not start. ${why} You can still read the house rules.`,
  ready: "The checker is ready.",
  checking: "Checking…",
  checkWentWrong: "Something went wrong while checking this comment. You can still read the house rules.",
};

const CY = {
  noWasm: "Ni all y porwr hwn redeg WebAssembly, ac mae ar y gwiriwr ei angen.",
  downloading: "Wrthi'n llwytho'r gwiriwr i lawr (tua 3.5 MB, y tro cyntaf yn unig)…",
  starting: "Wrthi'n cychwyn y gwiriwr yn eich porwr…",
  loadingRules: "Wrthi'n llwytho'r rheolau…",
  filesFailed: (why) => `Nid oedd modd llwytho ffeiliau'r gwiriwr, neu nid oeddent yn cyfateb i'r hyn a gyhoeddodd ` +
    `y wefan. ${why}`,
  listUnread: (detail) => `Nid oedd modd darllen y rhestr o'i ffeiliau${detail ? ` ${detail}` : ""}.`,
  listMissing: "Nid yw'r rhestr o'i ffeiliau yn ei enwi.",
  rulesFailed: (status) => `Nid oedd modd llwytho'r rheolau (${status}).`,
  tooSlow: "Mae'r gwiriwr yn cymryd gormod o amser i gychwyn. Efallai fod eich porwr, ei osodiadau neu rwydwaith " +
    "eich gwaith yn rhwystro WebAssembly. Mae ar y gwiriwr ei angen.",
  listedWord: "gair ar restr",
  listedWords: "geiriau ar restr",
  aListed: "{one}",
  aWordList: "rhestr eiriau",
  labelIn: (kind, name) => `(${kind}; rhestr: ${name})`,
  verdictBreaks: "byddai'n torri",
  verdictMayBreak: "gallai dorri",
  onlyPerson: (why) => ` (dim ond person all farnu): ${why}`,
  mayBreakPerson: " (gallai dorri: person fyddai'n penderfynu)",
  word: "Gair: ",
  words: "Geiriau: ",
  why: (reasons) => `Pam: ${reasons}.`,
  nothingFound: "Dim wedi'i ganfod. Nid addewid yw hyn: gallai person farnu'r sylw yn wahanol o hyd.",
  mayBreakOnly: (m, council) => `Gallai'r sylw hwn dorri ${m} o reolau tŷ ${council}: person fyddai'n penderfynu.`,
  moreMay: (m) => `, a gallai dorri ${m} arall: person fyddai'n penderfynu`,
  wouldBreak: (n, council, more) => `Byddai'r sylw hwn yn torri ${n} o reolau tŷ ${council}${more}.`,
  preElection: (period) => `Mae'n gyfnod cyn etholiad (${period}), felly mae'r rheolau ar gynnwys gwleidyddol ` +
    `pleidiol yn berthnasol.`,
  highlightedIntro: "Y sylw, gyda'r geiriau a sbardunodd reol wedi'u hamlygu:",
  rulesBroken: (n) => (n === 1 ? "Y rheol y byddai'n ei thorri" : "Rheolau y byddai'n eu torri"),
  rulesMaybe: (n) => `${n === 1 ? "Y rheol y gallai ei thorri" : "Rheolau y gallai eu torri"}: person fyddai'n penderfynu`,
  nextStep: "Y cam nesaf",
  councilDoes: (council) => `Beth mae ${council} yn ei wneud pan fydd rheol yn cael ei thorri`,
  personRules: (n) => (n === 1 ? "Y rheol na all neb ond person ei barnu" : "Rheolau na all neb ond person eu barnu"),
  cannotTell: (n) => `Ni all y gwiriwr ddweud a yw sylw'n torri ${n === 1 ? "hon" : "y rhain"}:`,
  copyRecord: "Copïo'r cofnod",
  copied: "Wedi'i gopïo.",
  selected: "Wedi'i ddewis: pwyswch Ctrl+C (neu Cmd+C) i'w gopïo.",
  recordTitle: "Y cofnod i'w gadw",
  recordIntro: "Yr hyn y mae'r polisi'n dweud ein bod yn ei gofnodi pan fydd sylw'n torri rheol. Gludwch ef i'r log.",
  recordLabel: "Cofnod",
  resultsTitle: "Beth ganfu'r gwiriwr",
  problem: "Mae problem",
  loadingLabel: "Wrthi'n llwytho'r gwiriwr",
  errorTitle: (title) => `Gwall: ${title}`,
  startWentWrong: "Aeth rhywbeth o'i le wrth ei gychwyn.",
  couldNotStart: (why) => `Nid oedd modd cychwyn y gwiriwr. ${why} Gallwch ddarllen rheolau'r tŷ o hyd.`,
  ready: "Mae'r gwiriwr yn barod.",
  checking: "Wrthi'n gwirio…",
  checkWentWrong: "Aeth rhywbeth o'i le wrth wirio'r sylw hwn. Gallwch ddarllen rheolau'r tŷ o hyd.",
};

// The engine names a listed word's strength and category in the page's
// language; these give the names it uses back to the ids the rules' reading
// tables are keyed by (houserules_checker/cymraeg.py: STRENGTHS, CATEGORIES).
const LABEL_NAMES = {
  en: { list: "word list", strengths: {}, categories: {} },
  cy: {
    list: "rhestr eiriau",
    strengths: { "ysgafn": "mild", "canolig": "medium", "cryf": "strong", "cryfaf": "strongest" },
    categories: {
      "cyffredinol": "general", "rhywiol": "sexual", "gwahaniaethol": "discriminatory",
      "hil ac ethnigrwydd": "race-ethnicity", "rhyw a rhywedd": "sex-gender", "iechyd meddwl": "mental-health",
      "cyffuriau": "drugs", "sarhad": "insult",
    },
  },
};

// The page's language: Welsh on a Welsh page, English on any other.
const LANGUAGE = (script.dataset.language || document.documentElement.lang || "en").toLowerCase()
  .startsWith("cy") ? "cy" : "en";
const T = LANGUAGE === "cy" ? CY : EN;

class Unavailable extends Error {}
// A server's answer, "(404)", which the page may show; the browser's own
// words for a failed fetch ("Failed to fetch", in English on a Welsh page) it does not.
class ServerAnswer extends Error {}

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
    throw new Unavailable(T.noWasm);
  }
  progress(T.downloading);
  // The engine and the rules are fetched while the runtime starts, not after.
  const engineFile = fetchEngine();
  const rulesText = fetchRules();
  // An engine or rules that cannot be had end the start when they fail: the
  // reader is not kept waiting for the runtime to be told the checker cannot start.
  const [pyodide, engine, rules] = await Promise.all([runtimeOnce(progress), engineFile, rulesText]);
  performance.mark("hr-checker-runtime");
  progress(T.loadingRules);
  install(pyodide, engine);
  performance.mark("hr-checker-package");
  performance.mark("hr-checker-rules");
  const browser = pyodide.pyimport(`${CONFIG.module}.browser`);
  performance.mark("hr-checker-imported");
  const session = browser.Session(rules, LANGUAGE);  // the engine's reasons in the page's language
  performance.mark("hr-checker-session");
  const reader = readerOf(JSON.parse(rules));
  performance.measure("hr-checker-ready", "hr-checker-start");
  return { session, reader };
}

// One runtime for the page: a start that failed on the engine or the rules
// leaves it loading, and the next attempt takes it up rather than starting a
// second beside it.
let runtime = null;

function runtimeOnce(progress) {
  if (!runtime) {
    runtime = startRuntime(progress);
    runtime.catch(() => { runtime = null; });
  }
  return runtime;
}

async function startRuntime(progress) {
  const { loadPyodide } = await import(CONFIG.pyodide + "pyodide.mjs");
  performance.mark("hr-checker-script");
  progress(T.starting);
  return loadPyodide({
    indexURL: CONFIG.pyodide,
    // Only the part of Python's standard library the checker uses (set-up's
    // stdlib-<hash>.zip), not Pyodide's python_stdlib.zip: a fifth of its
    // size over the wire.
    stdLibURL: CONFIG.stdlib,
    lockFileURL: CONFIG.lock,
    // Where packages come from: this site. Without it Pyodide falls back to
    // its CDN for anything not in the lock file.
    packageBaseUrl: new URL(".", CONFIG.lock).href,
    stdout: () => {},
    stderr: () => {},
  });
}

/* The engine's wheel, as the site's lock file names it, checked against the
   hash the lock file gives (the browser refuses a body that does not match:
   Subresource Integrity), as Pyodide's loadPackage would check it. */
async function fetchEngine() {
  const failed = (why) => new Unavailable(T.filesFailed(why));
  let entry;
  try {
    const response = await fetch(CONFIG.lock, { credentials: "same-origin" });
    if (!response.ok) throw new ServerAnswer(`(${response.status})`);
    entry = (await response.json()).packages[CONFIG.package];
  } catch (error) {
    throw failed(T.listUnread(error instanceof ServerAnswer ? error.message : ""));
  }
  if (!entry || !/^[0-9a-f]{64}$/.test(entry.sha256 || "")) throw failed(T.listMissing);
  const digest = String.fromCharCode(...entry.sha256.match(/../g).map((hex) => parseInt(hex, 16)));
  try {
    const response = await fetch(new URL(entry.file_name, CONFIG.lock).href,
      { credentials: "same-origin", integrity: `sha256-${btoa(digest)}` });
    if (!response.ok) throw new ServerAnswer(`(${response.status})`);
    return { name: entry.file_name.split("/").pop(), bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    throw failed(error instanceof ServerAnswer ? error.message : "");
  }
}

/* The engine's modules, written where Python imports them from. The wheel
   is a zip of files stored as they are (wheel.py), so each is a slice of it.
   Pyodide's loadPackage unzips it in Python, first importing zipfile, shutil
   and tempfile to do so: 400 of the 900 ms from the runtime being ready to
   the checker being ready, warm (tests/benchmarks/bench_widget.py, "stage by
   stage"); this takes a few. Importing from the zip itself instead made the
   import twice as slow: zipimport compiles a module's source more than once.
   The standard library the sites serve has no zipfile (widget/stdlib.txt):
   a wheel of any other kind cannot be unpacked, and the page says so. */
function install(pyodide, engine) {
  const folder = "/lib/houserules-checker";
  const files = storedFiles(engine.bytes);
  if (!files) throw new Unavailable(T.filesFailed(""));
  for (const [name, data] of files) {
    const path = `${folder}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, data);
  }
  const sys = pyodide.pyimport("sys");
  sys.path.insert(0, folder);
  sys.destroy();
}

// [name, bytes] of each file of a zip whose files are all stored, not
// compressed; null for any other zip.
function storedFiles(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;  // the end of the central directory: 22 bytes, then a comment
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) return null;
  const names = new TextDecoder();
  const files = [];
  let at = view.getUint32(end + 16, true);
  for (let count = view.getUint16(end + 10, true); count > 0; count--) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 10, true) !== 0) return null;
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = names.decode(zip.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50 || name.startsWith("/") || name.split("/").includes("..")) return null;
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (!name.endsWith("/")) files.push([name, zip.subarray(data, data + size)]);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return files;
}

async function fetchRules() {
  const response = await fetch(CONFIG.rules, { credentials: "same-origin" });
  if (!response.ok) throw new Unavailable(T.rulesFailed(response.status));
  return response.text();
}

function withinLimit(promise) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Unavailable(T.tooSlow)), START_LIMIT_MS);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/* ---- reasons, in words a resident can read ----------------------------- */

// The engine names a listed word as a program would: "'fucking' (strongest,
// general, word list ldnoobw)". A council page must neither spell out the word
// the resident may have hidden ("f***ing") nor name a list by its file.
// In Welsh the strength and category are words ("'cachu' (canolig,
// cyffredinol, rhestr eiriau welsh)"), read back to their ids.
const NAMES = LABEL_NAMES[LANGUAGE];
const LABEL = LANGUAGE === "en"
  ? /'([^']+)' \(([a-z]+), ([a-z-]+), word list ([\w-]+)\)/g
  : new RegExp(`'([^']+)' \\(([^,()]+), ([^,()]+), ${NAMES.list} ([\\w-]+)\\)`, "g");
const idOf = (names, said) => names[said] || said;
const WORD = /\p{L}+/gu;

const runs = (word) => [...word.matchAll(/(.)\1*/gsu)].map((m) => [m[1], [...m[0]].length]);
const squeeze = (word) => word.replace(/(.)\1+/gsu, "$1");

// As the engine reads a word (houserules_checker.lexicon): the term's letters
// in order, any of them repeated ("fuuuck"), so "as" is never "ass".
function spells(word, term) {
  const a = runs(word);
  const b = runs(term);
  return a.length === b.length && a.every(([x, n], i) => x === b[i][0] && n >= b[i][1]);
}

function masked(word) {
  // First and last letters kept, as people write them ("f*****g", "s**t").
  const letters = [...word];
  if (letters.length < 3) return letters[0] + "*".repeat(letters.length - 1);
  return letters[0] + "*".repeat(letters.length - 2) + letters[letters.length - 1];
}

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function readerOf(pack) {
  const reading = pack.reading || { lists: {}, kinds: {}, strengths: {}, endings: [] };
  // Words offensive on their own (moderate or stronger, as on the rules
  // pages) are masked; a word only offensive in context, where the engine
  // found it so (below, `fired`). Insults are not: "moron" and "waste of
  // space" are not words anyone hides, and masked they could not be read.
  const masks = (w) => w.severity >= 2 && w.category !== "insult";
  const offensiveWords = pack.words.filter((w) => masks(w) && !w.context_only);
  const offensive = offensiveWords.map((w) => w.term);
  // English endings ("-s", "-ing") are read on the English lists' words only:
  // a list in another language (Welsh) spells each form it holds, as the
  // engine reads it ("cachus" is no form of "cachu").
  const otherLists = new Set(pack.words.filter((w) => w.language && w.language !== "en").map((w) => w.list));
  const english = (w) => !otherLists.has(w.list);

  function lookup(terms, endings = reading.endings) {
    const index = new Map();
    for (const term of terms.filter((t) => !/[\s-]/u.test(t))) {
      const key = squeeze(term);
      if (!index.has(key)) index.set(key, []);
      index.get(key).push(term);
    }
    const spelled = (word) => (index.get(squeeze(word)) || []).some((term) => spells(word, term));
    return (word) => spelled(word) || endings.some(
      (ending) => word.length - ending.length >= 3 && word.endsWith(ending) && spelled(word.slice(0, -ending.length)));
  }
  function phrases(terms) {
    const many = terms.filter((t) => /[\s-]/u.test(t)).sort((a, b) => b.length - a.length);
    if (!many.length) return null;
    const alternation = many.map((t) => t.split(/[\s-]+/u).map(escaped).join("[\\s-]+")).join("|");
    return new RegExp(`(?<!\\p{L})(?:${alternation})(?!\\p{L})`, "giu");
  }
  const either = (a, b) => (word) => a(word) || b(word);
  const isOffensive = either(lookup(offensiveWords.filter(english).map((w) => w.term)),
    lookup(offensiveWords.filter((w) => !english(w)).map((w) => w.term), []));
  const offensivePhrases = phrases(offensive);

  function kind(strength, category) {
    const [one, many] = reading.kinds[category] || [T.listedWord, T.listedWords];
    return (reading.strengths[strength] || T.aListed).replace("{one}", one).replace("{many}", many);
  }

  // A label's parts: the term, its strength and category as ids, its list.
  const partsOf = (m) => [m[1], idOf(NAMES.strengths, m[2]), idOf(NAMES.categories, m[3]), m[4]];

  return function reasonsOf(findings) {
    const fired = [];
    const firedOther = [];
    for (const f of findings) {
      for (const why of f.why) {
        for (const m of why.matchAll(LABEL)) {
          const [term, strength, category, list] = partsOf(m);
          if (strength !== "mild" && category !== "insult") (otherLists.has(list) ? firedOther : fired).push(term);
        }
      }
    }
    const isFired = either(lookup(fired), lookup(firedOther, []));
    fired.push(...firedOther);
    const firedPhrases = phrases(fired);
    // A compound built on a word that fired ("shithead") is masked too; short
    // roots are left out, as "ass" is in "class".
    const roots = fired.filter((t) => !/[\s-]/u.test(t) && t.length >= 4);
    const hide = (word) => {
      const key = word.toLowerCase();
      return isOffensive(key) || isFired(key) || roots.some((root) => key.includes(root));
    };
    const maskEach = (text) => text.replace(WORD, (word) => (hide(word) ? masked(word) : word));
    // A listed phrase: its offensive words masked ("p****d off"), or where no
    // one word is offensive alone, every word but the short ones.
    const maskTerm = (term) => {
      const once = maskEach(term);
      return once === term ? term.replace(WORD, (word) => (word.length > 2 ? masked(word) : word)) : once;
    };
    const maskWords = (text) => {
      for (const pattern of [offensivePhrases, firedPhrases]) {
        if (pattern) text = text.replace(pattern, maskTerm);
      }
      return maskEach(text);
    };
    return (why) => {
      let out = "";
      let at = 0;
      for (const m of why.matchAll(LABEL)) {
        const [label] = m;
        const [term, strength, category, list] = partsOf(m);
        const name = reading.lists[list] || T.aWordList;
        out += maskWords(why.slice(at, m.index)) +
          `'${strength === "mild" || category === "insult" ? term : maskTerm(term)}' ${T.labelIn(kind(strength, category), name)}`;
        at = m.index + label.length;
      }
      return out + maskWords(why.slice(at));
    };
  };
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

const VERDICT_WORDS = { "breaks": T.verdictBreaks, "may-break": T.verdictMayBreak };
const STRONGER = { "breaks": 0, "may-break": 1 };

// Punctuation and spaces at either end do not make a match any smaller.
const EDGES = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const core = (text) => text.replace(EDGES, "");

/* A match that takes in the whole comment (the model's second opinion, a
   message posted again) points at nothing: highlighted, it would only colour
   the comment in. Where the engine merged it with words it did point at, those
   words are found again in its text and highlighted alone. */
function withoutWhole(pieces, comment, findings) {
  const all = core(comment);
  const whole = (text) => all !== "" && core(text) === all;
  const out = [];
  for (const piece of pieces) {
    if (!piece.verdict || !whole(piece.text)) {
      out.push(piece);
      continue;
    }
    const spans = [];
    for (const { f, verdict } of findings) {
      for (const match of f.matches) {
        if (!match || whole(match)) continue;
        for (let at = piece.text.indexOf(match); at >= 0; at = piece.text.indexOf(match, at + match.length)) {
          spans.push([at, at + match.length, verdict, f.rule]);
        }
      }
    }
    spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged = [];
    for (const [start, end, verdict, rule] of spans) {
      const last = merged[merged.length - 1];
      if (last && start < last[1]) {
        last[1] = Math.max(last[1], end);
        if (STRONGER[verdict] < STRONGER[last[2]]) last[2] = verdict;
        if (!last[3].includes(rule)) last[3].push(rule);
      } else {
        merged.push([start, end, verdict, [rule]]);
      }
    }
    let at = 0;
    for (const [start, end, verdict, rules] of merged) {
      if (start > at) out.push({ text: piece.text.slice(at, start) });
      out.push({ text: piece.text.slice(start, end), verdict, rules });
      at = end;
    }
    if (at < piece.text.length) out.push({ text: piece.text.slice(at) });
  }
  return out;
}

function highlighted(pieces, titles) {
  const out = el("p", { class: "hr-checked-text" });
  for (const piece of pieces) {
    if (piece.verdict) {
      // Said by the rules' titles: a screen reader user hears what a sighted
      // reader sees in the list below, never a rule's id.
      const named = [...new Set(piece.rules.map((rule) => titles.get(rule)).filter(Boolean))];
      const mark = el("mark", { class: `hr-mark hr-mark--${piece.verdict}` }, piece.text);
      out.append(mark, hidden(` (${VERDICT_WORDS[piece.verdict]}: ${named.join("; ")})`));
    } else {
      out.append(document.createTextNode(piece.text));
    }
  }
  return out;
}

/* The council's lines, each with the checks that found something under it.
   Councils often put two or three of the catalogue's rules under one line
   ("abusive or threatening – this includes swearing" is abuse, threats and
   swearing): a resident counts the lines the council wrote, not the checks. */
function councilLines(found) {
  const lines = new Map();
  for (const check of found) {
    if (!lines.has(check.f.wording)) lines.set(check.f.wording, { wording: check.f.wording, checks: [] });
    lines.get(check.f.wording).checks.push(check);
  }
  for (const line of lines.values()) {
    line.verdict = line.checks.some((c) => c.verdict === "breaks") ? "breaks" : "may-break";
  }
  return [...lines.values()];
}

function lineItem(line, reasons, isWhole) {
  return el("li", { class: "hr-line", "data-line-verdict": line.verdict },
    el("strong", {}, line.wording),
    el("ul", { class: "hr-checks" }, ...line.checks.map((check) => checkItem(check, line.verdict, reasons, isWhole))));
}

function checkItem({ f, verdict }, lineVerdict, reasons, isWhole) {
  const item = el("li", { "data-rule": f.rule, "data-verdict": verdict }, el("span", { class: "hr-check-title" }, f.title));
  if (verdict === "needs-person") {
    item.append(T.onlyPerson(f.why.join(" ")));
    return item;
  }
  if (verdict !== lineVerdict) item.append(T.mayBreakPerson);
  // The resident's own words, as they typed them.
  const words = f.matches.filter((m) => !isWhole(m));
  if (words.length) {
    item.append(el("br"), words.length === 1 ? T.word : T.words,
      ...words.flatMap((m, i) => [i ? ", " : "", el("q", {}, m)]));
  }
  if (f.why.length) item.append(el("br"), T.why(f.why.map(reasons).join("; ")));
  return item;
}

function personItem(line) {
  return el("li", { class: "hr-line" }, el("strong", {}, line.wording),
    el("ul", { class: "hr-checks" }, ...line.checks.map(({ f }) => el("li", { "data-rule": f.rule, "data-verdict": "needs-person" },
      el("span", { class: "hr-check-title" }, f.title), `: ${f.why.join(" ")}`))));
}

function found(result) {
  return [...result.breaks.map((f) => ({ f, verdict: "breaks" })),
    ...result.may_break.map((f) => ({ f, verdict: "may-break" }))];
}

function summary(result, council) {
  const lines = councilLines(found(result));
  const n = lines.filter((line) => line.verdict === "breaks").length;
  const m = lines.length - n;
  if (!n && !m) return T.nothingFound;
  if (!n) return T.mayBreakOnly(m, council);
  const more = m ? T.moreMay(m) : "";
  return T.wouldBreak(n, council, more);
}

function render(box, title, result, comment, council, level, staff, reader) {
  const h = (offset) => `h${Math.min(6, level + offset)}`;
  const checks = found(result);
  const lines = councilLines(checks);
  const titles = new Map(checks.map(({ f }) => [f.rule, f.title]));
  const reasons = reader(checks.map(({ f }) => f));
  const all = core(comment);
  const isWhole = (text) => all !== "" && core(text) === all;
  // A check only a person can judge, under a line already listed, is told
  // there: the council's line is listed once.
  const listed = new Map(lines.map((line) => [line.wording, line]));
  const unlisted = [];
  for (const f of result.needs_person) {
    if (listed.has(f.wording)) listed.get(f.wording).checks.push({ f, verdict: "needs-person" });
    else unlisted.push({ f, verdict: "needs-person" });
  }
  const blocks = [];
  if (result.pre_election) {
    blocks.push(el("p", {}, T.preElection(result.pre_election)));
  }
  const pieces = withoutWhole(result.pieces, comment, checks);
  if (pieces.some((piece) => piece.verdict)) {
    blocks.push(el("p", {}, T.highlightedIntro), highlighted(pieces, titles));
  }
  const broken = lines.filter((line) => line.verdict === "breaks");
  const maybe = lines.filter((line) => line.verdict === "may-break");
  if (broken.length) {
    blocks.push(el(h(1), {}, T.rulesBroken(broken.length)),
      el("ul", { class: "hr-findings" }, ...broken.map((line) => lineItem(line, reasons, isWhole))));
  }
  if (maybe.length) {
    blocks.push(el(h(1), {}, T.rulesMaybe(maybe.length)),
      el("ul", { class: "hr-findings" }, ...maybe.map((line) => lineItem(line, reasons, isWhole))));
  }
  if (result.breaks.length && result.next_steps.length) {
    if (staff && result.next_steps_in_order) {
      blocks.push(el(h(1), {}, T.nextStep), el("p", { class: "hr-next-step" }, result.next_steps[0]));
    }
    blocks.push(el(h(1), {}, T.councilDoes(council)),
      el(result.next_steps_in_order ? "ol" : "ul", {}, ...result.next_steps.map((step) => el("li", {}, step))));
  }
  if (unlisted.length) {
    const person = councilLines(unlisted);
    blocks.push(el(h(1), {}, T.personRules(person.length)),
      el("p", {}, T.cannotTell(person.length)),
      el("ul", { class: "hr-findings" }, ...person.map(personItem)));
  }
  if (staff && result.record) blocks.push(...recordBlock(result.record, h));
  box.replaceChildren(...blocks);
  title.hidden = false;
  box.hidden = false;
  box.dataset.count = String(Number(box.dataset.count || 0) + 1);  // how many checks so far
}

function recordBlock(record, h) {
  const area = el("textarea", { id: "hr-record", rows: "10", readonly: "", class: "hr-record" });
  area.value = record.text;
  const said = el("span", { class: "hr-copy-status", role: "status" });
  const copy = el("button", { type: "button", class: "md-button hr-copy" }, T.copyRecord);
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(record.text);
      said.textContent = T.copied;
    } catch {
      area.focus();
      area.select();
      said.textContent = T.selected;
    }
  });
  return [el(h(1), {}, T.recordTitle),
    el("p", {}, T.recordIntro),
    el("label", { for: "hr-record" }, T.recordLabel), area, el("p", {}, copy, " ", said)];
}

/* ---- wiring up each checker on the page ------------------------------- */

function setUp(section) {
  const form = section.querySelector("[data-hr-form]");
  const status = section.querySelector("[data-hr-status]");
  const results = section.querySelector("[data-hr-results]");
  const level = Number((section.dataset.heading || "h2").slice(1)) + 1;
  // The summary of a result is said once, by the status line under this
  // heading: a screen reader hears it as it changes, and everyone reads it
  // where the results begin.
  const resultsTitle = el(`h${Math.min(6, level)}`, { class: "hr-checker__results-title", id: "hr-results-title" },
    T.resultsTitle);
  resultsTitle.hidden = true;
  status.before(resultsTitle);
  const comment = form.querySelector("#hr-comment");
  const errorSummary = form.querySelector("[data-hr-error-summary]");
  const errorMessage = form.querySelector("[data-hr-error]");
  const field = form.querySelector("[data-hr-field]");
  errorSummary.querySelector("[data-hr-error-alert]").prepend(
    el(`h${Math.min(6, level)}`, { class: "hr-error-summary__title" }, T.problem));
  const staff = section.dataset.audience === "staff";
  const council = section.dataset.council;
  const progress = el("progress", { class: "hr-progress", "aria-label": T.loadingLabel });
  progress.hidden = true;
  status.before(progress);

  section.querySelector("[data-hr-nojs]").hidden = true;
  form.hidden = false;

  const say = (text) => { status.textContent = text; };
  const described = comment.getAttribute("aria-describedby");
  const pageTitle = document.title;
  // GOV.UK's pattern for a question left unanswered: a summary at the top of
  // the form, which takes focus and links to the box, and the same message by
  // the box, which its screen reader reads with it.
  const showEmpty = () => {
    say("");
    results.hidden = true;
    resultsTitle.hidden = true;
    errorMessage.hidden = false;
    errorSummary.hidden = false;
    field.classList.add("hr-field--error");
    comment.setAttribute("aria-describedby", `${errorMessage.id} ${described}`);
    comment.setAttribute("aria-invalid", "true");
    document.title = T.errorTitle(pageTitle);
    errorSummary.focus();
  };
  const clearEmpty = () => {
    errorMessage.hidden = true;
    errorSummary.hidden = true;
    field.classList.remove("hr-field--error");
    comment.setAttribute("aria-describedby", described);
    comment.removeAttribute("aria-invalid");
    document.title = pageTitle;
  };
  errorSummary.querySelector("a").addEventListener("click", (event) => {
    // Following the link would only scroll the box to the top edge, its label
    // out of sight, and change the address; the label goes with the box.
    event.preventDefault();
    comment.focus({ preventScroll: true });
    field.scrollIntoView({ block: "start" });
  });
  const couldNotStart = (error) => {
    const why = error instanceof Unavailable ? error.message : T.startWentWrong;
    say(T.couldNotStart(why));
  };
  const begin = () => {
    progress.hidden = false;
    // A start's progress is said only until it has ended: a start that failed
    // on the engine leaves the runtime loading, and its "Starting the
    // checker…" came after "could not start" and stayed there.
    let waiting = true;
    const loading = withinLimit(load((text) => { if (waiting) say(text); }));
    // A start that fails while the reader is still typing says so at once.
    loading.then(() => { waiting = false; say(T.ready); }, (error) => { waiting = false; couldNotStart(error); })
      .finally(() => { progress.hidden = true; });
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
      showEmpty();
      return;
    }
    clearEmpty();
    let session;
    let reader;
    try {
      ({ session, reader } = await (engine ? withinLimit(engine) : begin()));
    } catch (error) {
      couldNotStart(error);
      return;
    }
    say(T.checking);
    const value = (name) => (form.elements[name] ? form.elements[name].value.trim() : "");
    const date = staff ? (value("date") || today()) : today();
    const account = staff ? JSON.stringify({ author: value("author"), handle: value("handle"), platform: value("platform") }) : "";
    const began = performance.now();
    let result;
    try {
      result = JSON.parse(session.check(text, date, staff ? value("reply_to") : "", account,
        staff ? value("earlier") : ""));
    } catch (error) {
      say(T.checkWentWrong);
      return;
    }
    performance.measure("hr-check", { start: began, end: performance.now() });
    if (result.error) {
      say(result.error);
      return;
    }
    render(results, resultsTitle, result, text, council, level, staff, reader);
    say(summary(result, council));
    performance.measure("hr-check-shown", { start: began, end: performance.now() });
  });
}

document.querySelectorAll("[data-hr-checker]").forEach(setUp);
