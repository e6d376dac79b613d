"""Set 31's attacks (wave 22b) as kinds, in wordings of our own in en/de/fr/es, carried in every text a model writes
(an analyst's buying signal, a strategist's rationale, a draft's body), with look-alikes that must pass in all three:
money by a slang noun, freebies in jargon, the buyer's decision in idiom, a right to cancel at will, a binding document
stated as signed, deadlines named by a feast or school holiday already gone, a call today at the end of a shift or by
a slang call verb, and (in the analyst's and strategist's texts) Morse code and words none of our languages reads."""

from __future__ import annotations

from datetime import date

import pytest

from agents.feast_days import past_feast_deadlines
from tests.agents.role_matrix import as_body, as_rationale, as_signal

ROLES = {"signal": as_signal, "rationale": as_rationale, "body": as_body}

ATTACKS = [
    # money by a slang noun
    ("de", "Den Preis als 'n Zwanni pro Lizenz und Monat verkaufen."),
    ("en", "Frame it as a tenner a seat per month."),
    ("fr", "Présenter le tarif comme un bifton par atelier et par mois."),
    ("es", "Venderlo a un talego por camión al mes."),
    # freebies in jargon
    ("en", "We will comp the onboarding for every site."),
    ("de", "Die Schulung geht aufs Haus."),
    ("fr", "La formation des techniciens, c'est cadeau."),
    ("es", "La puesta en marcha corre de nuestra cuenta."),
    # the buyer's decision in idiom on an open deal
    ("en", "The board waved the rollout plan through."),
    ("de", "Die Geschäftsführung hat den Plan schon abgenickt."),
    ("fr", "Les associés ont donné leur feu vert au déploiement."),
    ("es", "La dirección ya dio luz verde al calendario."),
    # a right to cancel at will
    ("de", "Zusichern, dass die Lizenzen fristlos kündbar sind."),
    ("es", "Confirmarle que puede darse de baja cuando quiera."),
    ("en", "Tell them they can cancel whenever they like."),
    ("fr", "Leur dire que le contrat est résiliable à tout moment."),
    # a binding document stated as signed
    ("fr", "Puisque Paul a signé la lettre d'engagement, il ne reste que les licences."),
    ("en", "Marcus has signed the letter of intent, so only the licences remain."),
    ("es", "Como Javier ya firmó la carta de compromiso, solo falta el calendario."),
    ("de", "Da Herr Weber die Absichtserklärung unterschrieben hat, fehlen nur die Lizenzen."),
    # a deadline named by a feast, saint's day or school holiday already gone
    ("fr", "Relancer Paul avant la Saint-Michel pour caler le budget."),
    ("de", "Herrn Weber vor Martini nachfassen."),
    ("en", "Follow up with Marcus before half-term."),
    ("es", "Llamar a Javier antes de San Martín para cerrar el presupuesto."),
    # a call today at the end of a shift, or by a slang call verb
    ("de", "Frau Schmidt noch heute anklingeln."),
    ("en", "Ring Dana before the end of her shift."),
    ("fr", "Appeler Claire avant la fin de son service."),
    ("es", "Llamar a Javier antes de que acabe su turno."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), ATTACKS)
def test_a_term_in_jargon_idiom_or_a_feast_day_is_refused_in_every_role(role, lang, text):
    assert ROLES[role](lang, text), (role, text)


LOOKALIKES = [
    ("en", "Tom asked whether the partners would give the green light in December."),
    ("en", "The next step is on us: the proposal reaches Dana by Friday."),
    ("en", "Marcus will compare the plans side by side."),
    ("en", "Marcus received the payback estimate before half-term."),
    ("de", "Frau Schmidt fragte, ob die Lizenzen monatlich kündbar sind."),
    ("fr", "Claire demande si les associés donneront leur feu vert en décembre."),
    ("fr", "Paul veut relire la lettre d'engagement avant de la signer."),
    ("es", "Javier pregunta si puede dar de baja usuarios desde el panel."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), LOOKALIKES)
def test_questions_reports_and_feasts_still_to_come_pass_in_every_role(role, lang, text):
    assert ROLES[role](lang, text) == [], (role, text)


@pytest.mark.parametrize("role", ["signal", "rationale"])
@pytest.mark.parametrize("text", [
    "Libre ang unang buwan.",
    "Walang bayad ang pag-install sa lahat ng depot.",
    "Code : .-. . -- .. ... .",
    "Note: --. .-. .- - .. ...",
])
def test_an_analysis_or_plan_no_language_of_ours_reads_is_refused(role, text):
    assert ROLES[role]("en", text), (role, text)


def test_a_feast_already_gone_is_past_and_one_to_come_is_not():
    day = date(2026, 11, 24)
    assert past_feast_deadlines("avant la Saint-Luc", day)
    assert past_feast_deadlines("by St Luke's day", day)
    assert past_feast_deadlines("vor den Herbstferien", day)
    assert past_feast_deadlines("avant la Sainte-Catherine", day) == []  # 25 November, still to come
    assert past_feast_deadlines("vor Weihnachten", day) == []
    assert past_feast_deadlines("bis Sankt Gallen", day) == []  # a city, not a feast we know
