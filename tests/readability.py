"""Reading age of the sentences the generator writes itself (issue 14).

Used by tests/test_reading_age.py and tests/benchmarks/reading_age.py.

What is measured
----------------
Pages are rendered as tests/test_traced_sentences.py renders them: every text
the policy source gives is marked (the council's own words, and the rule
catalogue's words in policies/rules/*.yaml), and every sentence a template
writes is marked with the settings it states. Here the source's words are
taken out and only what the templates wrote is measured. So:

- the council's words (wording:, body:, intro:, contacts, platform names,
  the reasons it gives for a setting it does not state...) are not measured;
- the rule catalogue's titles, summaries, wordings, rationales and examples
  are not measured either: they are the policy's words, which a council adopts
  as its own rules and which are read as the council's, not sentences a
  template writes (they are edited in the YAML, as the council's words are);
- what the generator writes around them is: headings and sentences of the
  templates, the wording helpers' phrases (wording.py: days, hours,
  deadlines...), the checker's explanations (houserules_checker.kinds) and,
  on the history page, the sentences round each change (changes.py gives the
  names and values of what changed, which are the council's settings, and are
  not measured).

A council's words inside a generated sentence ("nothing you type is sent to
Ashfield District Council") are left out of the count: only the generator's
words are measured. A unit counts as a sentence when it ends with ".", "!",
"?" or ":" and has at least MIN_WORDS of the generator's words, and so does a
list item that ends a sentence its list began ("These pages are made so that
you can:" / "zoom in up to 400%..."); headings, table cells, link labels and
form labels without such an ending are labels, for which a grade means
nothing (one long word would score grade 50). Each distinct sentence counts
once, however many pages it is on. Names of laws, standards and bodies that a
page must give as they are (NAMES) are read as one name, like the council's.

The checker's page script (site_src/assets/checker/checker.js) has no table
of its sentences: they are collected from its string literals, adjacent ones
joined, each ${...} read as a council's words. A sentence the script puts
together from pieces in separate statements (the summary's "and may break 2
more") is measured in its pieces. The reasons the engine gives ("why", from
widget/houserules_checker) and the version banner of assets/houserules.js,
built from fragments, are not collected.

The score
---------
Flesch-Kincaid grade level, per sentence:

    0.39 * words + 11.8 * syllables / words - 15.59

Syllables are counted as groups of vowels (a, e, i, o, u, y), less a silent
final e ("make", not "-le" after a consonant as in "people", nor "-ee"), a
silent "-es" ("rules", not after s, x, z, ch, sh, ce, ge) and a silent "-ed"
("based", not after t or d); every word has at least one. A hyphenated word
is the sum of its parts; an abbreviation in capitals is spelt out (a syllable
a letter); a number in digits ("6", "2026", "8:30am") is one syllable, as it
is read at a glance; a web or email address counts as the one word "link".
This is the usual approximation: good to about a grade for prose, and the
same for every version of the pages, which is what the limits need.
"""

from __future__ import annotations

import math
import re
import statistics
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MIN_WORDS = 3

# The council's (or catalogue's) words, once taken out of a generated sentence.
COUNCIL = "\ue010"


# ---- the score ---------------------------------------------------------------

_VOWELS = re.compile(r"[aeiouy]+")
_WORD = re.compile(rf"{COUNCIL}|\d[\d:.,]*(?:am|pm)?|[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_ADDRESS = re.compile(r"\b(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|[\w-]+(?:\.[\w-]+)*\.(?:gov\.uk|org\.uk|co\.uk|com|org|uk)(?:/\S*)?)",
                      re.I)


def syllables(word: str) -> int:
    """Syllables of one word, by the rule of thumb above."""
    if word[0].isdigit():
        return 1
    parts = [p for p in re.split(r"-", word) if p]
    if len(parts) > 1:
        return sum(syllables(p) for p in parts)
    if word.isupper() and len(word) > 1:
        return len(word)  # "MB", "URL": spelt out
    w = re.sub(r"['’]s?$", "", word.lower()).replace("'", "").replace("’", "")
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("ee", "ye")) and not re.search(r"[^aeiouy]le$", w):
        count -= 1
    elif w.endswith("es") and len(w) > 3 and not re.search(r"(?:[sxz]|ch|sh|ce|ge)es$", w):
        count -= 1
    elif w.endswith("ed") and len(w) > 3 and not re.search(r"[td]ed$", w):
        count -= 1
    return max(1, count)


def words(sentence: str) -> list[str]:
    """The words of a sentence, addresses counted as "link"."""
    return _WORD.findall(_ADDRESS.sub("link", sentence))


def grade(sentence: str) -> float:
    """Flesch-Kincaid grade of one sentence, counting the generator's words only."""
    ws = [w for w in words(sentence) if w != COUNCIL]
    if not ws:
        return 0.0
    return 0.39 * len(ws) + 11.8 * sum(map(syllables, ws)) / len(ws) - 15.59


# ---- from rendered Markdown to sentences ---------------------------------------

_INLINE = "a|span|strong|em|b|i|q|code|mark|abbr|small"


def _council_words(markdown: str, source: str, end: str) -> str:
    """Each run of the source's own words as one COUNCIL mark, keeping a
    sentence end it has, so the sentence after it starts afresh."""
    def one(m):
        text = m.group(1).rstrip()
        return COUNCIL + (text[-1] if text[-1:] in ".!?:" else "")
    return re.sub(f"{source}(.*?){end}", one, markdown, flags=re.S)


def traced_pieces(markdown: str, start: str, middle: str, stop: str):
    """(text, whether a template wrote it) for each piece of a page rendered
    with trace marks (render.TRACE_MARKS: start, middle, stop), the marks
    taken out."""
    depth = 0
    for piece in re.split(f"({start}[^{middle}]*{middle}|{stop})", markdown):
        if piece.startswith(start):
            depth += 1
        elif piece == stop:
            depth -= 1
        elif piece:
            yield piece, depth > 0


def _generated_only(markdown: str, start: str, middle: str, stop: str) -> str:
    """The trace marks taken out; any word outside them (none on a traced
    page, but the history page shows the council's settings and notes
    unmarked) taken as the council's."""
    return "".join(piece if written else re.sub(r"[^\s|*#>`-]*[A-Za-z0-9][^\s|*]*", COUNCIL, piece)
                   for piece, written in traced_pieces(markdown, start, middle, stop))


def _plain(markdown: str) -> str:
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)            # front matter
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<(textarea|select|script|style)\b.*?</\1>", "\n", text, flags=re.S)
    text = re.sub(rf"</?(?:{_INLINE})\b[^>]*>", "", text)                    # inline tags
    text = re.sub(r"<[^>]*>", "\n", text)                                    # block tags: a new unit
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)                        # images
    text = re.sub(r"\]\([^)]*\)", "]", text)                                 # link targets
    text = re.sub(r"\{[:#.][^}]*\}|\{ *#[^}]*\}", " ", text)                 # attribute lists
    text = re.sub(r'^(\s*)(?:!!!|\?\?\?\+?) *\w+(?: +"([^"]*)")?', r"\1\2\n", text, flags=re.M)  # admonitions
    text = text.replace("[", "").replace("]", "")
    text = re.sub(r"\*\*|__|`", "", text)
    text = re.sub(r"(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", text)
    return text.replace("&nbsp;", " ").replace("&amp;", "&")


def units(markdown: str) -> list[tuple[bool, str]]:
    """Headings, paragraphs, list items and table cells, one line each, with
    whether it finishes the sentence before it: a list item after a line
    that ends with a colon ("These pages are made so that you can:")."""
    out, current = [], []
    state = {"item": False}

    def close():
        if current:
            text = " ".join(current)
            finishes = state["item"] and bool(out) and (out[-1][1].endswith(":") or out[-1][0])
            out.append((finishes, text))
            current.clear()

    for line in _plain(markdown).split("\n"):
        stripped = line.strip()
        if not stripped:
            close()
            continue
        if stripped.startswith("|"):
            close()
            if not re.fullmatch(r"[|:\- ]+", stripped):
                out.extend((False, c.replace("\\|", "|")) for c in re.split(r"(?<!\\)\|", stripped.strip("|")))
            continue
        heading = re.match(r"#{1,6}\s+(.*)", stripped)
        item = re.match(r"(?:[-*+]|\d+\.)\s+(.*)", stripped)
        if heading:
            close()
            out.append((False, heading.group(1)))
        elif item:
            close()
            state["item"] = True
            current.append(item.group(1))
        else:
            if not current:
                state["item"] = False
            current.append(stripped)
    close()
    return [(finishes, re.sub(r"\s+", " ", u.replace("\\", "")).strip()) for finishes, u in out]


_SENTENCE_END = re.compile(rf"(?<!\bNo\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])[\"”’)]*\s+(?=[A-Z0-9\"“‘({COUNCIL}])")


def split_sentences(unit: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(unit) if s.strip()]


def generated_words(text: str) -> int:
    return sum(w != COUNCIL for w in words(text))


def is_sentence(text: str) -> bool:
    """A sentence (not a label): it ends as one does, and the generator wrote
    at least MIN_WORDS of its words."""
    return bool(re.search(r"[.!?:][\"”’)]*$", text)) and generated_words(text) >= MIN_WORDS


# Names of laws, standards and bodies a page must give as they are: they
# cannot be put more plainly, so they are read, like a council's words, as one
# name and not measured.
NAMES = (
    "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018",
    "Web Content Accessibility Guidelines (WCAG)",
    "Equality and Human Rights Commission (EHRC)",
    "Equality Advisory and Support Service (EASS)",
)


def _names(text: str) -> str:
    for name in NAMES:
        text = text.replace(name, COUNCIL)
    return text


def generated_sentences(markdown: str, marks) -> list[str]:
    """The generator's sentences on one page rendered with trace marks.
    `marks`: (source, end, start, middle, stop)."""
    source, end, start, middle, stop = marks
    text = _generated_only(_council_words(markdown, source, end), start, middle, stop)
    found = []
    for finishes, unit in units(text):
        for s in split_sentences(_names(unit)):
            # A list item that ends the sentence its list began is one, however it ends.
            if is_sentence(s) or (finishes and generated_words(s) >= MIN_WORDS):
                found.append(s)
    return found


def shown(sentence: str) -> str:
    return sentence.replace(COUNCIL, "…")


# ---- the checker's sentences (site_src/assets/checker/checker.js) ------------------

def script_sentences(js: str) -> list[str]:
    """The sentences in the checker script's string literals, as a reader
    sees them in English: adjacent literals joined ("a " + "b"), and each ${...} in a
    template literal read as a council's words (a name or a number)."""
    # The Welsh table's sentences are Welsh: English reading grades do not measure them.
    js = re.sub(r"(?ms)^const CY = \{.*?^\};", "", js)
    code = re.sub(r"/\*.*?\*/", " ", js, flags=re.S)
    code = re.sub(r"(?m)(^|\s)//.*$", r"\1", code)
    joined = re.sub(r'(["`])\s*\+\s*\n?\s*(["`])', "", code)  # "...a " + "b..." → one literal
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`', joined)
    out = []
    for plain, template in literals:
        text = re.sub(r"\$\{[^}]*\}", COUNCIL, template) if template else plain
        text = text.replace('\\"', '"').replace("\\'", "'")
        if " " not in text.strip() or not re.search(r"[a-z] [a-z]", text):
            continue  # class names, selectors, single words
        out.extend(s for s in split_sentences(text.strip()) if is_sentence(s))
    return out


# ---- collecting them all -----------------------------------------------------------

@dataclass
class Sentence:
    text: str
    grade: float
    where: list[str] = field(default_factory=list)


def collect(project_root: Path, work: Path | None = None) -> dict[str, dict[str, Sentence]]:
    """{"public" | "staff" | "checker script": {text: Sentence}}, each distinct
    sentence once, with the pages it is on: every council (the real ones and
    the made-up ones of tests/councils), every page of both sites."""
    from made_up import policies_with_fixtures
    from test_traced_sentences import END, SOURCE, START, MIDDLE, STOP, traced_policy

    from houserules.editions import build_day, context, editions, history_for
    from houserules.load import load_policy
    from houserules.render import render_page
    from houserules.resolve import resolve
    from houserules.versions import load_versions

    marks = (SOURCE, END, START, MIDDLE, STOP)
    found: dict[str, dict[str, Sentence]] = {"public": {}, "staff": {}, "checker script": {}}

    def add(audience: str, where: str, sentences):
        for s in sentences:
            entry = found[audience].setdefault(s, Sentence(s, grade(s)))
            if where not in entry.where:
                entry.where.append(where)

    with tempfile.TemporaryDirectory(dir=work) as tmp:
        policy = traced_policy(load_policy(policies_with_fixtures(project_root, Path(tmp)), prove=False))
        for slug in sorted(policy.councils):
            for audience in ("public", "staff"):
                view = resolve(policy, slug, audience)
                for page, title in view.pages:
                    add(audience, f"{audience}/{slug}/{page}",
                        generated_sentences(render_page(view, page, title, trace=True), marks))
        # The history page, of the councils with published versions: made from
        # those versions, which are not traced; only what its template writes
        # inside its marks is measured.
        root = project_root / "policies"
        for slug, versions in sorted(load_versions(root).items()):
            if not versions:
                continue
            history = history_for(root, slug, versions, Path(tmp) / "versions")
            edition = editions(history, policy, build_day())[0]
            for audience in ("public", "staff"):
                view = resolve(edition.policy, slug, audience, context(history, edition, audience))
                title = dict(view.pages).get("history")
                if title:
                    add(audience, f"{audience}/{slug}/history",
                        generated_sentences(render_page(view, "history", title, trace=True), marks))
    script = project_root / "site_src" / "assets" / "checker" / "checker.js"
    add("checker script", "site_src/assets/checker/checker.js", script_sentences(script.read_text(encoding="utf-8")))
    return found


# ---- figures -------------------------------------------------------------------------

@dataclass(frozen=True)
class Figures:
    count: int
    mean: float
    p90: float
    max: float

    def __str__(self) -> str:
        return f"{self.count} sentences: mean grade {self.mean:.1f}, 90th percentile {self.p90:.1f}, max {self.max:.1f}"


def figures(sentences) -> Figures:
    grades = sorted(s.grade for s in sentences)
    if not grades:
        return Figures(0, 0.0, 0.0, 0.0)
    p90 = grades[min(len(grades) - 1, math.ceil(0.9 * len(grades)) - 1)]
    return Figures(len(grades), statistics.fmean(grades), p90, grades[-1])


def report(sentences, limit: float | None = None, many: int = 3) -> str:
    """The sentences over `limit` (all, when None), hardest first, with their
    grade and up to `many` of the pages they are on."""
    chosen = sorted((s for s in sentences if limit is None or s.grade > limit), key=lambda s: -s.grade)
    lines = []
    for s in chosen:
        where = ", ".join(s.where[:many]) + (f" (+{len(s.where) - many} more)" if len(s.where) > many else "")
        lines.append(f"  grade {s.grade:5.1f}  {shown(s.text)}\n              on {where}")
    return "\n".join(lines)


def catalogue_sentences(project_root: Path) -> dict[str, Sentence]:
    """For comparison only, never held to the limits: the rule catalogue's own
    sentences (policies/rules/*.yaml: wording, rationale and a person's reason
    to judge, and a title or summary that is a sentence; not the example
    comments, which are residents')."""
    import yaml

    found: dict[str, Sentence] = {}
    for path in sorted((project_root / "policies" / "rules").glob("*.yaml")):
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = [rule.get(k) or "" for k in ("title", "summary", "wording", "rationale")]
        texts.append((rule.get("check") or {}).get("reason") or "")
        # The English of a text given in more than one language ({en: ..., cy: ...}).
        texts = [text["en"] if isinstance(text, dict) else text for text in texts]
        for text in texts:
            for unit in re.split(r"\n\s*\n", text):
                for s in split_sentences(re.sub(r"\s+", " ", unit).strip()):
                    if is_sentence(s):  # titles and summaries are labels, as on the pages
                        found.setdefault(s, Sentence(s, grade(s))).where.append(f"policies/rules/{path.name}")
    return found
