"""Understanding what residents type: folding, the oral lexicon, the phonetic key, the spelling
corrector built from our own words, stemming, long testimonies. Pure Python, no database."""

import pytest

from portail.search.frenchwords import is_french_word
from portail.search.phonetic import phonetic_key
from portail.search.spelling import SpellingIndex, edit_distance
from portail.search.text import MAX_QUERY_CHARS, MAX_WORDS, clean, fold, process, stem, words
from portail.search.vocabulary import Vocabulary, VocabularyDocument


@pytest.fixture(scope="module")
def vocabulary():
    documents = [
        VocabularyDocument(
            "depot-de-garantie",
            "glossaire",
            "Dépôt de garantie",
            ["Dépôt de garantie", "caution", "dépôt"],
            "Somme versée au propriétaire à l'entrée dans le logement. Il rend la caution.",
            ["depot-de-garantie"],
        ),
        VocabularyDocument(
            "humidite",
            "glossaire",
            "Humidité",
            ["Humidité", "murs humides"],
            "Trop d'eau dans l'air ou dans les murs du logement : moisissures, humidité.",
            ["humidite-moisissures"],
        ),
        VocabularyDocument(
            "bailleur",
            "glossaire",
            "Bailleur",
            ["Bailleur", "propriétaire", "proprio"],
            "La personne qui loue le logement : le bailleur, le propriétaire.",
        ),
        VocabularyDocument(
            "degat-des-eaux",
            "glossaire",
            "Dégât des eaux",
            ["Dégât des eaux"],
            "De l'eau qui abîme le logement. Appelez l'assurance.",
            ["degat-des-eaux"],
        ),
        VocabularyDocument(
            "chauffage-panne",
            "fiche",
            "Chauffage en panne",
            [],
            "La chaudière est en panne : le chauffage ne fonctionne pas. Le bailleur répare "
            "la chaudière. Le propriétaire paie les réparations du chauffage.",
        ),
        VocabularyDocument(
            "quartiers", "lieu", "", [], "Montreynaud\nLa Cotonne\nTarentaize\nBeaubrun"
        ),
    ]
    return Vocabulary(documents)


# --- Cleaning and folding --------------------------------------------------------------------


def test_folding_removes_case_accents_and_ligatures():
    assert fold("Dégât des EAUX, cœur") == "degat des eaux, coeur"


def test_words_split_on_apostrophes_and_punctuation():
    assert words("L’APL, j'ai «payé» !") == ["l", "apl", "j", "ai", "paye"]


def test_nul_bytes_and_control_characters_are_removed():
    assert clean("cau\x00tion\x07 du\tlogement") == ("cau tion du logement", False)


def test_a_long_text_is_cut_politely_at_a_word_boundary():
    text, truncated = clean("logement " * 400)
    assert truncated
    assert len(text) <= MAX_QUERY_CHARS
    assert text.endswith("logement")


def test_emoji_and_other_scripts_are_ignored_without_error():
    assert words("🏠💧 مرحبا 住宅 humidité") == ["humidite"]


# --- The oral lexicon ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "understood"),
    [
        ("jai", ["j", "ai"]),
        ("ke faire", ["que", "faire"]),
        ("kel proprio", ["quel", "proprietaire"]),
        ("koi", ["quoi"]),
        ("lapl", ["apl"]),
        ("l'apl", ["l", "apl"]),
        ("bayeur", ["bailleur"]),
        ("cosion", ["caution"]),
        ("lumidité", ["humidite"]),
        ("dega des o", ["degat", "des", "eaux"]),
        ("moisi ds la sdb", ["moisi", "dans", "la", "salle", "de", "bain"]),
        ("el casero", ["el", "proprietaire"]),
    ],
)
def test_spoken_and_sms_forms_become_the_words_of_our_content(typed, understood):
    assert process(typed).tokens == understood


def test_a_misspelling_of_the_lexicon_is_shown_as_a_correction():
    query = process("ma cosion")
    assert query.corrected_query == "ma caution"
    assert query.corrections == [("cosion", "caution")]


def test_an_sms_abbreviation_is_read_silently():
    query = process("jfais koi pr mon proprio")
    assert query.corrected_query is None
    assert "proprietaire" in query.tokens


# --- Phonetic key ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "heard"),
    [
        ("caution", "cosion"),
        ("bailleur", "bayeur"),
        ("chaudière", "chodière"),
        ("moisissures", "moisisur"),
        ("fonctionne", "fonksione"),
        ("appartement", "apartemen"),
        ("assurance", "asurance"),
        ("habitation", "abitation"),
        ("quittance", "kitance"),
        ("dégât", "dega"),
        ("eaux", "o"),
    ],
)
def test_words_that_sound_alike_share_a_phonetic_key(written, heard):
    assert phonetic_key(written) == phonetic_key(heard)


@pytest.mark.parametrize(
    ("one", "other"), [("code", "cose"), ("lampe", "rampe"), ("mois", "moisi")]
)
def test_words_that_sound_different_do_not(one, other):
    assert phonetic_key(one) != phonetic_key(other)


def test_the_phonetic_key_of_nothing_is_empty():
    assert phonetic_key("") == ""
    assert phonetic_key("!!!") == ""


# --- Spelling corrector -------------------------------------------------------------------------


def test_edit_distance_counts_an_inversion_as_one_edit():
    assert edit_distance("caution", "cuation") == 1
    assert edit_distance("caution", "caution") == 0
    assert edit_distance("a", "abcdefgh", limit=3) == 4


def test_the_corrector_finds_a_word_two_edits_away():
    index = SpellingIndex({"chauffage": 10, "chaudiere": 5})
    assert index.correct("chaufage") == "chauffage"
    assert index.correct("chaudiere") is None


def test_the_corrector_only_corrects_towards_our_vocabulary(vocabulary):
    assert vocabulary.correct("chodiere") == ("chaudiere", True)
    assert vocabulary.correct("fonksione") == ("fonctionne", True)


def test_a_real_french_word_we_do_not_use_is_not_corrected(vocabulary):
    _corrected, is_correction = vocabulary.correct("lampe")
    assert not is_correction


def test_a_place_name_is_never_corrected(vocabulary):
    assert vocabulary.correct("montreynaud") == (None, False)


def test_an_article_glued_to_a_word_is_removed(vocabulary):
    assert vocabulary.correct("lumidite")[0] == "humidite"


def test_the_french_word_list_is_searched_by_bisection():
    assert is_french_word("logement")
    assert is_french_word("abaca")
    assert not is_french_word("logemen")
    assert not is_french_word("")
    assert not is_french_word("é")


def test_a_corrected_query_keeps_the_rest_of_the_text(vocabulary):
    query = process("ma chodière ne fonksione plus !", vocabulary)
    assert query.corrected_query == "ma chaudière ne fonctionne plus !"
    assert ("chodière", "chaudiere") in query.corrections


def test_the_corrections_can_be_turned_off(vocabulary):
    query = process("ma chodière", vocabulary, correct=False)
    assert query.corrected_query is None
    assert "chodiere" in query.tokens


# --- Stemming, synonyms, informative words ------------------------------------------------------


def test_stemming_gives_one_stem_to_singular_plural_and_verb_forms():
    assert stem("logement") == stem("logements")
    assert stem("moisissures") == stem("moisissure")
    assert stem("expulse") == stem("expulsion")


def test_a_glossary_name_brings_its_other_names_as_synonyms(vocabulary):
    query = process("ma caution", vocabulary)
    assert query.glossary == ["depot-de-garantie"]
    synonyms = {term.words for term in query.terms if term.kind == "synonym"}
    assert ("depot", "de", "garantie") in synonyms


def test_plural_and_elided_forms_find_the_glossary_word(vocabulary):
    assert process("des bailleurs", vocabulary).glossary == ["bailleur"]
    assert process("l'humidité", vocabulary).glossary == ["humidite"]


def test_a_name_is_found_by_its_sound_when_misspelled(vocabulary):
    assert process("dégas des o", vocabulary).glossary == ["degat-des-eaux"]


def test_a_short_word_sharing_a_stem_is_not_taken_for_a_glossary_name(vocabulary):
    assert "humidite" not in process("ce mois humide", vocabulary).glossary


def test_stopwords_are_not_searched(vocabulary):
    query = process("je voudrais savoir comment faire avec mon bailleur", vocabulary)
    assert query.words == ["bailleur"]


def test_a_long_testimony_is_searched_by_its_rarest_words(vocabulary):
    story = (
        "Bonjour, je vous écris parce que depuis l'hiver dernier la chaudière de mon logement "
        "tombe en panne toutes les semaines, le chauffage ne fonctionne plus, mes enfants ont "
        "froid, j'ai appelé plusieurs fois, personne ne vient, on m'a dit d'attendre encore "
        "et encore, je ne sais plus quoi faire, aidez moi s'il vous plaît, merci beaucoup."
    ) * 3
    query = process(story, vocabulary)
    assert len(query.words) == MAX_WORDS
    assert {"chaudiere", "chauffage", "panne"} <= set(query.words)


def test_only_punctuation_gives_an_empty_query(vocabulary):
    assert process("?!… -- (( ** ::", vocabulary).is_empty
    assert process("", vocabulary).is_empty
