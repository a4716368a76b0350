"""Which subjects a query speaks of, so that the fiche of the most likely one comes first.

Three kinds of evidence, added up:
- the hand-written rules of the questions room (portail/questions/classify.py: the words
  residents use for each subject, with their spoken and phonetic spellings), run on what the
  person typed and on the corrected, expanded words;
- how well the query's words match each subject's fiche (title, subject description, text),
  relative to the best matching fiche;
- the glossary words named in the query: each votes for the subjects it belongs to.
"""

from collections import defaultdict

from portail.questions.classify import rank as rule_rank

RULE_WEIGHT = 1.0
RULE_HALF = 4.0  # a rule total of 4 gives half the rule weight
FICHE_WEIGHT = 0.8
FICHE_FULL = 0.25  # a fiche text score from which the fiche evidence counts in full
GLOSSARY_WEIGHT = 0.35


def rule_scores(query, knowledge):
    """{subject key: best rule total} over the typed text and the corrected words."""
    found = {}
    # « pane » is a real word: the rules also read the word of ours it sounds like (« panne »).
    hints = " ".join(term.words[0] for term in query.terms if term.kind == "sounds-like")
    for text in dict.fromkeys([query.text, f"{query.normalised_text} {hints}"]):
        for suggestion in rule_rank(text, knowledge.subjects):
            found[suggestion.key] = max(found.get(suggestion.key, 0.0), suggestion.score)
    return found


def subject_scores(query, knowledge, fiche_text_scores):
    """{subject key: score}, higher is likelier. `fiche_text_scores`: {subject key: text score
    of its fiche for this query}."""
    known = set(knowledge.subject_titles)
    scores = defaultdict(float)
    for key, total in rule_scores(query, knowledge).items():
        if key in known and total > 0:
            scores[key] += RULE_WEIGHT * total / (total + RULE_HALF)
    best = max(fiche_text_scores.values(), default=0.0)
    if best > 0:
        strength = min(1.0, best / FICHE_FULL)
        for key, score in fiche_text_scores.items():
            if score > 0:
                scores[key] += FICHE_WEIGHT * strength * score / best
    for slug in query.glossary:
        entry = knowledge.vocabulary.glossary.get(slug)
        subjects = [key for key in (entry.subjects if entry else ()) if key in known]
        for key in subjects:
            scores[key] += GLOSSARY_WEIGHT / len(subjects)
    return dict(scores)
