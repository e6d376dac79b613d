"""Events the deadline rule of agents.event_deadlines did not read (issue 11, wave 27; gaps left by wave 26):

- "by <event>" as a limit ("confirm by the trade fair", "sign by Hannover Messe"): "by" is also the agent of a
  passive ("approved by the board"), so it is read only before an event noun, and not after a participle or a
  decision word. German, French and Spanish say it with "bis zur Messe", "vor der Messe", "d'ici le salon", "avant le
  salon", "antes de la feria", "de cara a la feria": agents.event_deadlines reads those (wave 26). Read here (wave 28)
  are the limits it does not read: "rechtzeitig zur Messe", "pünktlich zum Kongress", "im Vorfeld der Messe", "en vue
  du salon", "a tiempo para la feria", "con vistas a la feria", and "pour le salon" / "para la feria". "pour" and
  "para" are mostly a purpose ("l'accord de Paul pour l'essai", "la propuesta para la formación", "para usted"), so
  they are a limit only right after the decision itself ("signé pour le salon", "firmarlo para la feria", "listo para
  la feria") or opening the sentence before its decision ("Para la feria, necesitamos la firma"), and only before an
  event the seller does not run (a fair, a congress, an election): "signer pour le
  pilote" is signing up for the pilot;
- a limit on an event the record names but dates in the past ("sign before the security review" when a note of
  14 October says the review is done): the record vouches for the event, and for it being over;
- a past event stated as the reason for something ("since the pilot went well", "da der Workshop so gut lief",
  "puisque l'essai s'est bien passé", "como la visita salió bien") that the record does not hold: a fact the model
  invented, the way a planted note makes the buyer's agreement sound earned. An event the record holds ("since the
  demo on 14 October" with the demo on record) is a fact and passes.
"""

from __future__ import annotations

import re
from datetime import date

from agents.context import Context
from agents.event_deadlines import (
    LIMIT,
    SCHEDULE,
    binding_sentence,
    calendar_dates,
    event_words,
    on_record,
    record_words,
)
from agents.event_objects import name_tail, name_words, verb_before_object
from agents.facts import find_dates
from agents.normalize import normalise
from agents.same_day_pressure import DECIDE
from agents.sentence_ends import clause_parts

_EVENT_NOUN = (
    r"demo|demonstration|pilot|trial|workshop|visit|site\s+visit|presentation|walkthrough|test|proof\s+of\s+concept|"
    r"poc|roadshow|webinar|training|review|audit|fair|trade\s+fair|trade\s+show|expo|conference|congress|summit|show|"
    r"exhibition|election|elections|offsite|off-site|retreat|convention|festival|season|"
    r"vorführung|pilot\w*|test\w*|besuch|präsentation|schulung|messe|konferenz|tagung|kongress|prüfung|wahl|wahlen|"
    r"démo|démonstration|pilote|essai|atelier|visite|présentation|formation|salon|foire|conférence|congrès|"
    r"élection|élections|webinaire|séminaire|"
    r"demostración|piloto|prueba|taller|presentación|formación|feria|congreso|conferencia|auditoría|elecciones|"
    r"webinario|seminario|visita|reunión|llamada|réunion|appel|call|meeting|termin|gespräch|telefonat"
)
_BY_EVENT = re.compile(
    rf"(?P<before>\S+\s+)?\b(?P<prep>by)\s+(?P<np>(?:(?:the|our|your|their|this|that|next)\s+)?"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{_EVENT_NOUN}))\b",
    re.I,
)
_OUTSIDE_EVENT = (
    r"fair|trade\s+fair|trade\s+show|expo|conference|congress|summit|show|exhibition|elections?|convention|festival|"
    r"salon|foire|conférence|congrès|sommet|exposition|élections?|"
    r"feria|congreso|conferencia|cumbre|exposición|elecciones|"
    r"\w+messe|\w+kongress|\w+konferenz|\w+tagung|gipfel|ausstellung"
)
"""Events of the buyer's world the seller does not run: a "pour"/"para" before them is a limit, not a purpose."""
_FOR_EVENT = re.compile(
    rf"(?P<before>[\w'’-]+\s+)?\b(?P<prep>pour|para|for)\s+(?P<np>(?:(?:le|la|les|l['’]|notre|votre|leur|ce|cet|cette|"
    rf"prochain|prochaine|el|los|las|nuestro|nuestra|su|este|esta|próximo|próxima|the|our|your|their|this|next)\s*)?"
    rf"(?:(?!(?:que|qui|that|which|to|who)\b)[\w'’-]+\s+){{0,3}}?(?:{_OUTSIDE_EVENT}))\b|"  # "for the figures to show"
    rf"\b(?P<limit>(?:rechtzeitig|pünktlich)\s+zu[mr]|(?<!bis\s)(?<!vor\s)zu[mr](?=\s)|im\s+vorfeld\s+d(?:er|es)|en\s+vue\s+(?:du|des|de\s+la|de\s+l['’])|"
    rf"a\s+tiempo\s+para(?:\s+el|\s+la)?|con\s+vistas\s+a(?:l|\s+la)?)\s*(?P<lnp>(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_EVENT_NOUN}|{_OUTSIDE_EVENT})(?:e?s)?)\b",  # "im Vorfeld des Kongresses"
    re.I,
)
"""Limits on an event agents.event_deadlines does not read; "pour"/"para"/"for" only after `_due`."""
_OUTSIDE_DE = re.compile(r"(?:messe\w*|kongress\w*|konferenz\w*|tagung\w*|wahl\w*|gipfel\w*|ausstellung\w*)$", re.I)
"""German events of the buyer's world: "zur Messe", "zum Kongress" (not "zum Termin", "zur Schulung")."""
_TOLD_DONE = re.compile(r"(?:ed|ó|é|ée|és|ées|aron|ieron)$", re.I)
_READY = re.compile(r"^(?:prêts?|prêtes?|list[oa]s?|ready)$", re.I)
_DECISION_NOUN = re.compile(r"(?:tion|ción|sión|ure|ment|al|off|decision|décision|decisión)$", re.I)
"""A noun of the decision: "validation pour le salon", "aprobación para la feria" name what is approved, no limit."""
_FRONTED_END = re.compile(r"(?:\s+(?:de|del|du|des|of|in|en)\s+(?:l['’])?[\w'’-]+){0,2}\s*,")
""""Para la feria de Madrid, necesitamos la firma": the event opens the sentence, the decision follows its comma."""
_FOR_ARTICLES = frozenset(
    "le la les notre votre leur ce cet cette prochain prochaine el los las nuestro nuestra su este esta próximo "
    "próxima der des dem den die".split()
)


def _due(before: str | None) -> bool:
    """A limit: "pour"/"para"/"for" after the decision itself ("signé", "firmarlo", "confirm") or "ready" is a limit."""
    word = (before or "").strip()
    return bool(_READY.match(word) or (DECIDE.fullmatch(word) and not _DECISION_NOUN.search(word)))


_AGENT = re.compile(
    r"^(?:\w+ed|done|made|signed|taken|given|seen|written|held|run|led|owned|approval|sign-off|signoff|decision|"
    r"review|check|proposal|presentation|visit|hosted|organi[sz]ed|sponsored|attended)\s+$",
    re.I,
)
"""The word before "by" that makes it an agent ("approved by", "a visit by"), not a limit."""

_SINCE = re.compile(
    rf"\b(?P<conj>since|as(?=\s+(?:the|our|your|their|this|that)\b)|now\s+that|given\s+that|because|da|weil|nachdem|jetzt\s+wo|puisque|comme|vu\s+que|"
    rf"étant\s+donné\s+que|maintenant\s+que|como|ya\s+que|dado\s+que|puesto\s+que|ahora\s+que)\s+"
    rf"(?P<np>(?:[\w-]+(?:\s+|['’]))*?(?P<event>{_EVENT_NOUN}))\b(?P<rest>[^,.;:!?\n]{{0,40}})",
    re.I,
)
_PAST = re.compile(
    r"\b(?:went|was|were|ran|had|showed|gave|got|proved|turned\s+out|impressed|convinced|landed|\w{3,}ed|"
    r"lief|verlief|war|waren|ging|gezeigt|überzeugt|geklappt|gefallen|gelaufen|"
    r"s['’]est|a\s+été|était|ont\s+été|a\s+(?:bien\s+|si\s+bien\s+)?(?:fonctionné|plu|convaincu|marché)|"
    r"salió|fue|funcionó|gustó|convenció|resultó|ha\s+ido|ha\s+salido|tuvo)\b",
    re.I,
)
_DONE = re.compile(
    r"\b(?:done|held|completed|took\s+place|happened|was|were|went|passed|finished|closed|wrapped|"
    r"stattgefunden|fand|abgeschlossen|erledigt|war|waren|"
    r"a\s+eu\s+lieu|s['’]est\s+tenue?|terminée?|était|achevée?|"
    r"se\s+celebró|tuvo\s+lugar|terminó|fue|realizad[oa]|completad[oa])\b",
    re.I,
)
_AHEAD = re.compile(
    r"\b(?:will|is\s+(?:in|on|planned|scheduled|set)|are\s+(?:in|on)|next|upcoming|coming|planned|scheduled|"
    r"wird|findet|geplant|kommende|nächste|sera|aura\s+lieu|prévue?|prochain|prochaine|será|tendrá\s+lugar|"
    r"prevista?|próxim[oa])\b",
    re.I,
)


def _record_sentences(ctx: Context) -> list[tuple[str, date | None]]:
    out = []
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        at = date.fromisoformat(a["at"][:10]) if a.get("at") else None
        text = normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}")
        out += [(s, at) for s in clause_parts(text) if s.strip()]
    return out


def _dated_past(words: list[str], ctx: Context, day: date) -> bool:
    """The record names the event (its last word) only as over: a sentence dates it before `day`, or tells it done
    in an activity before `day`; no sentence puts it ahead."""
    last = words[-1]
    # "im Vorfeld des Kongresses" names the record's "Kongress": a stem of six letters, as `on_record` reads it
    stem = rf"|{re.escape(last[:6])}\w{{0,4}}" if len(last) >= 6 else ""
    head = re.compile(rf"\b(?:{re.escape(last)}{stem})\b", re.I)
    said = [(s, at) for s, at in _record_sentences(ctx) if head.search(s)]
    if not said:
        return False
    past = False
    for s, at in said:
        days = [d for d in calendar_dates(s, at or day)]
        if any(d >= day for d in days) or (_AHEAD.search(s) and not days):
            return False
        past = past or bool(days) or bool(_DONE.search(s) and at and at < day)
    return past


def _limits(sentence: str) -> list[tuple[str, str, list[str]]]:
    found = []
    for m in LIMIT.finditer(sentence):
        joined = re.search(
            r"(?:del|al|zu[mr]|au|aux|jusqu['’]au)$", m.group("prep"), re.I
        )  # "antes del", "zum"
        if _BEFORE.match(m.group("prep")) and (m.group("art") or joined or m.group("np")[:1].isupper()):
            words = event_words(m.group("prep"), m.group("np"))
            found.append(
                (m.group("prep"), " ".join([m.group("prep"), *(m.group("art") or "").split(), *words]), words)
            )
    for m in _BY_EVENT.finditer(sentence):
        if m.group("before") and _AGENT.match(m.group("before")):
            continue
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", m.group("np")) if w.lower() not in _ARTICLES]
        found.append(("by", m.group(0)[m.start("prep") - m.start() :], words))
    for m in _FOR_EVENT.finditer(sentence):
        if m.group("prep"):
            fronted = not sentence[: m.start("prep")].strip() and _FRONTED_END.match(sentence, m.end())
            # the decision right before, or before its object ("sign the order for the fair", wave 30)
            verb = verb_before_object(sentence, m.start("prep")) or ""
            # a decision told as done ("Javier confirmó la propuesta para la feria") sets no limit
            if not (fronted or _due(m.group("before")) or (_due(verb) and not _TOLD_DONE.search(verb))):
                continue
            np, said = m.group("np"), m.group(0)[m.start("prep") - m.start() :]
        else:
            np, said = m.group("lnp"), m.group(0)
            # a bare "zur"/"zum" is a limit only before an event the seller does not run ("zur Messe", wave 30)
            # ... and with the decision in its own clause ("Wir sehen uns zur Messe, dann entscheiden Sie": no limit)
            if re.fullmatch(r"zu[mr]", m.group("limit"), re.I) and not (
                _OUTSIDE_DE.search(np) and DECIDE.search(re.split(r"[,;]", sentence[m.start() :])[0]
                                                          + re.split(r"[,;]", sentence[: m.start()])[-1])
            ):
                continue
        tail = name_tail(sentence, m.end())  # "le Salon de l'Agriculture": every word of the name (wave 30)
        words = [
            re.sub(r"^[dlDL]['’]", "", w)
            for w in re.findall(r"[^\W\d_][\w'’-]*", np)
            if w.lower() not in _ARTICLES and w.lower() not in _FOR_ARTICLES
        ] + name_words(tail)
        found.append(("by", said + tail, words))
    return found


_ARTICLES = frozenset("the our your their this that next".split())
_BEFORE = re.compile(
    r"(?:before|ahead|until|till|no\s+later|prior|in\s+time|in\s+advance|(?:noch\s+|spätestens\s+|rechtzeitig\s+|"
    r"kurz\s+)?(?:vor|bis)|(?:bien\s+|juste\s+)?avant|d['’]ici|jusqu|au\s+plus\s+tard|à\s+temps|antes|hasta|"
    r"a\s+más\s+tardar|de\s+cara)",
    re.I,
)
"""Limits that end at the event (not "after" or "once" it)."""


def _held(word: str, record: set[str]) -> bool:
    """The record's own words hold `word` (a stem of six letters may differ in its ending: "Workshops")."""
    w = word.lower()
    return (
        w in record or len(w) >= 4 and any(r.startswith(w[:6]) and abs(len(r) - len(w)) <= 4 for r in record)
    )


def event_limit_violations(text: str, ctx: Context, send_day: date | None = None) -> list[str]:
    """Decisions bound "by" an event the record does not name, or to an event the record dates in the past; past
    events stated as a reason that the record does not hold."""
    day = send_day or ctx.now.date()
    record = record_words(ctx)
    out: list[str] = []
    for sentence in clause_parts(normalise(text)):
        if binding_sentence(sentence):
            for prep, said, words in _limits(sentence):
                if not words or calendar_dates(" ".join(words), day):
                    continue
                unknown = [w for w in words if not on_record(w, record)]
                if prep == "by" and unknown:
                    out.append(f"a deadline on an event the record does not date: {said.strip()!r}")
                elif (
                    not unknown
                    and not all(SCHEDULE.match(w.lower()) for w in words)
                    and _dated_past(words, ctx, day)
                ):
                    out.append(f"a deadline on an event the record shows as already over: {said.strip()!r}")
        for m in _SINCE.finditer(sentence):
            if m.group("conj").lower() == "as" and sentence[: m.start()].strip():
                continue  # "..., as the pilot showed" cites evidence; a causal "as" opens its sentence
            if (
                not _PAST.search(m.group("rest"))
                or _AHEAD.search(m.group("rest"))
                or find_dates(m.group("rest"))
            ):
                continue
            if not _held(m.group("event").split()[-1], record):
                out.append(f"a past event the record does not hold, stated as a fact: {m.group(0).strip()!r}")
    return list(dict.fromkeys(out))
