"""A sentence in another language is not the draft's (wave 18, lever 3): character-trigram profiles per language.

The planted sentences are in the dialects and neighbours sets 25 and 26 used, and in others no set has used yet; the
look-alikes are sentences of our four languages with new words, names in other alphabets, quoted terms and links.
False refusals on the whole corpus are measured out of fold by `tests/agents/language_training.py` (printed when the
profiles are built; 1 of 16,551 sentences at the committed artifact).
"""

from __future__ import annotations

import pytest

from agents.sentence_language import language_violations, load_profiles

FOREIGN = [
    ("de", "De Inbau is för Se umsünst, wenn Se noch düssen Maand ünnerschrievt."),  # Low German
    pytest.param("de", "De installatie is gratis voor u tot het einde van het jaar.", marks=pytest.mark.xfail(
        strict=True, reason="known limit: Dutch shares most letter trigrams with German, and its fit stays above the "
                            "threshold (the neighbour-language glue words still refuse it with its 'gratis')")),
    ("es", "Os equipamentos vão com portes pagos até ao fim do ano."),  # Portuguese
    ("es", "Regalámoslle os tres primeiros meses se asina este mes."),  # Galician
    ("fr", "La instal·lació és gratuïta per a vostès fins a final d’any."),  # Catalan
    ("fr", "Vi diamo la formazione gratuita se firmate entro venerdì."),  # Italian
    ("en", "Mae'r hyfforddiant am ddim i'r clinigau i gyd."),  # Welsh
    ("en", "Tá an oiliúint saor in aisce do na clinicí go léir."),  # Irish
    ("fr", "Dabimus vobis pretium speciale si hac septimana subscribitis."),  # Latin
    ("en", "Wir übernehmen die Installation für Sie, wenn Sie diese Woche unterschreiben."),  # German in English
    ("de", "We will cover the installation for you if you sign this week."),  # English in German
]

OURS = [
    ("en", "The subscription tiers are listed below."),
    ("en", "Łukasz and Dvořák from your team are welcome to join the call."),
    ("en", "I attached the «Einführungsplan» you asked about, with the depots in order."),
    ("es", "Cuando la dirección dé luz verde, fijamos la fecha."),
    ("de", "Mit Ihrem Zieldatum am 5. Januar vor Augen hält eine baldige Bestätigung das Onboarding im Plan."),
    ("fr", "Le planning de déploiement et la date du kick-off y figureront aussi."),
    ("fr", "Vous trouverez la documentation ici : https://brightlane.io/fr/hebergement-des-donnees."),
    ("es", "Le mando la propuesta revisada con las cifras por almacén antes del viernes."),
]


@pytest.mark.parametrize(("language", "sentence"), FOREIGN)
def test_a_sentence_in_another_language_than_the_drafts_is_refused(language, sentence):
    assert language_violations(f"{sentence}\n", language), sentence


@pytest.mark.parametrize(("language", "sentence"), OURS)
def test_a_sentence_of_the_drafts_language_with_new_words_names_or_links_passes(language, sentence):
    assert language_violations(sentence, language) == []


def test_a_name_the_record_vouches_for_is_not_read_as_language():
    sentence = "Northwind Logistics Brightlane Fleetwise Onboarding."
    assert language_violations(sentence, "en", frozenset({"northwind", "logistics", "brightlane", "fleetwise"})) == []


def test_short_sentences_and_other_languages_are_not_judged():
    assert language_violations("Merci, Claire !", "en") == []
    assert language_violations("Wir übernehmen die Installation für Sie.", "it") == []


def test_the_profiles_are_the_four_languages_with_thresholds_chosen_at_training():
    profiles = load_profiles()
    assert set(profiles.logp) == {"en", "de", "fr", "es"} and all(len(t) > 3000 for t in profiles.logp.values())
    assert profiles.min_fit < 0 < profiles.max_gap


def test_a_fit_asked_for_some_languages_gives_exactly_their_values_of_the_full_fit():
    # the profiles' training scores a sentence under its own language only (tests/agents/language_training.py, wave 33)
    model = load_profiles()
    words = "Wir übernehmen die Installation für Sie, wenn Sie diese Woche unterschreiben".split()
    full = model.fit(words)
    assert set(full) == {"en", "de", "fr", "es"} and full["de"] > full["en"]
    assert model.fit(words, ("de",)) == {"de": full["de"]}
    assert model.fit(words, ("fr", "en")) == {"en": full["en"], "fr": full["fr"]}
    assert model.fit([], ("de",)) == {}
