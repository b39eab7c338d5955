"""The checker's own words in Welsh: what it says of a comment (a finding's
reasons), of a rule it cannot judge, and of input it cannot check.

Welsh here is drafted, not reviewed by a Welsh speaker.

The detectors say their reasons in English, as the published results and
exports always have; a checker asked for Welsh (engine.Checker, language
"cy") has each reason said again in Welsh here, by its shape: a fixed
sentence, or one with parts taken from the comment or the council's word
lists (a word, a name, a number), which stay as they are. Only what the
checker itself says is here: what the council wrote (a rule's title and
wording, a pattern's reason) comes in the rule pack, already in the
page's language.

`say` gives None for a sentence it does not know, and the checker keeps the
English: a reason in English is better than none. The tests ask every
sentence the detectors make to be known (tests/test_checker_welsh.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# --- words ---------------------------------------------------------------

# A listed word's strength and category, as a finding names them
# ("'cachu' (medium, general, word list welsh)"). checker.js reads the same
# names back from a Welsh reason (its LABEL_NAMES): keep the two the same.
STRENGTHS = {"mild": "ysgafn", "medium": "canolig", "strong": "cryf", "strongest": "cryfaf"}
CATEGORIES = {
    "general": "cyffredinol", "sexual": "rhywiol", "discriminatory": "gwahaniaethol",
    "race-ethnicity": "hil ac ethnigrwydd", "sex-gender": "rhyw a rhywedd", "mental-health": "iechyd meddwl",
    "drugs": "cyffuriau", "insult": "sarhad",
}
WORD_LIST = "rhestr eiriau"  # "word list", before the list's id

# How a word was found (lexicon.py).
_HOW = {
    "as written": "fel y'i hysgrifennwyd",
    "as a phrase": "fel ymadrodd",
    "inside a compound word": "o fewn gair cyfansawdd",
    "with digits or symbols for letters": "gyda digidau neu symbolau yn lle llythrennau",
    "with letters hidden by asterisks": "gyda llythrennau wedi'u cuddio gan sêr",
    "with letters repeated or disguised": "gyda llythrennau wedi'u hailadrodd neu eu cuddio",
}
_IN_QUOTES = ", mewn dyfynodau"

# Whom an insult is aimed at (detectors/insults.py).
_STAFF = {
    "staff": "staff y cyngor", "officer": "swyddog y cyngor", "officers": "swyddogion y cyngor",
    "employee": "gweithiwr y cyngor", "employees": "gweithwyr y cyngor", "worker": "gweithiwr y cyngor",
    "workers": "gweithwyr y cyngor", "binmen": "casglwyr biniau'r cyngor", "binman": "casglwr biniau'r cyngor",
    "warden": "warden y cyngor", "wardens": "wardeiniaid y cyngor", "receptionist": "derbynnydd y cyngor",
    "manager": "rheolwr y cyngor", "managers": "rheolwyr y cyngor", "director": "cyfarwyddwr y cyngor",
    "chief": "prif swyddog y cyngor", "executive": "prif weithredwr y cyngor", "team": "tîm y cyngor",
    "admin": "gweinyddwyr y cyngor", "whoever": "pwy bynnag yn y cyngor",
}
# After "at" (soft mutation: "at gynghorydd").
_COUNCILLORS = {
    "a councillor": "gynghorydd", "councillors": "gynghorwyr", "the mayor": "y maer", "an MP": "Aelod Seneddol",
    "a council leader": "arweinydd cyngor", "the chair": "y cadeirydd",
}
_AT_YOU = "wedi'i anelu atoch chi"
_AT = "wedi'i anelu at"
_OF_A_PERSON = "wedi'i ddweud am berson"
_OF = "wedi'i ddweud am"
_IN_GENERAL = "wedi'i ddweud am bobl yn gyffredinol"
_SLUR = "gair difrïol am grŵp"
_NOT_AIMED = "yn sarhaus, ond heb ei anelu'n glir at neb"

# What a comment says of a protected group (detectors/group_hate.py).
_DESCRIBE = {
    "a call for violence against a group": "galwad am drais yn erbyn grŵp",
    "a call to expel a group": "galwad i alltudio grŵp",
    "a call to exclude a group": "galwad i gau grŵp allan",
    "a call to ban a group": "galwad i wahardd grŵp",
    "a call to lock up a group": "galwad i garcharu grŵp",
    "denies a group's right to exist": "yn gwadu hawl grŵp i fodoli",
    "a dehumanising comparison": "cymhariaeth ddad-ddyneiddiol",
    "expresses hatred of a group": "yn mynegi casineb at grŵp",
    "a hateful generalisation about a group": "cyffredinoli atgas am grŵp",
    "a negative generalisation about a group": "cyffredinoli negyddol am grŵp",
    "a stereotype presented as fact": "stereoteip a gyflwynir fel ffaith",
    "would deny a group rights others have": "byddai'n gwadu i grŵp hawliau sydd gan eraill",
    "a stereotype ('typical ...')": "stereoteip ('typical ...', 'nodweddiadol ...')",
    "swears at a group": "yn rhegi ar grŵp",
}
# The protected characteristics, as the Equality Act 2010 is published in Welsh.
_CHARACTERISTICS = {
    "race": "hil", "religion or belief": "crefydd neu gred", "race and religion or belief": "hil a chrefydd neu gred",
    "sex": "rhyw", "sexual orientation": "cyfeiriadedd rhywiol", "gender reassignment": "ailbennu rhywedd",
    "disability": "anabledd", "age": "oedran", "pregnancy and maternity": "beichiogrwydd a mamolaeth",
    "marriage and civil partnership": "priodas a phartneriaeth sifil",
}
GROUPS = {
    "black people": "pobl ddu", "white people": "pobl wyn", "Asian people": "pobl Asiaidd",
    "Arab people": "pobl Arabaidd", "African and Caribbean people": "pobl Affricanaidd a Charibïaidd",
    "mixed-race people": "pobl o hil gymysg", "Gypsies, Roma and Travellers": "Sipsiwn, Roma a Theithwyr",
    "immigrants": "mewnfudwyr", "Eastern Europeans": "pobl o Ddwyrain Ewrop",
    "South Asian nationalities": "pobl o genhedloedd De Asia",
    "Middle Eastern and North African people": "pobl o'r Dwyrain Canol a Gogledd Affrica",
    "African nationalities": "pobl o genhedloedd Affrica",
    "East and South East Asian nationalities": "pobl o genhedloedd Dwyrain a De-ddwyrain Asia",
    "people of British and Irish nationalities": "pobl o genhedloedd Prydain ac Iwerddon",
    "other nationalities": "pobl o genhedloedd eraill", "Muslims": "Mwslimiaid", "Jews": "Iddewon",
    "Sikhs": "Siciaid", "Christians": "Cristnogion", "Hindus": "Hindŵiaid", "Buddhists": "Bwdhyddion",
    "other religions and beliefs": "crefyddau a chredoau eraill", "women": "menywod", "men": "dynion",
    "gay people": "pobl hoyw", "LGBT people": "pobl LHDT+", "straight people": "pobl heterorywiol",
    "trans people": "pobl draws", "disabled people": "pobl anabl", "older people": "pobl hŷn",
    "young people": "pobl ifanc", "pregnant women and new mothers": "menywod beichiog a mamau newydd",
    "married people and civil partners": "pobl briod a phartneriaid sifil",
}

# Language names (languages.py, detectors/language.py), as a noun on its own.
LANGUAGES = {
    "English": "Saesneg", "Welsh": "Cymraeg", "Irish": "Gwyddeleg", "Scottish Gaelic": "Gaeleg yr Alban",
    "Cornish": "Cernyweg", "Manx": "Manaweg", "Polish": "Pwyleg", "Romanian": "Rwmaneg", "Lithuanian": "Lithwaneg",
    "Latvian": "Latfieg", "Estonian": "Estoneg", "Portuguese": "Portiwgaleg", "Spanish": "Sbaeneg",
    "French": "Ffrangeg", "German": "Almaeneg", "Italian": "Eidaleg", "Dutch": "Iseldireg", "Turkish": "Tyrceg",
    "Slovak": "Slofaceg", "Czech": "Tsieceg", "Hungarian": "Hwngareg", "Albanian": "Albaneg", "Somali": "Somalïeg",
    "Tagalog": "Tagalog", "Croatian": "Croateg", "Serbian": "Serbeg", "Bosnian": "Bosnieg", "Slovenian": "Slofeneg",
    "Swedish": "Swedeg", "Danish": "Daneg", "Norwegian": "Norwyeg", "Finnish": "Ffinneg",
    "Indonesian": "Indoneseg", "Malay": "Maleieg", "Vietnamese": "Fietnameg", "Hindi": "Hindi", "Urdu": "Wrdw",
    "Bengali": "Bengaleg", "Punjabi": "Pwnjabeg", "Gujarati": "Gwjarati", "Tamil": "Tamileg", "Telugu": "Telwgw",
    "Kannada": "Canareg", "Malayalam": "Malayalam", "Sinhala": "Sinhaleg", "Marathi": "Marathi",
    "Nepali": "Nepaleg", "Odia": "Odia", "Arabic": "Arabeg", "Persian": "Perseg", "Pashto": "Pashto",
    "Kurdish": "Cwrdeg", "Hebrew": "Hebraeg", "Yiddish": "Iddew-Almaeneg", "Greek": "Groeg", "Russian": "Rwseg",
    "Ukrainian": "Wcreineg", "Bulgarian": "Bwlgareg", "Macedonian": "Macedoneg", "Belarusian": "Belarwseg",
    "Chinese": "Tsieinëeg", "Japanese": "Japaneeg", "Korean": "Coreeg", "Thai": "Thai", "Lao": "Lao",
    "Khmer": "Chmereg", "Burmese": "Byrmaneg", "Georgian": "Georgeg", "Armenian": "Armeneg", "Amharic": "Amhareg",
    "Tigrinya": "Tigrinya", "Swahili": "Swahili", "Yoruba": "Iorwba", "Igbo": "Igbo", "Catalan": "Catalaneg",
    "Galician": "Galiseg", "Basque": "Basgeg", "Maltese": "Malteg", "Icelandic": "Islandeg", "Latin": "Lladin",
    "Afrikaans": "Affricaneg",
    # Where the words cannot tell languages apart, and scripts.
    "Croatian, Serbian or Bosnian": "Croateg, Serbeg neu Fosnieg", "Indonesian or Malay": "Indoneseg neu Faleieg",
    "Hindi or Urdu": "Hindi neu Wrdw",
    "Devanagari script (such as Hindi or Nepali)": "sgript Devanagari (megis Hindi neu Nepaleg)",
    "Ge'ez script (such as Amharic or Tigrinya)": "sgript Ge'ez (megis Amhareg neu Tigrinya)",
    "Cyrillic script (such as Russian or Ukrainian)": "sgript Gyrilig (megis Rwseg neu Wcreineg)",
    "Arabic script (such as Arabic, Urdu or Persian)": "sgript Arabeg (megis Arabeg, Wrdw neu Berseg)",
}

# --- fixed sentences -------------------------------------------------------

_FIXED = {
    # threats.py
    "a call for violence": "galwad am drais",
    "a threat of violence": "bygythiad o drais",
    "a threat to 'sort out' a person": "bygythiad i 'sortio' person",
    "a threat of harm": "bygythiad o niwed",
    "says a person should be hurt": "yn dweud y dylai person gael ei frifo",
    "says a person should be 'sorted out'": "yn dweud y dylai person gael ei 'sortio'",
    "a threat of a visit": "bygythiad o ymweliad",
    "an intimidating warning ('watch your back')": "rhybudd bygythiol ('watch your back', 'gwylia dy gefn')",
    "an intimidating threat ('wait till I ...')": "bygythiad brawychus ('wait till I ...', 'aros di nes i ...')",
    "says they know where a person lives": "yn dweud eu bod yn gwybod ble mae person yn byw",
    "says they know a person's address": "yn dweud eu bod yn gwybod cyfeiriad person",
    "says they know where a person's family is": "yn dweud eu bod yn gwybod ble mae teulu person",
    "an intimidating threat": "bygythiad brawychus",
    "sounds like an intimidating threat": "yn swnio fel bygythiad brawychus",
    "a weapon emoji": "emoji arf",
    "says someone will do violence to a person": "yn dweud y bydd rhywun yn gwneud trais i berson",
    "says someone deserves violence": "yn dweud bod rhywun yn haeddu trais",
    "calls for violence": "yn galw am drais",
    "threatens to attack a place": "yn bygwth ymosod ar le",
    "tells someone they will be harmed": "yn dweud wrth rywun y cânt eu niweidio",
    "threatens to injure someone": "yn bygwth anafu rhywun",
    # personal.py
    "a UK phone number (10 or 11 digits, a UK dialling code)":
        "rhif ffôn yn y DU (10 neu 11 digid, cod deialu yn y DU)",
    "an email address": "cyfeiriad e-bost",
    "a street address with a postcode": "cyfeiriad stryd gyda chod post",
    "looks like a house number and street: is it someone's home?":
        "mae'n edrych fel rhif tŷ a stryd: ai cartref rhywun yw hwn?",
    "a National Insurance number (two letters, six digits, A to D)":
        "rhif Yswiriant Gwladol (dwy lythyren, chwe digid, A i D)",
    "a payment card number (passes the Luhn check)": "rhif cerdyn talu (mae'n pasio gwiriad Luhn)",
    # promotion.py
    "a link alongside promotional wording": "dolen ochr yn ochr â geiriad hyrwyddo",
    "a link posted with hardly any comment: the usual form of link spam":
        "dolen a bostiwyd heb fawr ddim sylw: ffurf arferol sbam dolenni",
    "a link: a person should check whether it advertises": "dolen: dylai person wirio a yw'n hysbysebu",
    # relevance.py, accusation.py, political.py
    "shares no words with the post it replies to: may be off topic":
        "nid oes ganddo'r un gair yn gyffredin â'r post y mae'n ei ateb: gall fod oddi ar y pwnc",
    "accuses a named person of wrongdoing: defamatory if it is untrue":
        "yn cyhuddo person a enwir o gamwedd: difenwol os nad yw'n wir",
    "campaigning for or against a party or candidate": "ymgyrchu dros neu yn erbyn plaid neu ymgeisydd",
    "campaigning": "ymgyrchu",
    "names a political party": "yn enwi plaid wleidyddol",
    # engine.py: a rule the checker cannot judge without the post (kinds.py, relevance)
    "Whether a comment is on topic needs the post it replies to.":
        "Mae angen y post y mae sylw'n ei ateb i wybod a yw ar y pwnc.",
}

def _group(english: str) -> str | None:
    believed = re.fullmatch(r"(.+), of whom (.+) is the belief", english)
    if believed:
        group = GROUPS.get(believed[1])
        return None if group is None else f"{group}, a'u cred yw {believed[2]}"
    return GROUPS.get(english)


def _note(note: str) -> str | None:
    fixed = {
        "said of a belief, which may be criticised: a person should judge":
            "wedi'i ddweud am gred, y gellir ei beirniadu: dylai person farnu",
        "said of people with no right to be here, which may be a view on immigration law":
            "wedi'i ddweud am bobl heb hawl i fod yma, a allai fod yn farn ar gyfraith mewnfudo",
        "in quotation marks: a person should check whose words they are":
            "mewn dyfynodau: dylai person wirio geiriau pwy ydynt",
    }.get(note)
    if fixed is not None:
        return fixed
    if m := re.fullmatch(r"'(.+)' is an offensive name for them", note, re.S):
        return f"mae '{m[1]}' yn enw sarhaus arnynt"
    if m := re.fullmatch(r"if '(.+)' means the (.+) named before it", note, re.S):
        group = GROUPS.get(m[2])
        return None if group is None else f"os yw '{m[1]}' yn golygu'r {group} a enwyd o'i flaen"
    return None


def _hate(m: re.Match) -> str | None:
    """'"said": a call to ... (race: immigrants); notes'."""
    describe, characteristic, group = _DESCRIBE[m["describe"]], _CHARACTERISTICS.get(m["char"]), _group(m["group"])
    if characteristic is None or group is None:
        return None
    out = f'"{m["said"]}": {describe} ({characteristic}: {group})'
    for note in _notes(m["notes"]):
        said = _note(note)
        if said is None:
            return None
        out += "; " + said
    return out


def _notes(text: str) -> list[str]:
    """The notes after the first "; ", each starting as a known note does (a
    note may quote the comment, which may hold "; " itself)."""
    if not text:
        return []
    starts = r"; (?=said of |in quotation marks|if '|'[^;]*' is an offensive name)"
    return [part for part in re.split(starts, text) if part]


# --- whom an insult is aimed at ----------------------------------------------

def near(english: str) -> str | None:
    """Whom an insult is aimed at, or said of (detectors/insults.py)."""
    if english == "aimed at 'you'":
        return _AT_YOU
    if english == "said of a person":
        return _OF_A_PERSON
    if english == "a slur against a group":
        return _SLUR
    if m := re.fullmatch(r"after '(.+?)', (.+)", english, re.S):
        rest = near(m[2])
        return None if rest is None else f"ar ôl '{m[1]}', {rest}"
    if m := re.fullmatch(r"said of people in general \('(.+)'\)", english, re.S):
        return f"{_IN_GENERAL} ('{m[1]}')"
    if m := re.fullmatch(r"aimed at a group \((.+)\)", english, re.S):
        return f"{_AT} grŵp ({m[1]})"
    if m := re.fullmatch(r"aimed at council (.+)", english, re.S):
        staff = _STAFF.get(m[1])
        return None if staff is None else f"{_AT} {staff}"
    if m := re.fullmatch(r"aimed at (.+)", english, re.S):
        whom = m[1]
        if whom in _COUNCILLORS:
            return f"{_AT} {_COUNCILLORS[whom]}"
        if whom.startswith(("@", "'")):  # a handle, or words of the comment
            return f"{_AT} {whom}"
        return None
    if m := re.fullmatch(r"said of (.+)", english, re.S):  # a name from the comment ("Councillor Patel")
        return f"{_OF} {m[1]}"
    return None


def _insult(m: re.Match) -> str | None:
    said = near(m["near"])
    return None if said is None else f"'{m['term']}' {said}"


def _threat(m: re.Match) -> str | None:
    says = _FIXED.get(m["says"])
    whom = m["whom"]
    if says is None:
        return None
    if whom == "a person":
        return f"{says}, {_AT} berson"
    return f"{says}, {_AT} {whom}" if whom.startswith("'") else None


# --- listed words ---------------------------------------------------------------

_LABEL = re.compile(r"'([^']+)' \(([a-z]+), ([a-z-]+), word list ([\w-]+)\)")


def label(m: re.Match) -> str:
    """"'shit' (medium, general, word list ofcom)", in Welsh."""
    term, strength, category, wordlist = m.groups()
    return (f"'{term}' ({STRENGTHS.get(strength, strength)}, {CATEGORIES.get(category, category)}, "
            f"{WORD_LIST} {wordlist})")


def _how(english: str) -> str | None:
    quoted = english.endswith(", in quotation marks")
    if quoted:
        english = english.removesuffix(", in quotation marks")
    said = _HOW.get(english)
    if said is None and (m := re.fullmatch(r"with the ending '-(\w+)'", english)):
        said = f"gyda'r terfyniad '-{m[1]}'"
    if said is None and (m := re.fullmatch(r"as the emoji (.+)", english, re.S)):
        said = f"fel yr emoji {m[1]}"
    if said is None:
        return None
    return said + _IN_QUOTES if quoted else said


def _word(m: re.Match) -> str | None:
    how = _how(m["how"])
    return None if how is None else f"{label(_LABEL.fullmatch(m['label']))} {how}"  # type: ignore[arg-type]


# --- the rest ------------------------------------------------------------------

def _soft(word: str) -> str:
    """The soft mutation of a Welsh word's first letter ("neu Gymraeg")."""
    for plain, soft in (("ll", "l"), ("rh", "r"), ("p", "b"), ("t", "d"), ("c", "g"), ("b", "f"), ("d", "dd"),
                        ("g", ""), ("m", "f")):
        if word.lower().startswith(plain) and not word.lower().startswith(("ch", "ph", "th", "dd", "ff")):
            rest = word[len(plain):]
            return (soft.capitalize() if word[0].isupper() else soft) + rest if soft else rest[:1].upper() + rest[1:]
    return word


def languages(english: str) -> str | None:
    """"English or Welsh" (the languages a council accepts), in Welsh."""
    names = re.split(r", | or ", english)
    welsh = [LANGUAGES.get(name) for name in names]
    if None in welsh:
        return LANGUAGES.get(english)
    said = [w for w in welsh if w is not None]
    if len(said) == 1:
        return said[0]
    return ", ".join(said[:-1]) + " neu " + _soft(said[-1])


def _language(m: re.Match) -> str | None:
    language, accepted = LANGUAGES.get(m["language"]), languages(m["accepted"])
    if language is None or accepted is None:
        return None
    return (f"iaith y sylw: {language}, ac mae'r cyngor yn derbyn {accepted}: "
            "person sy'n penderfynu a allai fod yn sarhaus")


def _model(m: re.Match) -> str | None:
    strongest = f" (cryfaf: {m['named']})" if m["named"] else ""
    return (f"mae model a hyfforddwyd ar sylwadau wedi'u labelu yn rhoi sgôr o {m['p']} i hwn am sarhad{strongest}; "
            "person sy'n penderfynu")


def polling_day(english: str) -> str:
    """"Senedd election (polling day 2026-05-07)": the election's name is the council's."""
    return re.sub(r" \(polling day (\d{4}-\d\d-\d\d)\)$", r" (diwrnod pleidleisio \1)", english)


def _political(m: re.Match) -> str | None:
    why = _FIXED.get(m["why"])
    if why is None:
        return None
    return f"{why} yn ystod y cyfnod cyn etholiad ar gyfer {polling_day(m['period'])}"


_SHAPES: tuple[tuple[re.Pattern, Callable[[re.Match], str | None]], ...] = (
    (re.compile(rf"(?P<label>{_LABEL.pattern}) (?P<how>.+)", re.S), _word),
    (re.compile(r"'(?P<term>.+?)' is abusive, but not clearly aimed at someone", re.S),
     lambda m: f"mae '{m['term']}' {_NOT_AIMED}"),
    (re.compile(r"'(?P<term>.+?)' a slur against a group, in quotation marks", re.S),
     lambda m: f"'{m['term']}' {_SLUR}{_IN_QUOTES}"),
    (re.compile(r"'(?P<term>.+?)' (?P<near>(?:aimed at|said of|after '|a slur against).+)", re.S), _insult),
    (re.compile(r'"(?P<said>.*)": (?P<describe>' + "|".join(map(re.escape, _DESCRIBE)) +
                r") \((?P<char>[a-z ]+): (?P<group>.+?)\)(?:; (?P<notes>.*))?", re.S), _hate),
    (re.compile(r"(?P<says>[^,]+), aimed at (?P<whom>a person|'.+')", re.S), _threat),
    (re.compile(r"promotes something: '(?P<x>.*)'", re.S), lambda m: f"yn hyrwyddo rhywbeth: '{m['x']}'"),
    (re.compile(r"sales wording: '(?P<x>.*)'", re.S), lambda m: f"geiriad gwerthu: '{m['x']}'"),
    (re.compile(r"(?P<ratio>\d+%) the same as the author's earlier comment (?P<n>\d+)"),
     lambda m: f"{m['ratio']} yr un fath â sylw cynharach rhif {m['n']} yr awdur"),
    (re.compile(r"written in (?P<language>.+), not (?P<accepted>.+): a person decides whether it could be abusive",
                re.S), _language),
    (re.compile(r"a model trained on labelled comments scores this (?P<p>[\d.]+) for abuse"
                r"(?: \(strongest: (?P<named>.*)\))?; a person decides", re.S), _model),
    (re.compile(r"(?P<why>campaigning|names a political party) during the pre-election period for (?P<period>.+)",
                re.S), _political),
    # A rule's own pattern: its reason is the council's, in the pack's language.
    (re.compile(r"(?P<why>.*) \(pattern (?P<name>[^()]+)\)", re.S), lambda m: f"{m['why']} (patrwm {m['name']})"),
)

_SAID: dict[str, str | None] = {}
_LIMIT = 20_000  # bounded memory on a long batch: the texts with words of comments in them vary


def say(english: str) -> str | None:
    """The Welsh of one of the checker's sentences; None for one it does not know."""
    said = _SAID.get(english, False)
    if said is not False:
        return said  # type: ignore[return-value]
    said = _FIXED.get(english)
    if said is None:
        for shape, make in _SHAPES:
            m = shape.fullmatch(english)
            if m is not None:
                said = make(m)
                if said is not None:
                    break
    if len(_SAID) >= _LIMIT:
        _SAID.clear()
    _SAID[english] = said
    return said


def welsh(english: str) -> str:
    """The Welsh of a sentence, or the English where it has none."""
    said = say(english)
    return english if said is None else said


# --- the kinds of check (kinds.py) -------------------------------------------

# "Can the comment checker judge it?", by kind: the answer's first words are
# "Gall" (it can), "Yn rhannol" (partly), "Na all" (it cannot).
NO = "Na all. "  # before the reason a person judges a rule (the council's own words)
JUDGES = {
    "wordlist": "Gall. Mae'n chwilio am eiriau ar ei restrau geiriau, gan gynnwys sillafiadau cudd.",
    "targeted-insult": "Yn rhannol. Mae'n chwilio am sarhad wedi'i anelu at berson neu grŵp, ac yn darllen yr hyn "
                       "y mae sylw'n ei ddweud am grŵp. Lle mae model a hyfforddwyd ar sylwadau wedi'u labelu yn "
                       "gweld bod sylw'n sarhaus, gall dorri'r rheol, i gymedrolwr ei farnu.",
    "threat": "Gall. Mae'n chwilio am fygythiadau o drais.",
    "group-hate": "Yn rhannol. Mae'n darllen yr hyn y mae sylw'n ei ddweud am grŵp a warchodir gan gyfraith "
                  "cydraddoldeb: mae galwadau i niweidio, alltudio neu gau grŵp allan a chymariaethau â fermin neu "
                  "afiechyd yn torri'r rheol; gall datganiadau negyddol ysgubol a stereoteipiau ei thorri, i "
                  "gymedrolwr eu barnu. Caniateir dyfynnu casineb er mwyn ei gondemnio.",
    "personal-data": "Gall. Mae'n chwilio am rifau ffôn, cyfeiriadau e-bost a phost, a rhifau Yswiriant Gwladol a "
                     "chardiau.",
    "repetition": "Gall, pan roddir iddo sylwadau cynharach yr awdur: mae'n eu cymharu.",
    "promotion": "Gall. Mae'n chwilio am hysbysebu: dolenni i sianeli a thudalennau, prisiau a chynigion.",
    "pattern": "Gall. Mae'n chwilio am eiriad cyfarwydd.",
    "language": "Yn rhannol. Gall ddweud pan fo sylw wedi'i ysgrifennu mewn iaith arall; person sy'n penderfynu a "
                "allai fod yn sarhaus.",
    "relevance": "Dim ond pan roddir iddo'r post sy'n cael ei ateb; mae cymedrolwr yn cadarnhau.",
    "accusation": "Yn rhannol yn unig. Gall sylwi ar gyhuddiad yn erbyn person a enwir, y mae'n rhaid i berson ei "
                  "farnu.",
    "human": NO + "{reason}",
}
POLITICAL = {
    "pre-election": "Gall, yn ystod y cyfnod cyn etholiad yn unig. Mae'n chwilio am enwau pleidiau ac ymgyrchu.",
    "always": "Gall. Mae'n chwilio am ymgyrchu dros blaid neu yn ei herbyn.",
}
# Examples of each verdict for the "Check a comment" page, by kind and verdict.
SIGNS = {
    "wordlist": {"breaks": "gair rheg (hyd yn oed pan fo wedi'i guddio)"},
    "targeted-insult": {"breaks": "sarhad wedi'i anelu at rywun", "may-break": "sarhad heb enwi neb yn glir"},
    "threat": {"breaks": "bygythiad"},
    "group-hate": {"breaks": "galwad i niweidio neu alltudio grŵp, neu gymhariaeth â fermin",
                   "may-break": "datganiad negyddol ysgubol am grŵp"},
    "personal-data": {"breaks": "rhif ffôn neu gyfeiriad e-bost"},
    "repetition": {"breaks": "yr un sylw wedi'i bostio eto"},
    "promotion": {"breaks": "hysbyseb"},
    "political": {"breaks": "ymgyrchu dros blaid"},
    "language": {"may-break": "sylw mewn iaith arall"},
    "accusation": {"may-break": "cyhuddiad yn erbyn person a enwir"},
    "human": {"needs-person": "a yw rhywbeth yn wir neu'n ddifenwol"},
}
VERDICTS = {"breaks": "yn torri", "may-break": "gallai dorri", "needs-person": "angen person",
            "passes": "yn pasio"}


# --- what the checker says of input it cannot check ----------------------------

def not_text(type_name: str) -> str:
    return f"rhaid i sylw fod yn destun, nid {type_name}"


def too_long(most: int, has: int) -> str:
    return f"gall sylw fod yn {most:,} nod ar y mwyaf; mae gan hwn {has:,}"


def not_a_date(given: str) -> str:
    return f"Nid yw'r dyddiad {given!r} yn ddyddiad wedi'i ysgrifennu BBBB-MM-DD."


__all__ = ["CATEGORIES", "GROUPS", "JUDGES", "LANGUAGES", "NO", "POLITICAL", "SIGNS", "STRENGTHS", "VERDICTS",
           "WORD_LIST", "label", "languages", "near",
           "not_a_date", "not_text", "polling_day", "say", "too_long", "welsh"]
