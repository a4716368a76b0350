"""Properties that must hold for every text: generated phones, e-mails, IBANs and social
security numbers never survive, masking is idempotent, spans are well formed, and nothing
raises."""

import re
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portail.privacy.masking import detect, mask, mask_with_spans

PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

FILLER_WORDS = [
    "bonjour", "Bonjour", "le", "la", "les", "proprio", "propriétaire", "loyer", "charges",
    "caution", "bail", "préavis", "humidité", "moisissure", "chauffage", "en", "panne", "depuis",
    "mois", "jpeux", "koi", "faire", "svp", "merci", "Merci", "appelez", "moi", "au", "mon",
    "tel", "mail", "c'est", "à", "et", "de", "du", "CAF", "APL", "HLM", "Saint-Étienne",
    "Montreynaud", "huissier", "expulsion", "urgence", "??", "!", ",", ".", ":", "-",
    "écrivez", "RIB", "sécu", "voila", "cordialement", "Madame", "Monsieur", "bailleur",
    "fenêtre", "cuisine", "\n",
]  # fmt: skip

filler = st.lists(st.sampled_from(FILLER_WORDS), max_size=12).map(" ".join)


def embedded(personal):
    """`personal` at a random place in French-ish filler."""
    return st.tuples(filler, personal, filler).map(
        lambda parts: (f"{parts[0]} {parts[1][0]} {parts[2]}", parts[1][1])
    )


def digits_of(text):
    return re.sub(r"\D", "", text)


def no_eight_digits_of(number_digits, masked):
    remaining = digits_of(masked)
    return not any(number_digits[i : i + 8] in remaining for i in range(len(number_digits) - 7))


# --- French phone numbers in any format ------------------------------------------------------

SEPARATORS = ["", " ", ".", "-", " - ", "/"]


@st.composite
def french_phones(draw):
    first = draw(st.sampled_from("123456789"))
    rest = draw(st.text(alphabet=string.digits, min_size=8, max_size=8))
    pairs = [rest[i : i + 2] for i in range(0, 8, 2)]
    separator = draw(st.sampled_from(SEPARATORS))
    prefix = draw(
        st.sampled_from(["0{}", "+33 {}", "+33{}", "0033 {}", "+33 (0){}", "(0){}", "+33 0{}"])
    )
    if draw(st.booleans()):
        body = prefix.format(first) + separator + separator.join(pairs)
    else:  # mixed separators
        seps = draw(st.lists(st.sampled_from(SEPARATORS[1:]), min_size=4, max_size=4))
        body = prefix.format(first) + "".join(s + p for s, p in zip(seps, pairs, strict=True))
    return body, "0" + first + rest


@PROPERTY_SETTINGS
@given(embedded(french_phones()))
def test_a_generated_phone_number_never_survives(case):
    text, number = case
    assert no_eight_digits_of(number, mask(text)), text


# --- e-mail addresses ------------------------------------------------------------------------

AT_FORMS = ["@", " @ ", "[at]", " at ", "(at)", " arobase "]
DOT_FORMS = [".", " point ", "[dot]", " . "]


@st.composite
def emails(draw):
    local = draw(st.from_regex(r"[a-z][a-z0-9_]{2,10}[._-]?[a-z0-9]{1,6}[0-9]", fullmatch=True))
    domain = draw(st.from_regex(r"[a-z][a-z0-9]{2,12}", fullmatch=True))
    tld = draw(st.sampled_from(["com", "fr", "net", "org", "eu", "be"]))
    if draw(st.booleans()):
        address = f"{local}@{domain}.{tld}"
    else:
        address = local + draw(st.sampled_from(AT_FORMS)) + domain
        address += draw(st.sampled_from(DOT_FORMS)) + tld
    return address, local


@PROPERTY_SETTINGS
@given(embedded(emails()))
def test_a_generated_email_local_part_never_survives(case):
    text, local = case
    assert local not in mask(text), text


# --- IBANs with a valid structure and check digits -------------------------------------------

BBAN_FORMATS = {"FR": 23, "DE": 18, "BE": 12, "ES": 20, "PT": 21, "IT": 23}


def iban_check_digits(country, bban):
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(numeric) % 97:02d}"


@st.composite
def ibans(draw):
    country = draw(st.sampled_from(sorted(BBAN_FORMATS)))
    bban = draw(
        st.text(alphabet=string.digits, min_size=BBAN_FORMATS[country],
                max_size=BBAN_FORMATS[country])
    )  # fmt: skip
    compact = country + iban_check_digits(country, bban) + bban
    if draw(st.booleans()):
        written = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    else:
        written = compact
    if draw(st.booleans()):
        written = written.lower()
    return written, bban


@PROPERTY_SETTINGS
@given(embedded(ibans()))
def test_a_generated_iban_never_survives(case):
    text, bban = case
    assert no_eight_digits_of(bban, mask(text)), text


# --- social security numbers -----------------------------------------------------------------


@st.composite
def nirs(draw):
    sex = draw(st.sampled_from("1278"))
    year = f"{draw(st.integers(0, 99)):02d}"
    month = f"{draw(st.integers(1, 12)):02d}"
    department = f"{draw(st.integers(1, 95)):02d}"
    commune = f"{draw(st.integers(1, 999)):03d}"
    order = f"{draw(st.integers(1, 999)):03d}"
    body = sex + year + month + department + commune + order
    key = f"{97 - int(body) % 97:02d}"
    groups = [sex, year, month, department, commune, order]
    if draw(st.booleans()):
        groups.append(key)
    separator = draw(st.sampled_from(["", " ", ".", "-"]))
    return separator.join(groups), body


@PROPERTY_SETTINGS
@given(embedded(nirs()))
def test_a_generated_social_security_number_never_survives(case):
    text, number = case
    assert no_eight_digits_of(number, mask(text)), text


# --- general properties ----------------------------------------------------------------------

any_personal = st.one_of(french_phones(), emails(), ibans(), nirs())
rich_text = st.one_of(
    st.text(),
    embedded(any_personal).map(lambda case: case[0]),
    st.lists(st.one_of(st.sampled_from(FILLER_WORDS), st.text(max_size=4)), max_size=20).map(
        " ".join
    ),
)


@PROPERTY_SETTINGS
@given(rich_text)
def test_masking_is_idempotent(text):
    once = mask(text)
    assert mask(once) == once


@PROPERTY_SETTINGS
@given(rich_text)
def test_spans_are_sorted_non_overlapping_and_inside_the_text(text):
    result = mask_with_spans(text)
    previous_end = 0
    for span in result.spans:
        assert previous_end <= span.start < span.end <= len(text)
        previous_end = span.end


@PROPERTY_SETTINGS
@given(st.text())
def test_detect_never_raises_on_any_text(text):
    spans = detect(text)
    assert isinstance(spans, list)
