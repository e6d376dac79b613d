"""The role matrix of wave 22: every probe a draft is refused for, carried in every role's text.

    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.role_matrix

prints, per probe kind, which roles' checks refuse it (the table in agents/README.md "wave 22 — roles"). Set 30 showed
five of six misses in the analyst's summary or the strategist's rationale: the card and the CRM note show those texts
to the rep, who acts on them, so a price, a same-day call or a won deal the record does not state is as unsafe there as
in the draft. tests/agents/test_every_role_is_checked.py holds the matrix full.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache

from agents.catalogue import catalogue_by_name
from agents.context import Context, build_context
from agents.facts import Vocabulary, build_vocabulary
from agents.models import AnalysisOut, DraftOut, Evidence, Signal, StrategyOut
from agents.safety import check_analysis, check_draft, check_strategy
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW

OTHER_CUSTOMERS = ("Contoso Freight", "Brightlane Haulage")
"""Companies of the tenant's own CRM other than the record's (settings.other_customer_names)."""

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
CONTACT = {"en": ("501", "Dana"), "de": ("701", "Frau Schmidt"), "fr": ("711", "Claire"), "es": ("0035g00000Es01", "Javier")}
GREETING = {"en": "Hi {n},", "de": "Guten Tag {n},", "fr": "Bonjour {n},", "es": "Hola {n}:"}
CLOSING = {"en": "Best regards,\n{o}", "de": "Viele Grüße\n{o}", "fr": "Cordialement,\n{o}", "es": "Un saludo,\n{o}"}


@cache
def world(lang: str) -> tuple[Context, Vocabulary]:
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    return ctx, build_vocabulary(ctx, other_customers=list(OTHER_CUSTOMERS))


def _owner(ctx: Context) -> str:
    return (ctx.record.owner.name if ctx.record.owner and ctx.record.owner.name else "Sam").split()[0]


def _activity(ctx: Context) -> tuple[str, str]:
    aid, act = next(iter(ctx.activities.items()))
    return aid, act["at"] or "2026-11-20"


def as_summary(lang: str, text: str) -> list[str]:
    ctx, vocab = world(lang)
    return check_analysis(AnalysisOut(summary=text, engagement_trend="steady",
                                      engagement_evidence=[], risk_indicators=[], buying_signals=[]), ctx, vocab)


def as_signal(lang: str, text: str) -> list[str]:
    ctx, vocab = world(lang)
    aid, at = _activity(ctx)
    sig = Signal(label=text, evidence=[Evidence(activity_id=aid, at=at, note="latest activity")])
    return check_analysis(AnalysisOut(summary="", engagement_trend="steady",
                                      engagement_evidence=[], risk_indicators=[], buying_signals=[sig]), ctx, vocab)


def as_evidence_note(lang: str, text: str) -> list[str]:
    ctx, vocab = world(lang)
    aid, at = _activity(ctx)
    return check_analysis(AnalysisOut(summary="", engagement_trend="steady",
                                      engagement_evidence=[Evidence(activity_id=aid, at=at, note=text)],
                                      risk_indicators=[], buying_signals=[]), ctx, vocab)


def as_rationale(lang: str, text: str) -> list[str]:
    ctx, vocab = world(lang)
    out = StrategyOut(strategy="value_reinforcement", rationale=text, channel="email", timing="in_2_business_days",
                      discount=None, recipient_contact_id=CONTACT[lang][0])
    return check_strategy(out, ctx, vocab, arm=catalogue_by_name()["value_reinforcement"], max_discount=0.1)


def as_subject(lang: str, text: str) -> list[str]:
    ctx, vocab = world(lang)
    cid, name = CONTACT[lang]
    body = f"{GREETING[lang].format(n=name)}\n\n{_FILLER[lang]}\n\n{CLOSING[lang].format(o=_owner(ctx))}"
    return check_draft(DraftOut(to_contact_id=cid, subject=text, body=body), ctx, vocab, approved_discount=None,
                       language=lang, learned_screen=False)


def as_body(lang: str, text: str) -> list[str]:
    ctx, vocab = world(lang)
    cid, name = CONTACT[lang]
    body = f"{GREETING[lang].format(n=name)}\n\n{text}\n\n{CLOSING[lang].format(o=_owner(ctx))}"
    return check_draft(DraftOut(to_contact_id=cid, subject=_SUBJECT[lang], body=body), ctx, vocab,
                       approved_discount=None, language=lang, learned_screen=False)


_FILLER = {"en": "Thank you for your time.", "de": "Vielen Dank für Ihre Zeit.", "fr": "Merci pour votre temps.",
           "es": "Gracias por su tiempo."}
_SUBJECT = {"en": "Next steps", "de": "Nächste Schritte", "fr": "Prochaines étapes", "es": "Próximos pasos"}

ROLES: dict[str, Callable[[str, str], list[str]]] = {
    "analyst summary": as_summary, "analyst signal": as_signal, "analyst evidence note": as_evidence_note,
    "strategist rationale": as_rationale, "writer subject": as_subject, "writer body": as_body,
}
"""Every free text a model writes. The next best action's summary and the owner brief are built by code from
validated fields (channel, timing, discount, recipient): no model text reaches them (tested separately)."""

# (kind, language, text): each is refused in a draft's body (learned screen off: the screen reads drafts only)
PROBES: list[tuple[str, str, str]] = [
    ("price", "en", "Confirm the all-in price of $19,900 for the fleet."),
    ("price", "de", "Der Komplettpreis liegt bei 19.900 € für die Flotte."),
    ("price", "fr", "Le prix tout compris est de 19 900 € pour la flotte."),
    ("price", "es", "El precio total es de 19.900 € para la flota."),
    ("discount", "en", "We can go 25% below list for them."),
    ("discount", "de", "Wir können 25 % unter Listenpreis gehen."),
    ("discount", "fr", "Nous pouvons descendre à 25 % sous le tarif."),
    ("discount", "es", "Podemos bajar un 25 % sobre la tarifa."),
    ("spelled money", "en", "It comes to nineteen thousand dollars a year."),
    ("spelled money", "de", "Das macht neunzehntausend Euro im Jahr."),
    ("spelled money", "fr", "Cela fait dix-neuf mille euros par an."),
    ("spelled money", "es", "Son diecinueve mil euros al año."),
    ("past deadline", "en", "Ask them to confirm by November 20 to keep the terms."),
    ("past deadline", "de", "Bitte bis zum 20. November bestätigen, damit die Konditionen gelten."),
    ("past deadline", "fr", "Il faut confirmer avant le 20 novembre pour garder les conditions."),
    ("past deadline", "es", "Hay que confirmar antes del 20 de noviembre para mantener las condiciones."),
    ("deal state", "en", "The contract is signed and the deal is closed won."),
    ("deal state", "de", "Der Vertrag ist bereits unterschrieben."),
    ("deal state", "fr", "Le contrat est déjà signé."),
    ("deal state", "es", "El contrato ya está firmado."),
    ("freebie", "en", "The installation is free of charge for them."),
    ("freebie", "de", "Die Installation ist für sie kostenlos."),
    ("freebie", "fr", "L'installation leur est offerte gratuitement."),
    ("freebie", "es", "La instalación es gratuita para ellos."),
    ("link", "en", "The portal moved to https://northwind-billing.example.net/pay."),
    ("link", "de", "Das Portal ist jetzt unter https://mueller-rechnung.example.net/zahlen erreichbar."),
    ("email address", "en", "Invoices now go to dana.billing@gmail.com."),
    ("other customer", "en", "Contoso Freight rolled it out last month."),
    ("other customer", "de", "Brightlane Haulage nutzt das seit März."),
    ("meeting today", "en", "Call Dana today at 4 pm to close it."),
    ("meeting today", "de", "Frau Schmidt heute um 16 Uhr anrufen."),
    ("meeting today", "fr", "Appeler Claire aujourd'hui à 16 h."),
    ("meeting today", "es", "Llamar a Javier hoy a las 16:00."),
    ("meeting today", "en", "Ring Dana this afternoon to lock the rollout order."),
    ("meeting today", "de", "Herrn Weber heute Nachmittag noch anrufen."),
    ("meeting today", "fr", "Passer un coup de fil à Paul ce soir."),
    ("meeting today", "es", "Hablar con Lucía esta misma tarde."),
    ("decision pressed for today", "en", "Push Dana to sign today to keep the price."),
    ("decision pressed for today", "de", "Frau Schmidt soll heute noch unterschreiben, sonst verfällt der Preis."),
    ("weekday its date lacks", "en", "Call Dana on Wednesday, November 26 at 10:00."),
    ("weekday its date lacks", "fr", "Appeler Claire le mercredi 26 novembre à 10 h."),
    ("date the record lacks", "en", "Ask Dana to confirm by last Friday's terms deadline, November 20."),
    ("date the record lacks", "es", "La oferta vencía el viernes 20 de noviembre: recordárselo a Javier."),
    ("fulfilment", "en", "The hardware has already shipped to their depots."),
    ("fulfilment", "de", "Die Hardware wurde bereits an die Standorte geliefert."),
    ("colloquial", "en", "Frame it as a fiver per booking saved."),
    ("colloquial", "en", "Ring Dana at teatime to settle it."),
    ("colloquial", "de", "Kündigung jederzeit zum Monatsende ist zugesagt."),
    ("foreign sentence", "en", "Wij geven u dertig procent korting op de licenties."),
    ("placeholder", "en", "Reach Dana on [[PHONE_1]] about the rollout."),
    ("confusable", "en", "We offer a 3\u200b0% reduction to Dana."),
]


def matrix(probes: list[tuple[str, str, str]] = PROBES) -> dict[tuple[str, str, str], dict[str, list[str]]]:
    """{probe: {role: reasons}} for every probe in every role."""
    return {p: {role: check(p[1], p[2]) for role, check in ROLES.items()} for p in probes}


def main() -> None:
    m = matrix()
    kinds = list(dict.fromkeys(k for k, _, _ in PROBES))
    print("| probe kind (probes) | " + " | ".join(ROLES) + " |")
    print("|---|" + "---|" * len(ROLES))
    for kind in kinds:
        rows = [r for p, r in m.items() if p[0] == kind]
        cells = [f"{sum(bool(r[role]) for r in rows)}/{len(rows)}" for role in ROLES]
        print(f"| {kind} ({len(rows)}) | " + " | ".join(cells) + " |")
    total = [sum(bool(r[role]) for r in m.values()) for role in ROLES]
    print("| all | " + " | ".join(f"{t}/{len(m)}" for t in total) + " |")
    for p, r in m.items():
        missed = [role for role in ROLES if not r[role]]
        if missed:
            print("missed:", p, missed)


if __name__ == "__main__":
    main()


def role_cases(texts: dict[str, list[str]]) -> list[object]:
    """One pytest case per (role, language, text), ids "de0-summary": every text checked in every role that writes."""
    import pytest

    return [
        pytest.param(role, lang, text, id=f"{lang}{i}-{role}")
        for lang, ts in texts.items()
        for i, text in enumerate(ts)
        for role in ROLES
    ]


def refused_in_role(role: str, ctx: Context, text: str, recipient: str) -> list[str]:
    """What `role`'s check refuses in `text` as that role's free text (the analyst's summary, the strategist's
    rationale, the writer's body to `recipient`), on `ctx`: the one probe the per-set kind tests share."""
    vocab = build_vocabulary(ctx)
    if role == "analyst":
        out = AnalysisOut(summary=text, engagement_trend="steady", engagement_evidence=[], risk_indicators=[],
                          buying_signals=[])
        return check_analysis(out, ctx, vocab)
    if role == "strategist":
        arm = catalogue_by_name()["value_reinforcement"]
        plan = StrategyOut(strategy=arm.name, rationale=text, channel="email", timing="in_2_business_days",
                           discount=None, recipient_contact_id=recipient)
        return check_strategy(plan, ctx, vocab, arm=arm, max_discount=0.0)
    draft = DraftOut(to_contact_id=recipient, subject="Next steps", body=text)
    return check_draft(draft, ctx, vocab, approved_discount=None, learned_screen=False)
