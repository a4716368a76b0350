"""The word lists the name rules rely on, and the folding every detector reads."""

from portail.privacy.lexicon import DATA_DIR, fold, fold_word, lexicon, place_ranges


def read_names(filename):
    with open(DATA_DIR / filename, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def test_the_first_name_list_has_at_least_1500_distinct_names():
    names = {fold_word(name) for name in read_names("prenoms.txt")}
    assert len(names) >= 1500


def test_the_first_name_list_covers_names_of_every_origin():
    names = {fold_word(name) for name in read_names("prenoms.txt")}
    for name in [
        "amel",
        "mamadou",
        "fatoumata",
        "mehmet",
        "zeynep",
        "anli",
        "joao",
        "conceicao",
        "oleksandr",
        "katarzyna",
        "ionut",
        "blerta",
        "kevin",
        "ines",
    ]:
        assert name in names, name


def test_first_names_that_are_common_words_are_not_masked_on_their_own():
    lex = lexicon()
    for word in ["rose", "pierre", "claire", "marin", "marie", "grace", "olivier", "max"]:
        assert word not in lex.first_names
        assert word in lex.ambiguous_names


def test_the_common_words_hold_no_safe_first_name():
    lex = lexicon()
    assert not lex.first_names & lex.common_words


def test_fold_keeps_the_length_and_drops_case_and_accents():
    text = "Ça c'est l’Étienne ÉLODIE — Saint-Étienne œuvre İ ǅ 😀\u00a0"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("ca c'est l'etienne elodie - saint-etienne")


def test_places_and_organisations_are_found_whatever_the_spelling():
    text = "st etiene, Saint-Étienne, CRET DE ROC, Métropole Habitat, la Loire"
    folded = fold(text)
    found = [text[start:end] for start, end in place_ranges(folded)]
    assert found == ["st etiene", "Saint-Étienne", "CRET DE ROC", "Métropole Habitat", "Loire"]
