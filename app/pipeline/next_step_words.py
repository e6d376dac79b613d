"""The next best action in words, in the record's language (en/de/fr/es), with whether it waits for a manager.

What the CRM field `ai_next_best_action` holds, and the strategy's words the task and the card show. Wave 30's walk
read "Email James Moore (limited time incentive) on Mon 07 Dec 10:00 America/New_York, offering 8% off" in the field:
the learning loop's arm name, a time-zone identifier, and no word that the 8% waited for a manager's approval (the
card and the task said so). Pure functions: the caller passes the decided action and the language.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.cards.humanize import words

LANGUAGES = ("en", "de", "fr", "es")

ARM_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "value_reinforcement": "restate the value they asked for",
        "social_proof": "show how similar companies use it",
        "limited_time_incentive": "a time-limited offer",
        "executive_alignment": "bring in their senior sponsor",
        "risk_reversal": "make deciding less risky (a pilot)",
        "education_nurture": "share useful material, no push",
        "re_engagement": "reopen a quiet conversation",
    },
    "de": {
        "value_reinforcement": "den gewünschten Nutzen bekräftigen",
        "social_proof": "zeigen, wie ähnliche Firmen es nutzen",
        "limited_time_incentive": "ein befristetes Angebot",
        "executive_alignment": "die Führungsebene einbeziehen",
        "risk_reversal": "das Risiko der Entscheidung senken (Pilot)",
        "education_nurture": "hilfreiches Material teilen, ohne Druck",
        "re_engagement": "ein ruhiges Gespräch wieder aufnehmen",
    },
    "fr": {
        "value_reinforcement": "rappeler la valeur attendue",
        "social_proof": "montrer comment des entreprises similaires l'utilisent",
        "limited_time_incentive": "une offre limitée dans le temps",
        "executive_alignment": "impliquer leur direction",
        "risk_reversal": "rendre la décision moins risquée (pilote)",
        "education_nurture": "partager des contenus utiles, sans pression",
        "re_engagement": "relancer une conversation en sommeil",
    },
    "es": {
        "value_reinforcement": "reforzar el valor que pidieron",
        "social_proof": "mostrar cómo lo usan empresas similares",
        "limited_time_incentive": "una oferta por tiempo limitado",
        "executive_alignment": "implicar a su dirección",
        "risk_reversal": "reducir el riesgo de decidir (piloto)",
        "education_nurture": "compartir material útil, sin presionar",
        "re_engagement": "reabrir una conversación parada",
    },
}
"""What each default strategy does, in plain words per language (the arm's name is the learning loop's word)."""

_PHRASES: dict[str, dict[str, str]] = {
    "en": {"email": "Email {who}", "call": "Call {who}", "meeting": "Invite {who} to a meeting",
           "linkedin": "Message {who}", "when": " on {at}", "meeting_when": ": send the invitation on {at}",
           "zone": " ({zone} time)", "discount": ", offering {pct} off", "how": ". How: {how}.",
           "approval": "Needs a manager's approval: ", "escalate": "Escalated to a manager: ",
           "wait": "Wait before contacting {who}: contacted recently.",
           "suppress": "No message to {who} for now: held back by the account's rules.",
           "someone": "the buyer"},
    "de": {"email": "E-Mail an {who}", "call": "{who} anrufen", "meeting": "{who} zu einem Termin einladen",
           "linkedin": "Nachricht an {who}", "when": " am {at}", "meeting_when": ": Einladung senden am {at}",
           "zone": " (Zeitzone {zone})", "discount": ", mit {pct} Rabatt", "how": ". Ansatz: {how}.",
           "approval": "Braucht die Freigabe einer Führungskraft: ", "escalate": "An eine Führungskraft eskaliert: ",
           "wait": "Vor dem nächsten Kontakt mit {who} warten: kürzlich kontaktiert.",
           "suppress": "Vorerst keine Nachricht an {who}: durch die Regeln des Kontos zurückgehalten.",
           "someone": "den Kunden"},
    "fr": {"email": "Écrire à {who}", "call": "Appeler {who}", "meeting": "Inviter {who} à une réunion",
           "linkedin": "Envoyer un message à {who}", "when": " le {at}",
           "meeting_when": " : envoyer l'invitation le {at}", "zone": " (fuseau {zone})",
           "discount": ", avec {pct} de remise", "how": ". Approche : {how}.",
           "approval": "Nécessite l'accord d'un responsable : ", "escalate": "Escaladé à un responsable : ",
           "wait": "Attendre avant de recontacter {who} : contacté récemment.",
           "suppress": "Aucun message à {who} pour l'instant : retenu par les règles du compte.",
           "someone": "le client"},
    "es": {"email": "Escribir a {who}", "call": "Llamar a {who}", "meeting": "Invitar a {who} a una reunión",
           "linkedin": "Enviar un mensaje a {who}", "when": " {at}", "meeting_when": ": enviar la invitación {at}",
           "zone": " (zona horaria {zone})", "discount": ", con un {pct} de descuento", "how": ". Enfoque: {how}.",
           "approval": "Necesita la aprobación de un responsable: ", "escalate": "Escalado a un responsable: ",
           "wait": "Esperar antes de volver a contactar a {who}: contactado hace poco.",
           "suppress": "Ningún mensaje a {who} por ahora: retenido por las reglas de la cuenta.",
           "someone": "el cliente"},
}
"""The sentence's parts per language ("es": format_slot already says "el martes ... a las 10:00")."""


def language_of(value: Any) -> str:
    """One of LANGUAGES ("de-AT" → "de"); English for anything else."""
    code = str(value or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def strategy_words(arm: Any, language: str = "en") -> str:
    """What a strategy does in plain words ("a time-limited offer"); a tenant's own arm by its name in words."""
    table = ARM_WORDS[language_of(language)]
    return table.get(str(arm or ""), "") or words(arm).lower()


def strategy_label(arm: Any) -> str:
    """The strategy as the card names it (its chrome is English): "A time-limited offer"."""
    text = strategy_words(arm)
    return text[:1].upper() + text[1:]


def percent_text(fraction: float, language: str) -> str:
    """"12.5%" in English, "12,5 %" in German, French and Spanish (a decimal comma, a space before the sign)."""
    value = f"{fraction * 100:.1f}".rstrip("0").rstrip(".")
    return f"{value}%" if language == "en" else f"{value.replace('.', ',')} %"


def _zone_name(tz: Any) -> str:
    """The city of a time-zone identifier ("America/New_York" → "New York")."""
    return str(tz).rsplit("/", 1)[-1].replace("_", " ")


def _local(due_at: Any, tz: Any) -> datetime | None:
    if isinstance(due_at, datetime):
        at = due_at
    else:
        try:
            at = datetime.fromisoformat(str(due_at).replace("Z", "+00:00"))
        except ValueError:
            return None
    try:
        return at.astimezone(ZoneInfo(str(tz))) if tz and at.tzinfo else at
    except (ZoneInfoNotFoundError, ValueError):
        return at


def next_step_text(*, channel: Any, who: Any, due_at: Any, timezone: Any, discount: Any, arm: Any,
                   action: str = "suggest", requires_approval: bool = False, escalate: bool = False,
                   language: Any = "en") -> str:
    """The next best action in one sentence in `language`, the approval state first, e.g. "Needs a manager's approval:
    Email James Moore on Monday, December 7 at 10:00 (New York time), offering 8% off. How: a time-limited offer.";
    a held-back action (`wait`, `suppress`) says so instead."""
    lang = language_of(language)
    p = _PHRASES[lang]
    person = str(who or "") or p["someone"]
    if action in ("wait", "suppress"):
        return p[action].format(who=person)
    verb = str(channel) if str(channel) in ("email", "call", "meeting", "linkedin") else "email"
    text = p[verb].format(who=person)
    at = _local(due_at, timezone) if due_at else None
    if at is not None:
        # Imported here: agents.slot_text reaches agents.timing's tables, a third of a CPU second that every
        # command and web worker paid at start-up for the cards' module graph, needed only once a card has a due date.
        from agents.slot_text import format_slot

        slot = format_slot(at, lang)
        text += p["meeting_when" if verb == "meeting" else "when"].format(at=slot)
        if timezone:
            text += p["zone"].format(zone=_zone_name(timezone))
    if isinstance(discount, int | float) and not isinstance(discount, bool) and discount > 0:
        text += p["discount"].format(pct=percent_text(float(discount), lang))
    how = strategy_words(arm, lang)
    text += p["how"].format(how=how) if how else "."
    # The approval state first: Salesforce's AI_Next_Best_Action__c keeps 255 characters and cuts the rest.
    held = p["escalate"] if escalate else p["approval"] if requires_approval else ""
    return held + text
