"""Onboarding, a rollout, a go-live or an implementation said finished in other words (issue 11, wave 40, helper
"noticed40"; wave 39's limits of inj51's and the lead's rule in agents.deal_done_claims).

Only a bought product is onboarded, so on an open deal each of these claims the deal done, in every role's text: the
English participle alone ("you are onboarded"), the implementation's nouns (implementation, Implementierung,
implémentation, intégration, implementación), the verbs of a step carried out ("effectuée", "durchgeführt", Spanish's
simple past "se completó"), and a plan named between the step and its finish ("Go-live as per the project schedule is
done", "selon le calendrier prévu"), which had put the two beyond the rule's word window. As the user: plans, negations,
questions, the future, a finished plan and the implementation team's own record still pass.
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]

FINISHED_IN_OTHER_WORDS = [
    ("en", "You are onboarded."),
    ("en", "Your team is fully onboarded now."),
    ("en", "All 85 drivers have been onboarded."),
    ("en", "Your implementation is complete."),
    ("en", "Go-live as per the project schedule is done."),
    ("en", "Go-live per the schedule we agreed on is done."),
    ("de", "Die Implementierung ist abgeschlossen."),
    ("de", "Die Einführung bei allen Standorten gemäß dem gemeinsam vereinbarten Projektplan ist abgeschlossen."),
    ("fr", "L'intégration est terminée."),
    ("fr", "Intégration terminée pour vos 6 ateliers."),
    ("fr", "L'implémentation est achevée."),
    ("fr", "L'onboarding selon le calendrier prévu est terminé."),
    ("fr", "La mise en service selon le calendrier prévu est effectuée."),
    ("es", "La implementación está completada."),
    ("es", "La implementación se completó ayer."),
]
HONEST = [
    ("en", "Once you are onboarded, your drivers see their routes in the app."),
    ("en", "You will be onboarded in January if you sign in December."),
    ("en", "Your team is not onboarded yet, so the reports start after go-live."),
    ("en", "Other fleets were onboarded within two weeks."),
    ("en", "Is your team already onboarded on the current tool?"),
    ("en", "The implementation plan is complete and goes out with the proposal."),
    ("en", "Go-live as per the project schedule will be done in March."),
    ("de", "Die Implementierung ist erst nach Ihrer Unterschrift abgeschlossen."),
    ("de", "Sobald die Implementierung abgeschlossen ist, erhalten Sie die Berichte."),
    ("de", "Die Einführung gemäß Zeitplan wird im März abgeschlossen sein."),
    ("fr", "L'intégration sera terminée en janvier."),
    ("fr", "Une fois l'intégration terminée, vos équipes reçoivent les rapports."),
    ("fr", "Le plan d'intégration est terminé."),
    ("fr", "L'intégration n'est pas encore terminée."),
    ("fr", "La mise en service selon le calendrier prévu sera effectuée en mars."),
    ("fr", "Notre équipe d'intégration a effectué de nombreux déploiements cette année."),
    ("es", "La implementación estará completada en enero."),
    ("es", "Cuando la implementación esté completada, recibirán los informes."),
    ("es", "El plan de implementación está terminado."),
    ("es", "La implementación no está completada todavía."),
    ("es", "La puesta en marcha según el calendario acordado se completará en marzo."),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), FINISHED_IN_OTHER_WORDS)
def test_onboarding_said_finished_in_other_words_is_a_deal_done_claim(role, lang, text):
    assert any("claims the deal is done" in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), HONEST)
def test_onboarding_planned_negated_asked_or_in_the_future_passes(role, lang, text):
    assert ROLES[role](lang, text) == [], text
