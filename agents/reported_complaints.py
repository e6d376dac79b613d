"""Complaints the buyer counts in a report about their own operations (issue 11, wave 42, inj54b: set 54's 044,
escalated with no draft as negative sentiment for the buyer's word "complaints").

agents.moments escalates a record whose latest customer messages carry anger ("disappointed", "complaints about
your support"): a cheerful template must not answer it. A clinic's reception summarising patient feedback cards
("Comments: reminder texts liked; two complaints about phone queues at Harbourside") counts what its own patients said
of its own site: data the buyer shares, not a complaint to us. Only that shape is let through: a count of complaints
("two", "3", "a few", "zwei", "quelques", "dos"), about something placed at one of the buyer's sites by its name
("at Harbourside", "in Millbrook") or called the buyer's ("our phone queues"), with no word for us or our work beside
it ("your", "the proposal", "support", "the rollout", the vendor's name). "Two complaints about your reminder texts",
"complaints about the rollout at Harbourside" and an uncounted "we have complaints" are escalated as before.
"""

from __future__ import annotations

import re

from agents.written_dates import FOREIGN_MONTHS as FOREIGN_MONTHS
from agents.written_dates import MONTHS

_WEEKDAYS = ("monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag "
            "samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes "
            "sábado domingo").split()

_COUNT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|some|several|"
    r"eine|zwei|drei|vier|fünf|einige|mehrere|ein paar|une|deux|trois|quatre|cinq|quelques|plusieurs|"
    r"una|dos|tres|cuatro|cinco|algunas|varias|un par de)\s+$", re.I)
_ABOUT = re.compile(
    r"^\s+(?:about|regarding|on|over|concerning|über|zu|zur|zum|wegen|sur|concernant|à propos d[eu]s?|sobre|por|acerca de)"
    r"\s+(?P<object>[^.;!?\n]{1,80})", re.I)
_MONTHS_AND_DAYS = "|".join(sorted({*MONTHS, *FOREIGN_MONTHS, *_WEEKDAYS}, key=len, reverse=True))
_THEIRS = re.compile(
    rf"\b(?:at|in|bei|im|à|au|aux|dans|en)\s+(?!(?:{_MONTHS_AND_DAYS})\b)(?-i:[A-Z])[\w'’-]+|"
    r"\b(?:our|unsere\w*|notre|nos|nuestr[oa]s?)\b", re.I)
_US = re.compile(
    r"\b(?:you|your|yours|ihr\w*|ihnen|euch|euer\w*|vous|votre|vos|usted\w*|su|sus|vuestr\w*|"
    r"proposal|quote|offer|demo\w*|pilot|trial|rollout|roll-out|onboarding|implementation|support|service|account manager|"
    r"sales|team|product|software|system|platform|app|tool|invoice|billing|delivery|contract|price|pricing|"
    r"angebot\w*|vertrag\w*|einführung|rechnung\w*|preis\w*|produkt\w*|proposition|devis|contrat|facture\w*|prix|"
    r"déploiement|produit|logiciel|propuesta|contrato|factura\w*|precio\w*|implantación|producto|"
    # a delay or an answer is ours as often as theirs
    r"delay\w*|late\w*|slow\w*|respon\w*|repl\w*|answer\w*|verzöger\w*|verspät\w*|antwort\w*|retard\w*|répon\w*|"
    r"retras\w*|demora\w*|respuesta\w*)\b", re.I)


def reported_complaint(text: str, start: int, end: int, vendor: str = "") -> bool:
    """Whether the complaint word at `text[start:end]` is a count the buyer reports of their own site or operations."""
    obj = _ABOUT.match(text[end:])
    if not _COUNT.search(text[max(0, start - 30):start]) or obj is None:
        return False
    said = obj.group("object")
    if vendor and re.search(rf"\b{re.escape(vendor)}\b", said, re.I):
        return False
    return bool(_THEIRS.search(said)) and not _US.search(said)
