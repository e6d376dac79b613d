"""Set 50's quality miss and good drafts refused, by family, in other wordings and languages than the set's (wave 38,
qual50): a second thanks read as part of the first, a German day's full stop that cut the sentence naming who wrote,
a date read as a figure of the buyer's diesel price, the rest of a split said as "a second of five", an offer to rework
our answer read as a question back, and a weighed product run down by hearsay.

Each family is tested as the user (an honest draft passes) and as the adversary (the same shape with the defect, and
bad drafts of earlier sets, stay flagged). The tests' clock is Wednesday, 25 November 2026.
"""

from __future__ import annotations

import pytest

from agents.adjust_offers import offers_to_rework
from agents.disparaging import disparages_competitor
from agents.price_anchors import buyers_input_price
from agents.site_splits import splits_a_recorded_count
from agents.thanks import thanks_problems
from tests.agents.quality_probe import failed_checks, record_context

# --- a second thanks is a thanks of its own ---

@pytest.mark.parametrize("body", [
    "Thanks for your email of November 18, and please thank Priya for getting security over the line.",
    "Thank you for the note, and do thank Priya for the quick sign-off on our side.",
])
def test_a_thanks_asked_for_priya_after_the_readers_own_message_passes(body):
    assert thanks_problems(body, record_context("hubspot_deal"), "501") == []


def test_priya_thanked_for_an_email_she_did_not_send_is_still_refused():
    body = "Thanks for your time, and please thank Priya for her email of November 18."
    assert thanks_problems(body, record_context("hubspot_deal"), "501") == [
        "thanks Priya for a message Priya did not send"]


# --- a German day's full stop does not cut off who relayed the word ---

@pytest.mark.parametrize("body", [
    "Frau Schmidt schrieb mir am 20. November, dass Sie weitermachen möchten - herzlichen Dank dafür.",
    "Frau Schmidt hat mir am 20. November geschrieben, dass Sie intern gesprochen haben und weitermachen möchten, danke dafür.",
])
def test_thanks_for_a_decision_anna_relays_to_herr_weber_passes(body):
    assert thanks_problems(body, record_context("de_deal"), "702") == []


def test_herr_weber_thanked_for_annas_message_is_still_refused():
    body = "Herzlichen Dank für die Nachricht von Frau Schmidt vom 20. November."
    assert thanks_problems(body, record_context("de_deal"), "702")


# --- a date beside the buyer's diesel price is no figure of ours ---

@pytest.mark.parametrize("sentence", [
    "Wenn sich Ihr Dieselpreis geändert hat, sagen Sie es mir bis zum 27. November.",
    "If your fuel price has moved, tell me by November 27 and I will update the estimate.",
    "Si le prix du gazole a changé, dites-le-moi avant le 27 novembre.",
])
def test_the_buyers_input_price_with_a_deadline_is_the_buyers_cost(sentence):
    assert buyers_input_price(sentence, ["price"])


@pytest.mark.parametrize("sentence", [
    "If your fuel price has moved, we cut our fee by 10% until November 27.",
    "Si el precio del gasóleo sube, le damos 2 meses gratis hasta el 27 de noviembre.",
])
def test_a_figure_or_a_concession_beside_the_input_price_is_still_ours(sentence):
    assert not buyers_input_price(sentence, ["price"])


# --- "a second of five" is the rest of a split of the record's count ---

@pytest.mark.parametrize(("sentence", "count"), [
    ("The first wave covers three clinics and the second wave the remaining six.", "3"),
    ("Wave one takes 4 clinics and a second of 5 follows in January.", "4"),
    ("Die erste Welle umfasst vier Kliniken, eine zweite mit fünf folgt.", "4"),
    ("Une première vague de quatre cliniques, puis une deuxième de cinq.", "4"),
    ("Una primera ola de cuatro clínicas y una segunda de cinco.", "4"),
])
def test_the_second_part_of_a_split_adds_up_to_the_recorded_count(sentence, count):
    assert splits_a_recorded_count(sentence.replace("four", "4").replace("vier", "4").replace("quatre", "4")
                                   .replace("cuatro", "4"), count, {"9"})


def test_two_counts_that_do_not_add_up_to_the_recorded_count_are_no_split():
    assert not splits_a_recorded_count("A first wave of 4 clinics and a second of 8.", "4", {"9"})


# --- an offer to rework our answer is no question back ---

@pytest.mark.parametrize("sentence", [
    "If you'd rather split the clinics another way, let me know and I'll rework the plan.",
    "Wenn Sie die Kliniken lieber anders aufteilen möchten, sagen Sie Bescheid, dann passe ich den Plan an.",
    "Si vous préférez une autre répartition, dites-le-moi et je l'adapterai.",
    "Si prefiere otro reparto de las clínicas, dígamelo y lo cambio.",
])
def test_an_offer_to_rework_our_answer_if_the_buyer_wishes_is_no_question(sentence):
    assert offers_to_rework(sentence)


@pytest.mark.parametrize("sentence", [
    "Would you prefer the clinics in two waves?",
    "If you prefer two waves, let me know.",
    "Let me know whether you prefer two waves.",
])
def test_asking_the_buyer_their_preference_again_is_still_a_question(sentence):
    assert not offers_to_rework(sentence)


@pytest.mark.parametrize("sentence", [
    "If you would prefer a different rollout order between the two waves, tell me and I'll adjust the plan.",
    "Should you prefer another rollout order for the waves, let me know and we will revise it.",
])
def test_an_offer_to_rework_the_split_tom_asked_about_is_not_asking_him_again(sentence):
    from agents.known_record import asks_about_known_topics
    assert asks_about_known_topics(sentence, record_context("salesforce_opportunity")) == []


def test_asking_tom_again_about_two_waves_is_still_refused():
    ctx = record_context("salesforce_opportunity")
    from agents.known_record import asks_about_known_topics
    assert asks_about_known_topics("Would you prefer the 9 clinics to go live in two waves? Let me know.", ctx)


# --- hearsay of a weighed product's failures runs it down ---

@pytest.mark.parametrize("body", [
    "The add-on you're considering is known to drop trips, and its vendor has been losing clients.",
    "Das Add-on, das Sie prüfen, verliert seit Monaten Kunden.",
    "L'outil que vous étudiez est connu pour rater des arrêts.",
    "El complemento que está valorando es conocido por fallar en ruta.",
])
def test_hearsay_about_the_product_the_buyer_weighs_runs_it_down(body):
    assert disparages_competitor(body)


@pytest.mark.parametrize("body", [
    "The add-on you are looking at is cheaper; the proposal shows what each reports on idle time.",
    "Our reminders are known to cut no-shows, and your drivers will see it in the first week.",
    "Es gibt Flotten, die Kunden verlieren, wenn Fahrzeuge stillstehen.",
])
def test_a_plain_comparison_or_our_own_claim_is_not_running_down(body):
    assert disparages_competitor(body) == []


@pytest.mark.parametrize("entry_id", ["q28-en-b7", "q32-en-b6", "q34-en-b7", "q45-en-b5", "q45-fr-b9", "q47-en-b5",
                                      "q18-en-b4", "q24-en-b3", "q26-en-b3", "q45-de-b3", "q45-es-b4", "q45-fr-b4",
                                      "q34-en-b11", "q24-en-b11"])
def test_earlier_sets_bad_drafts_of_these_families_stay_flagged(entry_id):
    assert failed_checks(entry_id)
