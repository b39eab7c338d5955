"""The `language` check as moderators and residents meet it: a comment in a
language the council does not accept may break the rule, named and pointed
at, for a person to judge; English in all its forms never does."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from houserules_checker import BREAKS, MAY_BREAK, PASSES, Checker, engine

ROOT = Path(__file__).resolve().parent.parent
RULE_FILE = ROOT / "policies" / "rules" / "post-in-english.yaml"
# The rule pack's format is the checker's to say (it has changed before).
FORMAT = getattr(engine, "FORMAT", 1)


def checker(languages=("en",)) -> Checker:
    """A checker for one council with the one rule, accepting these languages."""
    return Checker({"format": FORMAT, "council": {"slug": "test", "name": "Test Council"}, "version": None,
                    "rules": [{"id": "post-in-english", "title": "Post in English",
                               "summary": "Comment written in a language other than English", "category": "conduct",
                               "wording": "Please post in English. We may remove posts in other languages that "
                                          "could be abusive.",
                               "check": {"kind": "language", "languages": list(languages)}}],
                    "words": [], "enforcement": [], "pre_election": []})


ENGLISH_ONLY = checker()
ENGLISH_AND_WELSH = checker(("en", "cy"))


def finding(text: str, council: Checker = ENGLISH_ONLY):
    [found] = council.check(text).findings
    return found


# (language named, comment): comments a resident might post on a council page.
OTHER_LANGUAGES = [
    ("Polish", "Kiedy w końcu naprawicie tę drogę? Jeździmy tędy codziennie i jest coraz gorzej."),
    ("Polish", "dziekuje bardzo za pomoc, ale smieci nadal nie sa odebrane od dwoch tygodni"),
    ("Romanian", "Nu înțeleg de ce nimeni nu face nimic, e o rușine pentru tot orașul."),
    ("Lithuanian", "Ačiū už pagalbą, bet šiukšlės vis dar nesurinktos jau dvi savaites."),
    ("Portuguese", "Obrigado pela ajuda, mas o lixo ainda não foi recolhido há duas semanas."),
    ("Spanish", "¿Cuándo van a arreglar la calle? Es un desastre y nadie hace nada."),
    ("French", "Je ne comprends pas pourquoi personne ne fait rien, c'est une honte."),
    ("German", "Wann wird die Straße endlich repariert? Das ist wirklich gefährlich für die Kinder."),
    ("Italian", "Non capisco perché nessuno fa niente, è davvero una vergogna."),
    ("Dutch", "Ik snap niet waarom niemand er iets aan doet, het is een schande."),
    ("Turkish", "Bu yol ne zaman tamir edilecek? Çocuklar için çok tehlikeli."),
    ("Hungarian", "Köszönöm a segítséget, de a szemetet még mindig nem vitték el két hete."),
    ("Albanian", "Faleminderit për ndihmën, por plehrat nuk janë mbledhur ende prej dy javësh."),
    ("Somali", "Mahadsanid caawimaadda, laakiin qashinka weli lama qaadin laba toddobaad."),
    ("Tagalog", "Salamat po sa tulong pero hindi pa rin nakokolekta ang basura namin."),
    ("Irish", "Tá an bóthar seo go dona, cathain a bheidh sé deisithe agaibh?"),
    ("Russian", "Когда наконец отремонтируют эту дорогу? Это очень опасно для детей."),
    ("Ukrainian", "Коли нарешті відремонтують цю дорогу? Це дуже небезпечно для дітей."),
    ("Greek", "Πότε θα φτιάξετε επιτέλους αυτόν τον δρόμο; Είναι πολύ επικίνδυνο για τα παιδιά."),
    ("Arabic", "متى سيتم إصلاح هذا الطريق أخيرا؟ إنه خطير جدا على الأطفال"),
    ("Urdu", "یہ سڑک آخر کب ٹھیک ہوگی؟ بچوں کے لیے بہت خطرناک ہے"),
    ("Bengali", "এই রাস্তা কবে ঠিক হবে? বাচ্চাদের জন্য খুব বিপজ্জনক"),
    ("Punjabi", "ਇਹ ਸੜਕ ਕਦੋਂ ਠੀਕ ਹੋਵੇਗੀ? ਬੱਚਿਆਂ ਲਈ ਬਹੁਤ ਖਤਰਨਾਕ ਹੈ"),
    ("Chinese", "这条路什么时候才能修好？对孩子们来说太危险了"),
    ("Japanese", "この道路はいつ修理されますか？子供たちにとってとても危険です"),
    ("Korean", "이 도로는 언제 수리되나요? 아이들에게 너무 위험해요"),
]


@pytest.mark.parametrize("language,text", OTHER_LANGUAGES, ids=[f"{lang}-{n}" for n, (lang, _) in
                                                                 enumerate(OTHER_LANGUAGES)])
def test_a_comment_in_another_language_may_break_and_says_which_language(language, text):
    found = finding(text)
    assert found.verdict == MAY_BREAK, "only a person can say whether it could be abusive"
    [why] = found.why
    assert why == f"written in {language}, not English: a person decides whether it could be abusive"


def test_another_language_never_breaks_the_rule_outright():
    verdicts = {finding(text).verdict for _, text in OTHER_LANGUAGES}
    assert BREAKS not in verdicts and not any(finding(text).next_steps for _, text in OTHER_LANGUAGES)


ENGLISH = [
    "Could you tell me when the garden waste collections restart after the winter break?",
    "I have reported the broken streetlight on Church Street three times and nothing has happened.",
    # slang, misspellings and abbreviations
    "u gonna fix the bins or wat lmao, aint nobody got time for this",
    "ur bins r never collected on time smh, gonna complain again tbh",
    "RT @council: the meeting is on tonight at 7 http://t.co/abc123 #localdemocracy",
    # a borrowed word or phrase
    "Bon appétit everyone, the food market was great this year.",
    "Total déjà vu, the same roadworks on Mill Lane as last summer.",
    "The summer fiesta in the park was brilliant, well done to the organisers.",
    "C'est la vie, I suppose the bins will come next week.",
    "Diolch yn fawr for fixing the lights on the high street so quickly.",
    "Paella night at the Spanish restaurant was muy bueno, gracias to the staff!",
    # names of people and places, Welsh place names among them
    "When will the road through Pen-y-bont be resurfaced? It has been months.",
    "Lovely walk from Llanfairpwllgwyngyll to Aberystwyth last weekend, the coast path is stunning.",
    "Is the bus from Ystrad Mynach to Merthyr Tydfil running on Sunday?",
    "Caerdydd, Abertawe, Casnewydd and Bangor all have the same problem with bins.",
    "Great work by Łukasz and Zofia at the recycling centre today, dziękuję!",
    "Congratulations to Maria da Silva and Ana de la Cruz on their long service awards.",
    # English disguised with look-alike letters of other alphabets
    "Fuсk this council, you are all useless",  # a Cyrillic "с"
    "Ѕhut uр уоu іdіоt",  # nearly every letter Cyrillic, all of them look-alikes
    "Whаt а jоke, the bins on Mill Lane were missed again.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_passes_however_it_is_written(text):
    assert finding(text).verdict == PASSES, finding(text).why


@pytest.mark.parametrize("text", ["lol", "Brilliant!", "potholes again", "👍👍😂😂", "🙄", "ok thanks x",
                                  "https://www.example.com/bins?day=3", "Dziękuję bardzo!", "Merci beaucoup!",
                                  "спасибо", "¯\\_(ツ)_/¯", "ಠ_ಠ", "", "   "])
def test_short_or_emoji_only_comments_pass(text):
    assert finding(text).verdict == PASSES


WELSH = "Diolch am eich help, ond dydy'r sbwriel ddim wedi cael ei gasglu ers pythefnos."


def test_welsh_may_break_where_only_english_is_accepted():
    found = finding(WELSH)
    assert found.verdict == MAY_BREAK
    assert found.why == ("written in Welsh, not English: a person decides whether it could be abusive",)


def test_welsh_passes_where_welsh_is_accepted_too():
    assert finding(WELSH, ENGLISH_AND_WELSH).verdict == PASSES


def test_the_reason_names_every_language_the_council_accepts():
    found = finding("Kiedy w końcu naprawicie tę drogę? Jeździmy tędy codziennie i jest coraz gorzej.",
                    ENGLISH_AND_WELSH)
    assert found.why == ("written in Polish, not English or Welsh: a person decides whether it could be abusive",)


def test_a_council_that_accepts_the_language_sees_nothing():
    assert finding("Wann wird die Straße endlich repariert? Das ist wirklich gefährlich.", checker(("en", "de"))
                   ).verdict == PASSES


def test_english_is_never_flagged_even_where_english_is_not_listed():
    assert finding("When will the road outside the school be fixed? It is dangerous.", checker(("cy",))
                   ).verdict == PASSES


def test_the_match_is_the_text_in_the_other_language():
    english = "Thanks for the update on the bins. "
    polish = "Ale nie wiem dlaczego nikt nic z tym nie robi, to jest skandal i wstyd dla miasta."
    text = english + polish
    found = finding(text)
    assert found.verdict == MAY_BREAK
    [match] = found.matches
    assert text[match.start:match.end] == match.text
    assert match.start >= len(english), "the English sentence is not pointed at"
    assert match.text == polish, "the sentence in the other language is pointed at, whole"


@pytest.mark.parametrize("language,text", OTHER_LANGUAGES[::5], ids=[lang for lang, _ in OTHER_LANGUAGES[::5]])
def test_the_match_points_at_real_text_in_the_comment(language, text):
    [match] = finding(text).matches
    assert 0 <= match.start < match.end <= len(text)
    assert text[match.start:match.end] == match.text and match.text.strip() == match.text
    assert len(match.text) >= len(text) / 2, "most of a comment written in the language is pointed at"


def test_garbled_text_is_not_taken_for_a_language():
    # Czech read with the wrong encoding ("Václav Neckář" as "VÃ¡clav NeckÃ¡Å™").
    assert finding("VÃ¡clav NeckÃ¡Å™ & Marta KubiÅ¡ovÃ¡ - Dary nesem (1968) - YouTube").verdict == PASSES


def test_the_rule_files_examples_behave_as_they_say():
    """policies/rules/post-in-english.yaml, read as it stands: each "breaks" example
    may break the rule (a person decides), each "passes" example passes."""
    rule = yaml.safe_load(RULE_FILE.read_text(encoding="utf-8"))
    assert rule["check"] == {"kind": "language", "languages": ["en"]}
    council = checker(rule["check"]["languages"])
    texts = {side: [e if isinstance(e, str) else e["text"] for e in rule["examples"][side]]
             for side in ("breaks", "passes")}
    assert len(texts["breaks"]) >= 4 and len(texts["passes"]) >= 6
    for text in texts["breaks"]:
        assert finding(text, council).verdict == MAY_BREAK, text
    for text in texts["passes"]:
        assert finding(text, council).verdict == PASSES, text
