"""The second-opinion model (houserules_checker/model.py and model_weights.tsv):
it loads and scores in pure Python, the same every time; it explains itself
(its contributions add up, with the bias, to the logit); identity words can
never raise a score; it only ever says "may break"; its weights say where
they came from and under what licence; and the training command rebuilds
them byte for byte (when the data are beside the clone).
"""

from __future__ import annotations

import ast
import importlib.util
import io
import math
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from houserules.wheel import build_wheel
from houserules_checker import BREAKS, MAY_BREAK, model as M
from houserules_checker.findings import Signal
from houserules_checker.text import prepare

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "widget" / "houserules_checker"
# The training data, beside the clone (as tests/test_seed_coverage.py finds ../shared).
DATA = ROOT.parent / "shared" / "data"
TRAIN = ROOT / "tests" / "benchmarks" / "train_model.py"

BENIGN = ["the Muslim community centre open day", "our gay councillor", "more disabled parking please"]
COMMENTS = [
    *BENIGN,
    "You are vile scum and everyone on this page knows it",
    "The council are a bunch of useless idiots",
    "Is the tip open on Sunday?",
    "Thanks for sorting the streetlight so quickly, you are stars.",
    "all of them should be sent back where they came from",
    "RT @jo_bloggs: what a stupid bitch lmao http://t.co/x",
    "f u c k off you absolute w@nker",
    "Shut up you pathetic moron, nobody asked you.",
    "I felt like an idiot putting the blue bin out on the wrong week!",
    "They are vermin and deserve everything they get",
    "Ｆｕｃｋ this council and its parking wardens",
    "ok ok ok ok ok ok ok ok",
    "",
    "   ",
    "😀😀😀",
    "2024 2025 !!!",
]


@pytest.fixture(scope="module")
def model() -> M.Model:
    return M.model()


def logit(text: str) -> float:
    return M.model().logit(prepare(text).words.keys)


# --- pure Python, once per process, the same every time ----------------------------

def test_the_module_imports_only_the_standard_library_and_the_checker():
    tree = ast.parse((PACKAGE / "model.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            continue  # the checker's own modules
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module] if isinstance(node, ast.ImportFrom) else []
        for name in names:
            top = name.split(".")[0]
            assert top == "__future__" or top in sys.stdlib_module_names, f"model.py imports {name}"


def test_the_weights_load_and_score_in_a_clean_interpreter_without_numpy(tmp_path):
    """From the wheel the browser installs: the weights are in it, and nothing
    but the standard library is needed to score."""
    name, data = build_wheel(PACKAGE)
    with zipfile.ZipFile(io.BytesIO(data)) as wheel:
        assert {"houserules_checker/model_weights.tsv", "houserules_checker/model_weights.LICENSE"} \
            <= set(wheel.namelist())
        wheel.extractall(tmp_path)
    code = ("import sys; from houserules_checker import model; "
            "p, c = model.score('shut up you vile scum'); s = model.second_opinion('shut up you vile scum'); "
            "assert 0 <= p <= 1 and c and s.verdict == 'may-break', (p, c, s); "
            "assert not {'numpy', 'scipy', 'sklearn'} & set(sys.modules); print(repr(p))")
    out = subprocess.run([sys.executable, "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(tmp_path)}, check=False)
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) == M.probability("shut up you vile scum")


def test_the_weights_are_loaded_once_and_lazily():
    code = ("from houserules_checker import model; assert model._MODEL is None; "
            "a = model.model(); model.probability('x'); assert model.model() is a")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_scores_are_the_same_in_every_process():
    """The same bits, whatever the hash seed (sets and dicts iterate differently)."""
    code = ("from houserules_checker import model; import sys; "
            f"print([model.probability(t).hex() for t in {COMMENTS!r}]); "
            f"print([model.second_opinion(t) for t in {COMMENTS!r}])")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("0", "1", "12345")}
    assert len(runs) == 1
    here = [M.probability(t) for t in COMMENTS]
    assert [M.probability(t) for t in reversed(COMMENTS)][::-1] == here  # nor on what was scored before


# --- it explains itself -------------------------------------------------------------

@pytest.mark.parametrize("text", COMMENTS)
def test_the_contributions_add_up_with_the_bias_to_the_logit(model, text):
    p, contributions = M.score(text)
    z = model.bias + math.fsum(c.weight for c in contributions)
    assert math.isclose(z, logit(text), abs_tol=1e-9)
    assert math.isclose(p, 1 / (1 + math.exp(-z)), rel_tol=1e-9)
    for c in contributions:
        assert text[c.start:c.end] == c.text and c.text.strip() and c.weight != 0
        assert c.feature in (M.WORD, M.PAIR)


def test_a_contribution_is_the_word_as_typed():
    text = "Honestly, you absolute SCUM!!"
    _, contributions = M.score(text)
    assert "SCUM" in {c.text for c in contributions}


def test_the_scorer_adds_up_exactly_the_features_the_training_reads(model):
    """Training builds its matrix from model.features(); scoring must add up
    the same features, counted the same number of times."""
    weights = {(M.WORD, k): w for k, w in model.words.items()} | \
              {(M.CHARS, k): w for k, w in model.chars.items()} | \
              {(M.PAIR, " ".join(k)): w for k, w in model.pairs.items()}
    for text in COMMENTS + ["scum scum scum you scum", "muslims muslims are are are", "@a @b the the the"]:
        keys = prepare(text).words.keys
        found = M.features(keys, model.ids)
        expected = model.bias + sum(weights.get(f, 0.0) * n for f, n in found.items())
        assert math.isclose(model.logit(keys), expected, abs_tol=1e-9), text


# --- identity words -------------------------------------------------------------------

@pytest.mark.parametrize("text", BENIGN)
def test_naming_a_group_in_a_friendly_comment_is_below_the_threshold(model, text):
    assert M.probability(text) < model.threshold
    assert M.second_opinion(text) is None


def test_no_identity_feature_has_a_positive_weight(model):
    inside = M.identity_grams(model.ids)
    assert all(w <= 0 for k, w in model.words.items() if M.is_identity(k, model.ids))
    assert all(w <= 0 for k, w in model.chars.items() if k in inside)
    assert all(w <= 0 for pair, w in model.pairs.items() if any(M.is_identity(k, model.ids) for k in pair))


def test_the_weights_file_itself_is_clamped():
    """The clamp is applied at training, not only on loading."""
    header, bias, threshold, weights = M.read_weights(M.WEIGHTS_FILE.read_text(encoding="utf-8"))
    ids = M.identity_words(M.identity_terms())
    inside = M.identity_grams(ids)
    for (kind, feature), w in weights.items():
        if kind == M.WORD and M.is_identity(feature, ids) or kind == M.CHARS and feature in inside or \
                kind == M.PAIR and any(M.is_identity(p, ids) for p in feature.split(" ")):
            assert w <= 0, (kind, feature, w)


def test_the_clamp_is_applied_on_loading_whatever_the_file_holds():
    text = M.WEIGHTS_FILE.read_text(encoding="utf-8").split("\nbias\t")[0] + (
        "\nbias\t0.000\nthreshold\t0.50\nword\tmuslims\t5.000\nchars\tusl\t5.000\nchars\t<sc\t1.000\n"
        "pair\tgay people\t5.000\nword\tscum\t2.000\nchars\tcum>\t1.000\n")
    m = M.Model(text, M.identity_terms())
    assert m.words["muslims"] == 0 and m.chars["usl"] == 0 and m.pairs[("gay", "people")] == 0
    assert m.words["scum"] == 2 and m.chars["cum>"] == 1 and m.chars["<sc"] == 0  # "<sc" is in "<scots>"
    assert m.logit(prepare("Muslims").words.keys) == 0
    assert m.logit(prepare("scum").words.keys) == 3  # the word, and "cum>"


def test_identity_words_are_the_neutral_names_not_the_slurs():
    from houserules_checker import groups
    ids = M.identity_words(M.identity_terms())
    assert {"muslim", "muslims", "gay", "disabled", "jews", "jew", "black", "women", "lgbtqt", "asylum"} <= ids
    assert not {"people", "with", "of", "the", "community"} & ids  # they only complete a name
    slurs = {k for t in groups.OFFENSIVE_TERMS for k in prepare(t).words.keys}
    assert not {"paki", "faggot", "retard", "nigger", "tranny"} & ids and slurs - ids


def _identity_sample(ids) -> list[str]:
    step = max(1, len(ids) // 40)
    return sorted(ids)[::step] + ["Muslim", "GAY", "Disabled", "jewish", "MUSLIMS", "LGBTQ+", "Gypsies", "Jew's"]


@pytest.mark.parametrize("text", COMMENTS + [
    "you people are scum", "go back to where you came from", "those vermin should be deported",
    "all of them are animals", "I hate the lot of them", "what a load of rubbish", "you stupid idiot"])
def test_adding_an_identity_word_anywhere_never_raises_the_score(model, text):
    before = logit(text)
    words = text.split()
    for word in _identity_sample(model.ids):
        for at in sorted({0, len(words) // 2, len(words)}):
            changed = " ".join(words[:at] + [word] + words[at:])
            assert logit(changed) <= before + 1e-12, (changed, logit(changed), before)
        assert logit(f"{text} {word} {word}s") <= before + 1e-12


# --- only ever "may break" --------------------------------------------------------------

@pytest.mark.parametrize("text", COMMENTS)
def test_a_second_opinion_never_says_breaks(model, text):
    signal = M.second_opinion(text)
    if M.probability(text) < model.threshold:
        assert signal is None
        return
    assert isinstance(signal, Signal) and signal.verdict == MAY_BREAK != BREAKS
    assert 0 <= signal.start <= signal.end <= len(text)
    assert signal.why.startswith("a model trained on labelled comments scores this ")
    assert signal.why.endswith("; a person decides")


def test_a_second_opinion_names_the_words_that_pushed_and_their_weights():
    signal = M.second_opinion("You are vile scum and everyone on this page knows it")
    assert signal is not None and signal.verdict == MAY_BREAK
    assert "'scum' +" in signal.why
    assert "You are vile scum and everyone on this page knows it"[signal.start:signal.end] == "scum"


def test_a_second_opinion_takes_the_checkers_prepared_comment():
    text = "shut up you vile scum"
    assert M.second_opinion(prepare(text)) == M.second_opinion(text)


# --- where the weights came from --------------------------------------------------------

def test_the_header_names_the_sources_licences_and_recipe(model):
    header = model.header
    assert header["format"] == str(M.FORMAT) and header["recipe-version"]
    for source in ("Davidson", "HateXplain", "Hate Speech Dataset from a White Supremacy Forum", "HateCheck"):
        assert source in header["sources"]
    for licence in ("MIT", "CC BY 4.0", "CC BY-SA 3.0 ES"):
        assert licence in header["sources"]
    assert "CC BY-SA 3.0 ES" in header["licence"] and "model_weights.LICENSE" in header["licence"]
    recipe = header["recipe"]
    for part in ('"C"', '"keep"', '"min_df"', '"threshold"', '"features"', '"clamp"'):
        assert part in recipe
    assert 0 < model.threshold < 1


def test_the_licence_goes_with_the_weights():
    licence = (PACKAGE / "model_weights.LICENSE").read_text(encoding="utf-8")
    for needed in ("CC BY-SA 3.0", "Davidson", "Copyright (c) 2017 Tom Davidson", "HateXplain", "de Gibert",
                   "HateCheck", "CC BY 4.0", "MIT"):
        assert needed in licence


def test_the_weights_are_small():
    import gzip
    assert len(gzip.compress(M.WEIGHTS_FILE.read_bytes(), 9)) < 100_000


# --- the training command rebuilds them --------------------------------------------------

def _training_available() -> str | None:
    if not (DATA / "davidson" / "labeled_data.csv").is_file() or not (DATA / "training").is_dir():
        return f"the training data are not beside the clone ({DATA})"
    missing = [m for m in ("numpy", "scipy") if importlib.util.find_spec(m) is None]
    if missing:
        return f"{', '.join(missing)} not installed (tests/benchmarks/requirements-bench.lock)"
    return None


@pytest.mark.slow  # trains the model again (about a minute)
@pytest.mark.skipif(_training_available() is not None, reason=str(_training_available()))
def test_the_training_command_reproduces_the_committed_weights():
    """About a minute and a half: the whole training, from the data."""
    out = subprocess.run([sys.executable, str(TRAIN), "--check"], capture_output=True, text=True, cwd=ROOT,
                         check=False)
    assert out.returncode == 0, out.stdout + out.stderr
