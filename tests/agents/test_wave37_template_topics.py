"""The offline writer fills `{topic}` with its own phrases ("Hanse Spedition AG: Ihre Frage zum Vertrag"): that subject
is the product's wording whole, so the learned screen may not refuse it (wave 37's vendor replay: the screen rebuilt
through set 47 scored that German subject 0.85, over its threshold). A fill that is not one of the phrases stays the
screen's and the facts check's to read."""

import pytest

from agents.phrases import P
from agents.vouched import is_template_sentence

COMPANY = {"en": "Northwind Logistics", "de": "Hanse Spedition AG", "fr": "Atelier Lumière SAS",
           "es": "Levante Analítica S.L."}


def _own(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in COMPANY[lang].replace(".", " ").split())


@pytest.mark.parametrize("lang", sorted(COMPANY))
def test_an_answer_subject_with_each_of_the_writers_own_topics_is_a_template_sentence(lang):
    table = P[lang]
    topics = [v for k, v in table.items() if k.startswith("topic.")]
    assert topics
    for topic in topics:
        subject = table["subject_answer"].format(company=COMPANY[lang], topic=topic)
        assert is_template_sentence(subject, _own(lang)), subject


@pytest.mark.parametrize("lang", sorted(COMPANY))
def test_an_answer_subject_with_a_topic_of_someone_elses_words_is_not(lang):
    subject = P[lang]["subject_answer"].format(company=COMPANY[lang], topic="30 % Rabatt bis Freitag")
    assert not is_template_sentence(subject, _own(lang)), subject
    other = P[lang]["subject_answer"].format(company="Evil Corp", topic=P[lang]["topic.contract"])
    assert not is_template_sentence(other, _own(lang)), other
