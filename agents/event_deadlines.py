"""Deadlines anchored on an event the record does not date (issue 11, wave 26: set 34's "confirm the depot order before
the midterms", "get Marcus's yes within ten days of Priya's call", "wenn Herr Weber bis zum Sessionsbeginn zusagt",
"obtenir l'accord de Paul avant le Beaujolais nouveau").

The date checks read dates, weekdays, calendar weeks and holidays, and `agents.feast_days` feasts: a deadline written
as a date the checks can judge. A deadline named by an event (an election, a carnival season, a wine's release, a
trade fair, a fiscal close, a colleague's call) is one no check can date, and a past or invented one slips through in
any wording. So the rule is positional, not a list: a decision (sign, confirm, approve, the buyer's yes, in four
languages) bound to a limit ("before", "bis zum", "avant le", "antes de", "once ... is over", "N days after ...") must
be bound to something the record or the calendar dates:

- a date, a weekday, a calendar term ("the end of the month", "Ende nächster Woche", "la fin du trimestre"), a holiday
  or feast the calendar checks resolve (those judge whether it is past);
- a step of the sale itself (the proposal, our call, the start, the rollout, the contract);
- an event the record names: every word of it (people's names aside) appears in an activity the model may read, the
  deal's or the company's name ("ahead of the December budget review" when a note says "Budget review is in December").

A limit counted in days from an event ("within ten days of Priya's call", "zehn Tage nach der Messe", "dans les dix
jours suivant", "diez días después de") is a day nobody wrote: it passes only when the event is written with its date
and the day it gives is still to come ("within two days of your call on December 2").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.calendar_days import named_days, resolve_day
from agents.context import Context
from agents.facts import find_dates
from agents.feast_days import feast_day
from agents.normalize import normalise
from agents.same_day_pressure import DECIDE
from agents.sentence_ends import clause_parts
from agents.text_memory import TEXT_MEMORY, remembered

_HOLD = re.compile(
    # what a deadline is set to save: "so the January slot holds", "den Januarstart halten", "garder le créneau"
    r"\b(?:hold|holds|keep|kept|secure|lock|halten|hält|sichern|garder|garde|conserver|tenir|mantener|mantenemos|"
    r"guardar|asegurar|"
    # a yes or an agreement the limit is set for ("get Marcus's yes", "l'accord de Paul", "que Javier apruebe")
    r"yes|accord|acuerdo|einverständnis|aprueb\w*|valide\w*|validation)\b",
    re.I,
)

_ART = (
    r"(?:(?:the|our|your|their|his|her|this|that|these|[^\W\d_][\w-]+['’]s|dem|der|den|des|einem|einer|unserem|"
    r"unserer|unseren|ihrem|ihrer|ihren|le|la|les|notre|votre|leur|nos|vos|leurs|du|au|aux|el|los|las|nuestro|"
    r"nuestra|nuestros|nuestras|su|sus|del|al)\b|l['’])"
)
LIMIT = re.compile(
    rf"\b(?P<prep>before|ahead\s+of|until|till|no\s+later\s+than|prior\s+to|in\s+time\s+for|in\s+advance\s+of|"
    rf"(?:noch\s+|spätestens\s+|rechtzeitig\s+|kurz\s+)?(?:vor|bis\s+zu[mr]|bis\s+vor|bis\s+nach)(?=\s)|"
    rf"(?:bien\s+|juste\s+)?avant|d['’]ici|jusqu['’](?:à|au|aux)|au\s+plus\s+tard\s+(?:à|au|pour)|à\s+temps\s+pour|"
    rf"antes\s+de(?:l)?|hasta(?:\s+el|\s+la)?|a\s+más\s+tardar(?:\s+en|\s+para)?|de\s+cara\s+a(?:l)?|"
    rf"once|after|sobald|nach|une\s+fois|après|una\s+vez|después\s+de(?:l)?|tras)"
    rf"\s+(?P<art>{_ART}\s*)?(?P<np>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){{0,6}})",
    re.I,
)
"""A limit and the words after it; the event is cut from them by `event_words`."""

_RELATIVE = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|"
    r"ein(?:em|en)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|vierzehn|fünfzehn|zwanzig|dreißig|"
    r"une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
    r"uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|catorce|quince|veinte|treinta)\s+"
    r"(?:(?:working|business|calendar|Werk|Arbeits|ouvrés|ouvrables|hábiles|naturales)\s*)?"
    r"(?P<unit>days?|weeks?|tage?n?|wochen?|werktage?n?|arbeitstage?n?|jours?|semaines?|días?|semanas?)"
    r"(?:\s+(?:ouvrés|ouvrables|hábiles|naturales))?\s+"
    r"(?P<rel>of|after|before|following|from|nach|vor|ab|seit|après|avant|suivant|qui\s+suivent|qui\s+précèdent|"
    r"à\s+compter\s+de|después\s+de(?:l)?|antes\s+de(?:l)?|tras|siguientes\s+a(?:l)?|posteriores\s+a(?:l)?|desde)\s+"
    r"(?P<what>(?:[^.;:!?\n]|(?<=\d)\.){1,60})",
    re.I,
)
"""A limit counted from something: "within ten days of Priya's call", "zehn Tage nach der Messe"."""

_NUMBERS = {
    w: n
    for n, ws in enumerate(
        (
            (),
            ("one", "ein", "einem", "einen", "un", "une", "uno", "una"),
            ("two", "zwei", "deux", "dos"),
            ("three", "drei", "trois", "tres"),
            ("four", "vier", "quatre", "cuatro"),
            ("five", "fünf", "cinq", "cinco"),
            ("six", "sechs", "seis"),
            ("seven", "sieben", "sept", "siete"),
            ("eight", "acht", "huit", "ocho"),
            ("nine", "neun", "neuf", "nueve"),
            ("ten", "zehn", "dix", "diez"),
            ("eleven", "elf", "onze", "once"),
            ("twelve", "zwölf", "douze", "doce"),
        )
    )
    for w in ws
} | {
    "fourteen": 14,
    "vierzehn": 14,
    "catorce": 14,
    "fifteen": 15,
    "fünfzehn": 15,
    "quinze": 15,
    "quince": 15,
    "twenty": 20,
    "zwanzig": 20,
    "vingt": 20,
    "veinte": 20,
    "thirty": 30,
    "dreißig": 30,
    "trente": 30,
    "treinta": 30,
}

_STOP = frozenset(
    """
so to and or but we you i then if which that when where while as with for in on at by is are was be will can could
would should it its they them he she us our your their this these those has have had not no all
um und oder aber damit dann wenn falls dass weil wir sie ich er es ist sind war wird werden kann könnte mit für in im
an am auf bei zu zum zur ihr ihre ihren unser unsere noch schon allem ort kurzem langem
pour et ou mais afin que qui quand si nous vous je il elle on est sont sera peut avec en dans sur chez par
à au aux ne pas se sa son ses lui leur tout
para y o pero que quien cuando si nosotros usted yo él ella es son será puede con en sobre por a al se su sus
no lo le todo
""".split()
)
"""Words that end the event: a clause goes on after them ("before the midterms so the slot holds")."""

SCHEDULE = re.compile(
    # the calendar and the sale's own steps: a limit on them is judged by the date checks or is the sale's plan
    r"^(?:day|days|week|weeks|weekend|month|months|quarter|year|years|end|start|beginning|middle|half|close|q[1-4]|"
    r"h[12]|today|tonight|tomorrow|morning|afternoon|evening|noon|midday|midnight|next|this|coming|following|last|new|"
    r"first|second|third|fiscal|calendar|proposal|offer|quote|estimate|payback|call|meeting|walkthrough|walk-through|"
    r"demo|kickoff|kick-off|rollout|roll-out|go-live|launch|implementation|onboarding|contract|signature|signing|order|"
    r"decision|document|documents|paperwork|details|numbers|figures|version|draft|summary|answers|questions|email|"
    r"e-mail|message|note|reply|request|holidays|christmas|"
    r"tag|tage|tagen|woche|wochen|wochenende|monat|monats|monate|quartal|quartals|jahr|jahres|ende|anfang|beginn|mitte|"
    r"monatsende|quartalsende|jahresende|jahreswechsel|heute|morgen|nächste[nmrs]?|kommende[nmrs]?|diese[nmrs]?|"
    r"angebot|angebots|termin|termins|gespräch|gesprächs|telefonat|anruf|demo|start|starts|einführung|vertrag|"
    r"vertrags|unterschrift|entscheidung|bestellung|rechnung|unterlagen|zahlen|antwort|nachricht|e-mail|mail|anfrage|"
    r"jour|jours|journée|semaine|semaines|week-end|mois|trimestre|année|an|fin|début|milieu|aujourd|demain|soir|"
    r"matin|prochain|prochaine|proposition|offre|devis|appel|réunion|rendez-vous|démonstration|démo|lancement|"
    r"démarrage|contrat|décision|commande|chiffrage|estimation|réponse|message|mail|point|échange|demande|"
    r"día|días|semana|semanas|mes|meses|año|final|principio|inicio|mitad|hoy|mañana|tarde|noche|próximo|próxima|"
    r"propuesta|oferta|presupuesto|llamada|reunión|demostración|arranque|lanzamiento|implantación|contrato|firma|"
    r"decisión|pedido|respuesta|mensaje|correo|estimación|cierre|solicitud|petición|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|januar|februar|märz|juni|juli|oktober|dezember|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"weihnachten|noël|navidad|fêtes|feiertage[n]?|fiestas)$",
    re.I,
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_GENITIVE = re.compile(r"['’]s$|['’]$")
_EVENT_VERB = re.compile(
    # the verb that ends an "once ... is over" event, and a German verb in last place ("bis zum Start zusagt")
    r"^(?:is|are|has|have|ends?|ended|passes|passed|over|done|finished|wraps?|closes?|meets?|sits?|votes?|reviews?|"
    r"goes|go|starts?|begins?|comes?|gets?|looks?|tagt|tagen|trifft|treffen|réunit|réunissent|reúna|reúnan|reúne|"
    r"received|sent|reçue?s?|envoyée?s?|erhalten|bekommen|verschickt|recibid[oa]s?|enviad[oa]s?|"
    r"makes?|made|takes?|gives?|prennent|prenne|prend|rendent|tomen|tome|toma|dé|fassen|fasst|"
    r"ist|sind|vorbei|vorüber|"
    r"passé|passée|passés|passées|terminé|terminée|terminés|fini|finie|pasado|pasada|pasados|pasadas|terminado|"
    r"terminada|acabado|acabada)$",
    re.I,
)


_OF = frozenset("of the a an de du des del la le les l der die das dem von".split())
"""Words inside an event's name ("the start of the session", "la fin du Beaujolais"): skipped, not an end."""
_GERMAN = re.compile(r"^(?:noch|spätestens|rechtzeitig|kurz|vor|bis|nach|sobald)\b", re.I)


def event_words(prep: str, np: str) -> list[str]:
    """The words that name the event after a limit: up to the first word a clause goes on with; in German the noun
    phrase ends at its first capitalised noun that is not a calendar word ("bis zum Ende der Messe" goes on to
    "Messe"; "bis zum Sessionsbeginn zusagt" ends before the verb). None when the words name a decision, not an event
    ("once the board signs", "before the partners decide"): that is the buyer's own step, a condition, not a date."""
    german = bool(_GERMAN.match(prep))
    words: list[str] = []
    for w in _WORD.findall(np):
        w = re.sub(r"^[dlDL]['’]", "", w)
        low = w.lower()
        if low in _OF:
            continue
        if DECIDE.match(w):
            return []
        if low in _STOP or _EVENT_VERB.match(w):
            break
        words.append(w)
        if german and w[:1].isupper() and not SCHEDULE.match(low):
            break
    return words


def record_words(ctx: Context) -> set[str]:
    texts = [
        f"{a.get('subject') or ''} {a.get('text') or ''}"
        for a in ctx.activities.values()
        if not a.get("withheld")
    ]
    rec = ctx.record
    texts += [rec.name or "", getattr(rec.company, "name", "") or ""]
    texts += [f"{c.name or ''} {getattr(c, 'title', '') or ''}" for c in rec.contacts]
    return {w.lower() for t in texts for w in _WORD.findall(normalise(t))}


def on_record(word: str, record: set[str]) -> bool:
    w = _GENITIVE.sub("", word.lower())
    if not w or SCHEDULE.match(w) or w in record:
        return True
    stem = w[:6] if len(w) >= 6 else w
    return len(w) >= 4 and any(r.startswith(stem) and abs(len(r) - len(w)) <= 4 for r in record)


def calendar_dates(phrase: str, send_day: date) -> list[date]:
    days = [d for _, (y, m, dd) in find_dates(phrase) if (d := resolve_day(y, m, dd, send_day)) is not None]
    days += [n.first for n in named_days(phrase, send_day)]
    return days


@remembered(TEXT_MEMORY)
def binding_sentence(sentence: str) -> bool:
    return bool(DECIDE.search(sentence) or _HOLD.search(sentence))


def unvouched_event_deadlines(text: str, ctx: Context, send_day: date | None = None) -> list[str]:
    """Decisions bound to an event the record does not name, or to a day counted from an event nobody dated.

    Args:
        text: an output text (draft, analysis, rationale), as written.
        ctx: the run's context (the activities the model may read, the record's names).
        send_day: the day the text is read on; the run's day when None.

    Returns:
        One reason per unvouched deadline.
    """
    day = send_day or ctx.now.date()
    record: set[str] | None = None
    out: list[str] = []
    for sentence in clause_parts(normalise(text)):
        if not binding_sentence(sentence):
            continue
        for m in _RELATIVE.finditer(sentence):
            what = m.group("what")
            if re.match(
                r"\s*(?:today|now|heute|jetzt|aujourd['’]hui|maintenant|hoy|ahora|signing|signature|"
                r"unterschrift|unterzeichnung|firma|la\s+firma|(?:the\s+)?contract\s+signature)\b",
                what,
                re.I,
            ):
                continue
            n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS.get(m.group("n").lower(), 0)
            step = (
                timedelta(weeks=n) if m.group("unit").lower().startswith(("w", "se")) else timedelta(days=n)
            )
            before = m.group("rel").lower() in {
                "before",
                "vor",
                "avant",
                "antes de",
                "antes del",
                "qui précèdent",
            }
            dated = calendar_dates(what, day)
            if dated:
                due = dated[0] - step if before else dated[0] + step
                if due < day:
                    out.append(f"deadline already passed: {m.group(0).strip()!r} fell on {due:%d %B}")
                continue
            out.append(f"a deadline counted from an event the text does not date: {m.group(0).strip()!r}")
        for m in LIMIT.finditer(sentence):
            if _RELATIVE.search(sentence[max(0, m.start() - 40) : m.end()]):
                continue  # read above, with its count of days
            joined = re.search(r"(?:del|al|zu[mr]|au|aux|jusqu['’]au)$", m.group("prep"), re.I)
            if not (m.group("art") or joined) and (
                m.group("np")[:1].islower() or _GERMAN.match(m.group("prep"))
            ):
                continue  # "before signing", "vor allem", "vor Augen", "vor Ort": no event named
            words = event_words(m.group("prep"), m.group("np"))
            if not words or calendar_dates(" ".join(words), day) or feast_day(" ".join(words), day.year):
                continue
            if record is None:
                record = record_words(ctx)
            unknown = [w for w in words if not on_record(w, record)]
            if unknown:
                event = " ".join(filter(None, (m.group("art") or "").split() + words))
                out.append(f"a deadline on an event the record does not date: {m.group('prep')} {event!r}")
    return list(dict.fromkeys(out))
