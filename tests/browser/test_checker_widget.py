"""The comment checker on the council sites, driven in headless Chromium as a
resident or a moderator would use it: Pyodide really starts, the engine
really runs in the page, under the pages' own Content-Security-Policy."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from source import policy
from houserules.rulepack import build_rulepack, dumps
from houserules_checker.browser import Session
from comment_examples import COUNCIL, EXAMPLES
from council_examples import pack_in_force, sample, wrong
from every_rule import cases, every_rule_pack, verdicts
from test_what_comments_do import MISSED_BY_THE_RULES
from site_pages import DESKTOP, MOBILE, council_sites

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
POLICY = policy()
START = 90_000  # ms: generous, for a cold start on a busy CI machine


def _watched(page):
    """The page, keeping a record of every request it makes (page.requests),
    of every dialog (page.dialogs) and of CSP violations (window.__csp)."""
    page.requests = []
    page.on("request", lambda r: page.requests.append((r.url, r.post_data or "")))
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    return page


@pytest.fixture(scope="module")
def _checker_context(browser):
    """The context of the started checker pages (reused_checker), and of the
    new tabs open_checker opens in it: its tabs share a renderer process, and
    the WebAssembly it has compiled (conftest.py, --process-per-site)."""
    context = browser.new_context(reduced_motion="reduce", viewport=DESKTOP)
    yield context
    context.close()


# For a test that opens a new tab of the started checkers' context: in their
# worker, where that context has compiled Pyodide already.
IN_THE_STARTED_CONTEXT = pytest.mark.xdist_group("started-checkers")


@pytest.fixture()
def open_checker(browser, site_server, request):
    """open_checker(site, page="check/", **context options) -> a Page in a
    browser of its own (nothing cached), watched (_watched): for what happens
    as a page starts, or under conditions of its own. With new_tab=True, a
    new tab of the started checkers' context (_checker_context) instead, for
    a test (marked IN_THE_STARTED_CONTEXT) that needs a page of its own but
    not an empty cache: a Pyodide start there took 2.5 s of CPU, not 4.1 s."""
    contexts, tabs = [], []

    def open_(site: str, path: str = "check/", *, init: str | None = None, route=None, new_tab: bool = False,
              **options):
        if new_tab:
            assert not options, "a new tab has the kept context's options"
            page = _watched(request.getfixturevalue("_checker_context").new_page())
            tabs.append(page)
        else:
            options.setdefault("viewport", DESKTOP)
            context = browser.new_context(reduced_motion="reduce", **options)
            contexts.append(context)
            page = _watched(context.new_page())
        if init:
            page.add_init_script(init)
        if route:
            page.route("**/*", route)
        page.goto(f"{site_server}/{site}/{path}")
        return page

    yield open_
    for page in tabs:
        page.unroute_all(behavior="ignoreErrors")
        page.close()
    for context in contexts:
        # A start that failed early leaves the runtime loading behind it: its
        # requests, still in a route, are let go, not failed into the next test.
        context.unroute_all(behavior="ignoreErrors")
        for page in context.pages:
            page.unroute_all(behavior="ignoreErrors")
        context.close()


@pytest.fixture(scope="module")
def reused_checker(_checker_context, site_server):
    """reused_checker(site, page="check/", viewport=DESKTOP) -> that page,
    opened once for this module and then handed to each test that asks, as
    a resident checks one comment after another without reloading; at
    another size, the same page resized, as a phone turned or a window
    narrowed.

    A Pyodide start costs 5-12 s of a test's time: the tests of what results
    say share started pages (all in one worker: tests/browser/conftest.py);
    the tests of starting, failing and what is requested open their own."""
    context = _checker_context
    pages: dict[tuple[str, str], object] = {}

    def open_(site: str, path: str = "check/", *, viewport: dict = DESKTOP):
        key = (site, path)
        if key not in pages:
            page = pages[key] = _watched(context.new_page())
            page.set_viewport_size(viewport)
            page.goto(f"{site_server}/{site}/{path}")
        page = pages[key]
        if page.viewport_size != viewport:
            page.set_viewport_size(viewport)
        # The tab in front, as the one a reader is using: Chromium slows the timers of one behind another.
        page.bring_to_front()
        return page

    yield open_


def check(page, text: str, **fields) -> dict[str, str]:
    """Type a comment (and any staff fields), press the button, wait for the
    results; returns {rule id: verdict shown} for every rule listed."""
    before = page.get_attribute("[data-hr-results]", "data-count") or "0"
    page.fill("#hr-comment", text)
    for name, value in fields.items():
        field = f"#hr-{name.replace('_', '-')}"
        if page.eval_on_selector(field, "e => e.tagName") == "SELECT":
            page.select_option(field, value)
        else:
            page.fill(field, value)
    page.click("[data-hr-form] button[type=submit]")
    page.wait_for_function("n => (document.querySelector('[data-hr-results]').dataset.count || '0') !== n",
                           arg=before, timeout=START)
    return page.eval_on_selector_all(
        "[data-hr-results] li[data-rule]",
        "els => Object.fromEntries(els.map(e => [e.dataset.rule, e.dataset.verdict]))")


# For each case: fill the form's fields, press its button, wait until the
# results are shown (the count of checks moves on) or the status line says the
# check failed; then [the status line, {rule id: verdict shown}].
CHECK_EACH = """async (cases) => {
  const results = document.querySelector('[data-hr-results]');
  const status = document.querySelector('[data-hr-status]');
  const field = (id, value) => {
    const input = document.getElementById(id);
    if (input) input.value = value; else if (value) throw new Error(`no field #${id} on this page`);
  };
  const done = (before) => (results.dataset.count || '0') !== before
    || /went wrong|could not start/.test(status.textContent);
  const shown = [];
  for (const c of cases) {
    const before = results.dataset.count || '0';
    field('hr-comment', c.text); field('hr-date', c.date || '');
    field('hr-reply-to', c.reply_to || ''); field('hr-earlier', c.earlier || '');
    document.querySelector('[data-hr-form] button[type=submit]').click();
    await new Promise((resolve) => {
      if (done(before)) return resolve();
      const watch = new MutationObserver(() => { if (done(before)) { watch.disconnect(); resolve(); } });
      watch.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    });
    shown.push([status.textContent, Object.fromEntries([...results.querySelectorAll('li[data-rule]')]
      .map(e => [e.dataset.rule, e.dataset.verdict]))]);
  }
  return shown;
}"""


def check_each(page, cases: list[dict]) -> list[tuple[str, dict[str, str]]]:
    """check() for many comments, in one call into the page (one DevTools
    round trip, not seven, a comment): [(status line, {rule id: verdict})]."""
    return [(said, shown) for said, shown in page.evaluate(CHECK_EACH, cases)]


def status(page) -> str:
    return page.inner_text("[data-hr-status]").strip()


# --- what a resident or moderator sees --------------------------------------

def _kinds_of_page() -> list[str]:
    """One staff site for each kind of check page the councils make: by the
    language it is first published in, and by whether a pre-election period
    is set. The served rules of every council's every page give their
    examples' results in CPython (tests/test_checker_assets.py); the page's
    script and the engine are the same on all of them."""
    kinds: dict[tuple[str, bool], str] = {}
    for site in council_sites("staff"):
        slug = site.split("/")[1]
        kind = (POLICY.councils[slug].languages[0], bool(pack_in_force(slug)["pre_election"]))
        kinds.setdefault(kind, site)
    return sorted(kinds.values())


def _check_sample(page, audience: str, slug: str) -> list[str]:
    examples = sample(slug, audience, page.evaluate("document.documentElement.lang"))
    shown = check_each(page, [example.form(audience) for example in examples])
    return wrong(examples, [verdicts_shown for _, verdicts_shown in shown])


@pytest.mark.parametrize("site", _kinds_of_page())
def test_rule_examples_give_the_expected_result_on_each_kind_of_staff_page(reused_checker, site):
    problems = _check_sample(reused_checker(site), "staff", site.split("/")[1])
    assert not problems, "\n".join(problems)


def test_rule_examples_on_the_public_page(reused_checker):
    problems = _check_sample(reused_checker("public/ashfield"), "public", "ashfield")
    assert not problems, "\n".join(problems)


def test_what_a_comment_does_is_read_the_same_in_the_browser(reused_checker):
    """tests/comment_examples.py, as tests/test_what_comments_do.py runs them in
    CPython: hate without slurs, threats without threat words, disguises, the
    model's second opinion included (the weights travel in the wheel)."""
    page = reused_checker(f"staff/{COUNCIL}")
    # Every example, and the one only the model finds, in one call into the page.
    comments = [example.comment for example in EXAMPLES] + [MISSED_BY_THE_RULES]
    results = check_each(page, [{"text": comment} for comment in comments])
    wrong = []
    for comment, (said, _) in zip(comments, results, strict=True):
        if re.search("went wrong|could not start", said):
            wrong.append(f"{comment!r}: {said}")
    for example, (_, shown) in zip(EXAMPLES, results[:-1], strict=True):
        got = {rule: shown.get(rule, "passes") for rule in example.expect}
        if got != example.expect:
            wrong.append(f"{example.what}: {example.comment!r} shows {got}, expected {example.expect}")
    _, shown = results[-1]
    if shown.get("abuse") != "may-break":
        wrong.append(f"the model's second opinion: {MISSED_BY_THE_RULES!r} shows {shown}")
    assert not wrong, "\n".join(wrong)


def test_results_name_the_rule_highlight_the_words_and_say_what_happens_next(reused_checker):
    page = reused_checker("public/ashfield")
    shown = check(page, "You are a useless idiot and this is bullshit")
    assert shown["swearing"] == "breaks" and shown["abuse"] == "breaks"
    marks = page.eval_on_selector_all("[data-hr-results] mark", "els => els.map(e => e.textContent)")
    assert "idiot" in marks and "bullshit" in marks
    results = page.inner_text("[data-hr-results]")
    assert "We will delete or hide any posts which we view to be offensive." in results  # Ashfield's own step
    assert "Rules only a person can judge" in results
    assert "would break" in status(page)


def test_a_version_checks_by_its_own_rules_on_the_runtime_at_the_council_address(reused_checker):
    # Ashfield's rule on personal information comes in with v2; the
    # council's address shows v1, in force on the day of the build.
    comment = "Ring me on 07700 900123 about the bins"
    page = reused_checker("public/ashfield", "v2/check/")
    assert check(page, comment).get("personal-information") == "breaks"
    runtime = [urlsplit(url).path for url, _ in page.requests if "/pyodide/" in url]
    assert runtime and all(path.startswith("/public/ashfield/assets/pyodide/") for path in runtime), runtime
    assert "personal-information" not in check(reused_checker("public/ashfield"), comment)


def test_nothing_found_says_it_is_not_a_promise(reused_checker):
    # The same words on every council's page (checker.js): on the page the other tests have started.
    page = reused_checker("public/ashfield")
    check(page, "When will the bins on Station Road be collected?")
    assert "Nothing found" in status(page) and "not a promise" in status(page)


@IN_THE_STARTED_CONTEXT
def test_the_pre_election_rules_follow_the_readers_date(open_checker):
    pack = build_rulepack(POLICY, "nottinghamshire")
    end = dt.date.fromisoformat(pack["pre_election"][0]["end"])
    # The reader's clock is window.__now: one page (one Pyodide start) checks
    # on each day, as a reader who keeps the page open from one day to the next.
    days = [(end, "breaks"), (end + dt.timedelta(days=30), None)]
    at = [dt.datetime(day.year, day.month, day.day, 12).timestamp() * 1000 for day, _ in days]
    page = open_checker("public/nottinghamshire", new_tab=True,
                        init=f"window.__now = {at[0]}; Date.now = () => window.__now; "
                        "const RealDate = Date; Date = class extends RealDate { constructor(...a) "
                        "{ a.length ? super(...a) : super(window.__now); } static now() { return window.__now; } };")
    for now, (day, expected) in zip(at, days, strict=True):
        page.evaluate("at => { window.__now = at; }", now)
        shown = check(page, "Vote Labour on Thursday, they will fix the roads!")
        assert shown.get("party-political") == expected, (day, shown)


def test_staff_get_the_record_and_the_next_step(reused_checker):
    page = reused_checker("staff/ashfield")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        check(page, "You are a useless idiot", author="Jo Bloggs", handle="@jo_b", date="2026-03-02",
              platform="Facebook")
        record = page.input_value("#hr-record")
        for expected in ("Account name: Jo Bloggs", "Handle: @jo_b", "Date: 2026-03-02", "Platform: Facebook",
                         "Post: You are a useless idiot", "Rules broken: abuse; personal-attacks",
                         "Policy version: v1", "Why it is unacceptable: abuse:"):
            assert expected in record
        assert page.inner_text(".hr-next-step").startswith("We will record the name and handle")
        page.click("text=Copy the record")
        page.wait_for_function("() => document.querySelector('.hr-copy-status').textContent !== ''")
        assert page.evaluate("navigator.clipboard.readText()") == record
    finally:
        # The page is shared with the module's other tests: the form left as it was found.
        for name in ("author", "handle", "date"):
            page.fill(f"#hr-{name}", "")
        page.select_option("#hr-platform", index=0)


# --- safety: the text stays text, and stays on the device --------------------

MARKUP = ['<img src=x onerror="window.__pwned=1;alert(1)">', "</textarea><script>window.__pwned=1;alert(1)</script>",
          '"><svg onload=alert(1)>', "<b>bold</b> &amp; <i>idiot</i>"]


POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def _without_the_policy(route):
    """The page as a browser that applies no Content-Security-Policy reads it:
    its one policy is its <meta> (the server sends none), taken out."""
    if route.request.resource_type != "document":
        return route.continue_()
    response = route.fetch()
    return route.fulfill(response=response, body=POLICY_META.sub("", response.text()))


@pytest.mark.parametrize("policy_applied", [True, False], ids=["with-csp", "without-csp"])
def test_pasted_markup_is_shown_as_text_and_never_runs(open_checker, reused_checker, policy_applied):
    # Without the policy too (a tab of its own): the page itself never inserts the comment as HTML.
    page = (reused_checker("public/ashfield") if policy_applied else
            open_checker("public/ashfield", route=_without_the_policy, new_tab=True))
    if not policy_applied:  # the premise: an inline script, which the policy refuses, runs
        assert page.evaluate("() => { const s = document.createElement('script'); s.textContent = "
                             "'window.__inline = 1'; document.head.append(s); return window.__inline === 1; }")
    for text in MARKUP:
        check(page, f"You idiot {text}")
        assert page.inner_text(".hr-checked-text").replace("\n", "").startswith("You idiot")
        assert page.eval_on_selector(".hr-checked-text", "e => e.textContent").endswith(text)
        assert page.eval_on_selector_all(".hr-checker img, .hr-checker script, .hr-checker svg[onload], "
                                         ".hr-checker b, .hr-checker i", "els => els.length") == 0
    assert not page.dialogs and page.evaluate("window.__pwned") is None


def test_no_request_leaves_the_site_and_none_carries_the_comment(reused_checker, site_server):
    canary = "zebra-canary-7731"
    page = reused_checker("staff/nottinghamshire")
    for text in (f"{canary} you idiot", f"{canary} call 07700 900123", f"{canary} vote Labour"):
        check(page, text, author=canary, handle=f"@{canary}", reply_to=canary, earlier=canary)
    page.wait_for_load_state("networkidle")  # anything sent after the last result is counted too
    origin = urlsplit(site_server).netloc
    assert all(urlsplit(url).netloc == origin for url, _ in page.requests), page.requests
    assert not [url for url, body in page.requests if canary in url or canary in body]
    assert not [r for r in page.requests if r[0].endswith(("/check/", "/check"))][1:], "no page reload"


def test_the_page_is_light_until_the_checker_is_used(open_checker):
    page = open_checker("public/ashfield", "rules/")
    page.wait_for_load_state("networkidle")
    assert not [u for u, _ in page.requests if "/pyodide/" in u or u.endswith(".whl") or "/rules/ashfield.json" in u]
    check(page, "hello")
    loaded = {u.rsplit("/", 1)[-1] for u, _ in page.requests}
    assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"} <= loaded
    # The part of the standard library the checker needs, never Pyodide's whole one.
    assert [name for name in loaded if re.fullmatch(r"stdlib-[0-9a-f]{12}\.zip", name)], loaded
    assert "python_stdlib.zip" not in loaded
    assert not [u for u, _ in page.requests if u.endswith("/pyodide-lock.json") and "/pyodide/" in u], \
        "Pyodide's own package list is never needed"


# --- the trimmed standard library --------------------------------------------

@IN_THE_STARTED_CONTEXT
def test_every_rule_example_gives_the_same_verdicts_in_the_browser_as_in_cpython(open_checker):
    """On the standard library the sites serve (widget/stdlib.txt), every
    example of every rule the checker judges, all in one pack served in place
    of Ashfield's (tests/every_rule.py), on the staff page: each gets the
    verdicts CPython gives it, for every rule. A module missing from the
    zip fails here, at the start or at the check that needs it."""
    pack = dumps(every_rule_pack(POLICY))

    def route(r):
        if urlsplit(r.request.url).path.endswith("/assets/checker/rules/ashfield.json"):
            return r.fulfill(body=pack, content_type="application/json")
        return r.continue_()

    page = open_checker("staff/ashfield", route=route, new_tab=True)
    session = Session(pack)
    today = dt.date.today().isoformat()  # the page's date when the example has none
    every = list(cases(POLICY))
    shown = check_each(page, [c._asdict() for c in every])
    wrong = []
    for case, (said, verdicts_shown) in zip(every, shown, strict=True):
        # A check that fails (an import the zip lacks) says so in the status line.
        assert not re.search("went wrong|could not start", said), (case, said)
        expected = verdicts(session.check(case.text, case.date or today, case.reply_to, "", case.earlier))
        if verdicts_shown != expected:
            wrong.append(f"{case.rule} {case.side}: {case.text!r} shows {verdicts_shown}, CPython {expected}")
    assert not wrong, "\n".join(wrong)
    assert not [u for u, _ in page.requests if u.endswith("/python_stdlib.zip")]


@IN_THE_STARTED_CONTEXT
def test_the_standard_library_list_is_what_a_trace_finds(_checker_context):
    """widget/stdlib.txt is what tests/benchmarks/trace_stdlib.py finds when
    it runs the checker in Chromium over every rule's examples now: an engine
    that imports something new, on any path an example takes, fails here."""
    spec = importlib.util.spec_from_file_location("trace_stdlib", ROOT / "tests" / "benchmarks" / "trace_stdlib.py")
    trace_stdlib = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trace_stdlib)
    listed, found = trace_stdlib.trace(_checker_context)  # a new tab, on Pyodide compiled there
    assert "error" not in found and found["checks"] > 500
    text = listed.text(trace_stdlib.HEADER.format(version=found["version"]))
    assert text == trace_stdlib.OUT.read_text(encoding="utf-8"), \
        "widget/stdlib.txt is not what a trace finds: run `make stdlib-list`, then `make setup`"


# --- when it cannot start ------------------------------------------------------

def _serve(*, strict_policy=False, abort=None, replace=None, limit_ms=None):
    """A route that serves the site as a harsher world would: a policy with
    no WebAssembly, a runtime file that cannot be fetched, or a file that is
    not the one published. For the worlds where the start never settles, the
    page's start limit is cut (a site may set it on the script tag) to keep
    the test short; a failure the page sees for itself keeps the default."""
    def route(r):
        url = r.request.url
        if abort and url.endswith(abort):
            return r.abort()
        if replace and url.endswith(replace[0]):
            return r.fulfill(body=replace[1], content_type="application/octet-stream")
        if r.request.resource_type != "document" or not (limit_ms or strict_policy):
            # Passed on by the browser: fetched here, the runtime's files held
            # up every other call into the page for seconds.
            return r.continue_()
        response = r.fetch()
        body = response.text()
        if limit_ms:
            body = body.replace('id="hr-checker-script"', f'id="hr-checker-script" data-start-limit-ms="{limit_ms}"')
        if strict_policy:
            body = body.replace(" 'wasm-unsafe-eval'", "")
        r.fulfill(response=response, body=body)
    return route


@pytest.mark.parametrize("how, route, init, says", [
    ("old browser", None, "delete window.WebAssembly;", "cannot run WebAssembly"),
    ("policy blocks WebAssembly", _serve(strict_policy=True, limit_ms=1500), None, "taking too long"),
    ("runtime missing", _serve(abort=".wasm", limit_ms=1500), None, "taking too long"),
    ("tampered engine", _serve(replace=(".whl", b"PK not the published wheel")), None, "did not match"),
], ids=["old-browser", "strict-policy", "runtime-missing", "tampered-engine"])
def test_a_checker_that_cannot_start_says_so_clearly(open_checker, how, route, init, says):
    page = open_checker("public/ashfield", init=init, route=route)
    page.fill("#hr-comment", "hello")
    page.click("[data-hr-form] button[type=submit]")
    page.wait_for_function("() => document.querySelector('[data-hr-status]').textContent.includes('could not start')",
                           timeout=START)
    assert says in status(page) and "read the house rules" in status(page), (how, status(page))
    assert page.is_hidden("[data-hr-results]")
    assert "Failed to fetch" not in status(page), "the browser's own words are not the reader's"
    if how == "tampered engine":  # said as soon as the wheel fails its check, not once the runtime has started
        assert page.evaluate("performance.getEntriesByName('hr-checker-runtime').length") == 0


def test_a_failed_start_stays_said_while_the_runtime_loads_behind_it(open_checker):
    """A wheel that fails its check ends the start at once, and the runtime
    goes on loading for a retry: what that load says must not cover the
    failure. It did, when the runtime's script came after the failure:
    "Starting the checker in your browser…", and nothing after it."""
    held = []
    tampered = _serve(replace=(".whl", b"PK not the published wheel"))

    def route(r):
        if r.request.url.endswith("/pyodide.mjs"):
            held.append(r)  # answered below, once the failure is on the page
            return None
        return tampered(r)

    page = open_checker("public/ashfield", route=route)
    page.fill("#hr-comment", "hello")
    page.wait_for_function("() => document.querySelector('[data-hr-status]').textContent.includes('could not start')",
                           timeout=START)
    assert held, "the runtime's script was never asked for"
    held[0].continue_()
    page.wait_for_function("() => performance.getEntriesByName('hr-checker-script').length", timeout=START)
    page.evaluate("() => new Promise(done => setTimeout(done, 200))")
    assert "did not match" in status(page) and "read the house rules" in status(page), status(page)


def test_a_start_that_fails_while_the_reader_types_says_so_without_a_submit(open_checker):
    page = open_checker("public/ashfield", route=_serve(abort=".wasm", limit_ms=1500))
    page.fill("#hr-comment", "hello")  # starts loading; the reader has not asked to check yet
    page.wait_for_function("() => document.querySelector('[data-hr-status]').textContent.includes('could not start')",
                           timeout=START)
    assert "read the house rules" in status(page)


def test_without_javascript_the_section_says_what_it_would_do(open_checker):
    page = open_checker("public/ashfield", java_script_enabled=False)
    section = page.inner_text(".hr-checker")
    assert "needs JavaScript" in section and "stays on this device" in section
    assert page.is_hidden("[data-hr-form]")
    assert page.get_attribute(".hr-checker__nojs a", "href").endswith("rules-reference/")


# --- keyboard, screen readers, axe, the policy ----------------------------------

@IN_THE_STARTED_CONTEXT
def test_usable_by_keyboard_alone_with_results_announced(open_checker):
    page = open_checker("public/ashfield", new_tab=True)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "hr-comment":
            break
    else:
        pytest.fail("the comment box cannot be reached with Tab")
    page.keyboard.type("You are an idiot")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-hr-results]').dataset.count === '1'", timeout=START)
    live = page.locator("[data-hr-status]")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    assert "would break" in live.inner_text()
    # Ctrl+Enter in the box checks again without leaving it.
    page.focus("#hr-comment")
    page.keyboard.press("Control+Enter")
    page.wait_for_function("() => document.querySelector('[data-hr-results]').dataset.count === '2'", timeout=START)


@pytest.mark.parametrize("site, viewport", [("public/ashfield", DESKTOP), ("public/ashfield", MOBILE),
                                            ("staff/nottinghamshire", DESKTOP)],
                         ids=["public", "public-mobile", "staff"])
def test_no_wcag_violations_with_results_on_screen(reused_checker, assert_accessible, site, viewport):
    page = reused_checker(site, viewport=viewport)
    fields = {"author": "Jo", "handle": "@jo"} if site.startswith("staff") else {}
    check(page, "You are an idiot, Cllr Smith stole the money, buy cheap followers at www.spam.example", **fields)
    assert page.is_visible(".hr-checked-text mark")
    assert_accessible(page, f"{site} with results")


CSP_ALLOWED = {"'self'", "'none'", "'wasm-unsafe-eval'"}


def test_the_policy_allows_only_the_site_itself_and_nothing_breaks_it(reused_checker):
    page = reused_checker("staff/ashfield")
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    directives = dict((part.split()[0], set(part.split()[1:])) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == {"'self'"} and "'wasm-unsafe-eval'" in directives["script-src"]
    # data: only for images (Material's icons are drawn inside the page); nothing else from anywhere but the site.
    assert directives.pop("img-src") == {"'self'", "data:"}
    assert set().union(*directives.values()) <= CSP_ALLOWED, policy
    check(page, "You idiot")
    assert page.evaluate("window.__csp") == []


def test_what_happens_next_is_numbered_only_where_the_council_sets_out_a_process(reused_checker):
    # Ashfield follows four steps in order; the city only reserves the right to remove.
    page = reused_checker("public/ashfield")
    check(page, "This is bullshit")
    assert page.locator("[data-hr-results] ol > li").count() == 4
    page = reused_checker("staff/city")
    check(page, "This is bullshit")
    assert "We reserve the right to hide or delete the post." in page.inner_text("[data-hr-results]")
    assert page.locator("[data-hr-results] ol").count() == 0
    assert page.locator(".hr-next-step").count() == 0  # no "next step" where there is no process


# --- what the results say, as a resident or a moderator reads them (issue 14) ---

SWEARING = "You are a fucking idiot and this is shit"


@pytest.mark.parametrize("site", ["public/ashfield", "staff/ashfield"])
def test_reasons_mask_the_words_and_name_the_lists_in_words(reused_checker, site):
    page = reused_checker(site)
    check(page, SWEARING)
    why = " ".join(page.eval_on_selector_all("[data-hr-results] li[data-rule]", "els => els.map(e => e.textContent)"))
    why = why[why.index("Why:"):]
    assert "f*****g" in why and "s**t" in why, why
    for spelled in ("'fucking'", "'shit'", "fucking (", "word list", "ldnoobw", "strongest, general"):
        assert spelled not in why, (spelled, why)
    assert "one of the strongest swear words, in a public list of offensive words" in why
    # The comment itself is the resident's own text, highlighted as typed.
    marks = page.eval_on_selector_all(".hr-checked-text mark", "els => els.map(e => e.textContent)")
    assert "fucking" in marks and "shit" in marks


def test_rules_are_counted_and_listed_by_the_councils_own_lines(reused_checker):
    # Ashfield puts abuse, threats and swearing under one line of its policy.
    page = reused_checker("public/ashfield")
    shown = check(page, SWEARING)
    assert {"abuse", "swearing", "personal-attacks"} <= {r for r, v in shown.items() if v == "breaks"}
    lines = page.eval_on_selector_all("[data-hr-results] .hr-line > strong", "els => els.map(e => e.textContent)")
    line = "abusive or threatening – this includes swearing"
    assert lines.count(line) == 1, lines
    under = page.eval_on_selector_all(
        "[data-hr-results] .hr-line", "(els, line) => els.filter(e => e.firstChild.textContent === line)"
        ".flatMap(e => [...e.querySelectorAll('li[data-rule]')].map(li => li.dataset.rule))", line)
    assert under == ["abuse", "swearing"], under
    assert "would break 2 of Ashfield District Council's house rules" in status(page)


def test_the_summary_is_said_once_and_the_marks_never_read_out_rule_ids(reused_checker):
    page = reused_checker("public/ashfield")
    check(page, SWEARING)
    summary = status(page)
    everything = page.inner_text(".hr-checker")
    assert everything.count(summary) == 1, everything
    marked = page.eval_on_selector(".hr-checked-text", "e => e.textContent")
    for said in ("personal-attacks", ": abuse", "(breaks:", "may-break"):
        assert said not in marked, marked
    assert "(would break: No abuse or insults; No personal attacks; No swearing)" in marked
    snapshot = page.locator(".hr-checked-text").aria_snapshot()
    assert "personal-attacks" not in snapshot and "No swearing" in snapshot


def test_a_finding_that_spans_the_whole_comment_is_not_highlighted(reused_checker):
    page = reused_checker("public/ashfield")
    shown = check(page, "Someone should sort him out")
    assert shown["threats"] == "breaks"
    assert page.locator("[data-hr-results] mark").count() == 0
    assert "highlighted" not in page.inner_text("[data-hr-results]")
    # Words the checker did point at stay highlighted alongside one that takes in everything.
    check(page, "Immigrants are a drain and should die, you fucking idiot")
    assert "fucking" in page.eval_on_selector_all("[data-hr-results] mark", "els => els.map(e => e.textContent)")


def _submit_empty(page):
    page.fill("#hr-comment", "   ")
    page.click("[data-hr-form] button[type=submit]")
    page.wait_for_selector("[data-hr-error-summary]:not([hidden])")


@pytest.mark.parametrize("site, message", [("public/ashfield", "Enter your comment"),
                                           ("staff/ashfield", "Enter the comment")])
def test_an_empty_box_is_said_in_the_page_as_gov_uk_says_it(reused_checker, site, message):
    page = reused_checker(site)
    assert page.get_attribute("[data-hr-form]", "novalidate") is not None
    assert page.get_attribute("#hr-comment", "required") is None
    _submit_empty(page)
    assert not page.dialogs
    summary = page.locator("[data-hr-error-summary]")
    assert "There is a problem" in summary.inner_text() and message in summary.inner_text()
    assert page.evaluate("document.activeElement.matches('[data-hr-error-summary]')"), "focus goes to the summary"
    assert page.get_attribute("[data-hr-error-summary] a", "href") == "#hr-comment"
    inline = page.locator("#hr-comment-error")
    assert inline.is_visible() and inline.inner_text().replace("\n", " ").strip() == f"Error: {message}"
    # Above the box, and read with it.
    assert page.evaluate("document.getElementById('hr-comment-error').compareDocumentPosition("
                         "document.getElementById('hr-comment')) & Node.DOCUMENT_POSITION_FOLLOWING")
    assert "hr-comment-error" in page.get_attribute("#hr-comment", "aria-describedby").split()
    assert page.title().startswith("Error: ")
    assert page.is_hidden("[data-hr-results]")
    page.click("[data-hr-error-summary] a")
    assert page.evaluate("document.activeElement.id") == "hr-comment"
    # A comment checked clears it all.
    check(page, "When are the bins collected?")
    assert page.is_hidden("[data-hr-error-summary]") and page.is_hidden("#hr-comment-error")
    assert "hr-comment-error" not in page.get_attribute("#hr-comment", "aria-describedby")
    assert not page.title().startswith("Error: ")


@pytest.mark.parametrize("site, viewport", [("public/ashfield", DESKTOP), ("public/ashfield", MOBILE),
                                            ("staff/nottinghamshire", DESKTOP)],
                         ids=["public", "public-mobile", "staff"])
def test_no_wcag_violations_with_the_error_on_screen(reused_checker, assert_accessible, site, viewport):
    page = reused_checker(site, viewport=viewport)
    _submit_empty(page)
    assert page.is_visible("#hr-comment-error")
    assert_accessible(page, f"{site} with the empty-box error")


# --- on a Welsh page ----------------------------------------------------------

# What the English table says that a Welsh page must never show (checker.js EN).
ENGLISH_ON_RESULTS = ("This comment would break", "Why:", "What the checker found", "The rule it would break",
                      "aimed at you", "Nothing found", "The checker is ready")


def test_a_resident_on_a_welsh_page_reads_the_result_of_a_welsh_or_english_comment_in_welsh(reused_checker):
    """A Welsh or an English comment, checked on a Welsh page: the verdict,
    the rule (in the council's Welsh), the reason and the status line are
    Welsh; a Welsh comment that breaks nothing is not "not in English"."""
    page = reused_checker("public/swansea/cy")
    for comment in ("Ti'n gont llwyr", "You are a complete idiot"):
        assert check(page, comment).get("abuse") == "breaks", comment
        shown = page.inner_text("[data-hr-results]") + status(page)
        assert "Byddai'r sylw hwn yn torri" in shown and "Dim cam-drin na sarhau" in shown, shown
        assert "wedi'i anelu atoch chi" in shown, shown
        assert not [s for s in ENGLISH_ON_RESULTS if s in shown], shown
    verdicts = check(page, "Diolch am drwsio'r ffordd mor gyflym")
    assert not {"breaks", "may-break"} & set(verdicts.values()), verdicts
    assert "Dim wedi'i ganfod" in page.inner_text("[data-hr-results]") + status(page)
