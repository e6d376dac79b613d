"""The seller's own interest told to the buyer (set 34's bad drafts, wave 26): our quarter, our targets or a manager's
wish given as the reason for the buyer's date ("Unser Vertriebsleiter möchte den Auftrag noch in diesem Quartal
verbuchen", "mi jefa quiere cerrar esto antes de fin de año para cumplir objetivos"), and the buyer asked to push a
colleague to sign or approve by a date of ours ("Could you lean on Marcus to approve it before the review?", "¿Podría
convencer a Lucía de que firme antes del 15 de diciembre?").

agents.draft_conduct reads the seller's "my quota"; these read what the same pressure says without "my": whose books,
whose quarter, whose boss. Each returns its reasons (empty when the draft is fine)."""

from __future__ import annotations

import functools
import re
import unicodedata

from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts


@functools.lru_cache(maxsize=1024)  # a pure function of its text; each check folds the record's texts again
def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", normalise(text).lower()) if not unicodedata.combining(c)
    )


_CLOSE = (
    r"(?:book|close|closed|closing|sign|signed|signature|count|log|land|wrap(?:ped)?\s+up|"
    r"verbuch\w*|abschliess\w*|abzuschliess\w*|abschluss|unterschr\w*|unterzeichn\w*|zahlen|"
    r"comptabilis\w*|boucl\w*|clotur\w*|signer|signe|enregistr\w*|chiffres?|"
    r"cerrar\w*|cierre|firmar\w*|firme|contabiliz\w*|numeros)"
)
_PERIOD = (
    r"(?:(?:this|the\s+current|our)\s+(?:quarter|fiscal\s+year|financial\s+year|year)|q[1-4]|quarter[- ]end|"
    r"year[- ]end|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:quarter|year)|"
    r"(?:diese[mns]?|unsere[mns]?|laufende[mns]?)\s+(?:quartal|geschaftsjahr|jahr)|quartalsende|jahresende|"
    r"(?:ce|notre)\s+trimestre|(?:la\s+)?fin\s+(?:du\s+trimestre|d'annee|de\s+l'annee)|"
    r"(?:este|nuestro)\s+(?:trimestre|ejercicio|ano)|(?:el\s+)?fin\s+de\s+(?:ano|trimestre)|el\s+ano\b)"
)
_TARGETS = (
    r"(?:targets?(?!\s+(?:date|go-live|start|timeline|day|week))|quota|objectives|"
    r"(?:quartals|vertriebs|umsatz|jahres)ziel\w*|zielvorgabe\w*|objectifs|objetivos|cuota|numeros)"
)
_BOSS = (
    r"(?:(?:my|our)\s+(?:boss|manager|line\s+manager|sales\s+(?:director|manager|lead|head)|head\s+of\s+sales|"
    r"vp(?:\s+of\s+sales)?|director|management)|"
    r"(?:mein|meine|unser|unsere)\s+(?:chef(?:in)?|vorgesetzte[rn]?|vertriebsleiter(?:in)?|vertriebschef(?:in)?|"
    r"geschaftsfuhrung|teamleiter(?:in)?|bereichsleiter(?:in)?|vertriebsdirektor(?:in)?|leitung)|"
    r"(?:mon|ma|notre)\s+(?:responsable|directeur|directrice|manager|chef(?:fe)?|n\+1|direction)"
    r"(?:\s+(?:commercial(?:e)?|des\s+ventes))?|"
    r"(?:mi|nuestr[oa])\s+(?:jef[ea]|responsable|director(?:a)?|manager|gerente|direccion)(?:\s+comercial)?)"
)
_WANTS = (
    r"(?:wants?|would\s+(?:like|love)|'d\s+(?:like|love)|needs?|is\s+keen|hopes?|expects?|is\s+pushing|has\s+asked|"
    r"mochte|will|wunscht|braucht|hofft|erwartet|drangt|"
    r"veut|voudrait|souhaite|aimerait|a\s+besoin|attend|compte|"
    r"quiere|querria|necesita|espera|desea|le\s+gustaria)"
)
"""A manager's wish: "my manager would like to join the call" names nothing to close, and stays fine."""
_OWN_INTEREST = re.compile(
    rf"""(?:
    \b(?:we|i|us)(?:'d|'ll)?(?:\s+(?!(?:it|this)\b)[\w']+){{0,3}}?\s+{_CLOSE}
        \s+(?:it|this|the\s+(?:deal|order|contract))?\s*(?:in|before|by|for|within)?\s*{_PERIOD}
    |\b(?:hit|make|meet|reach|close)\s+(?:our|my)\s+(?:quarter|year|numbers|{_TARGETS})\b
    |\bour\s+quarter(?:[- ]end)?\b|\bnotre\s+(?:trimestre|fin\s+de\s+trimestre)\b|\bnuestro\s+(?:trimestre|cierre\s+trimestral)\b
    |\bverbuch\w*\b.{{0,40}}?\b{_PERIOD}|\b{_PERIOD}\s+(?:\w+\s+){{0,3}}?verbuch\w*
    |\b(?:unser|unsere[mnrs]?)\s+(?:quartal\w*|(?:quartals|vertriebs|umsatz|jahres)ziel\w*|zielvorgabe\w*|bilanz)
    |\b(?:atteindre|tenir|remplir|faire)\s+(?:nos|mes)\s+(?:objectifs|chiffres|quotas?)\b
    |\bnos\s+objectifs\s+(?:commerciaux|de\s+vente|trimestriels|annuels|de\s+fin)
    |\b(?:boucler|cloturer)\s+(?:notre|mon|le)\s+(?:trimestre|annee|exercice)
    |\b(?:comptabilis\w*|boucl\w*|enregistr\w*)\b.{{0,40}}?\b(?:ce|notre)\s+trimestre
    |\b(?:cumplir|alcanzar|llegar\s+a|hacer)\s+(?:con\s+)?(?:los\s+|la\s+|nuestr[oa]s?\s+)?(?:objetivos|numeros|cuota)\b
        (?!\s+de\s+(?:su|sus|vuestr|la\s+implant|el\s+proyecto))
    |\bcerrar\s+(?:el|nuestro)\s+(?:ano|trimestre|ejercicio)\b|\bpara\s+(?:nuestro\s+)?cierre\s+del?\s+(?:ano|trimestre|ejercicio)
    |\b(?:contabiliz\w*|cerrarlo|firmarlo)\b.{{0,40}}?\b(?:este|nuestro)\s+trimestre
    |\b{_BOSS}\s+(?:\w+\s+){{0,2}}?{_WANTS}\b.{{0,70}}?\b(?:{_CLOSE}|{_PERIOD}|{_TARGETS})\b
    )""",
    re.X,
)
"""Our books, our period, our targets or our manager's wish as a reason the buyer reads, in en/de/fr/es. "Before your
quarter closes" is the buyer's; "our team will have it ready by Friday" names no period or target of ours; "my manager
would like to join the call" names nothing to close."""


def sellers_own_interest(subject: str, body: str) -> list[str]:
    """The seller's quarter, targets or manager's wish told to the buyer: it tells them the date serves us, and what a
    negotiator on the other side would most like to know."""
    text = _fold(f"{subject}\n{body}")
    return [
        f"tells the buyer our own quarter, target or manager's wish: {m.group(0).strip()[:80]!r}"
        for m in _OWN_INTEREST.finditer(text)
    ][:2]


_PUSH = (
    r"(?:lean(?:ing)?\s+on|push(?:ing)?|pressure|pressur(?:e|ing)|press(?:ing)?|nudg(?:e|ing)|chas(?:e|ing)|hurry|"
    r"convinc(?:e|ing)|persuad(?:e|ing)|work\s+on|"
    r"uberzeug\w*|uberred\w*|drang\w*|druck\s+(?:auf|bei)|einwirken|antreib\w*|"
    r"convaincre|persuader|pousser|faire\s+pression\s+sur|presser|relancer|"
    r"convenc\w*|persuad\w*|presion\w*|empuj\w*|meter(?:le)?\s+prisa|insist\w*)"
)
_PERSON_WORD = (
    r"(?:(?:your|ihre[nmrs]?|ihr|votre|vos|su|sus)\s+(?:\w+\s+){0,2}?(?:colleagues?|boss|manager|cfo|ceo|"
    r"finance\s+\w+|partners|board|director|head|kolleg\w*|chef\w*|vorgesetzt\w*|geschaftsfuhr\w*|finanz\w*|"
    r"collegues?|responsable|direct\w*|associes|compan\w*|jef[ea]|socios)|him|her|ihn)"
)
_DECIDE = (
    r"(?:sign|signs|signed|approve|approves|approval|agree|commit|decide|decision|go-ahead|into|before|by|"
    r"this\s+(?:week|month|quarter)|quickly|fast|asap|soon|"
    # wave 41: "noch diese Woche überzeugen, das Angebot freizugeben" (the week and the infinitive in other languages)
    r"(?:diese[nrs]?|cette|ce|esta|este)\s+(?:woche|monat|semaine|mois|semana|mes)|freizugeben|"
    r"unterschreib\w*|unterschrift|freigeb\w*|freigabe|zustimm\w*|entscheid\w*|zusag\w*|bis|vor|schnell|zugig|"
    r"signe|signer|signature|valide|valider|validation|approuv\w*|decid\w*|avant|d'ici|rapidement|vite|"
    r"firme|firmar|firma|aprobar|apruebe|aprobacion|decida|decidir|antes|cuanto\s+antes|rapido|pronto)"
)
_HELPS_THEM = re.compile(
    r"\b(?:help(?:s|ing)?\s+you|to\s+help|helfen\s+ihnen|ihnen\s+(?:\w+\s+)?helfen|vous\s+aider|"
    r"ayudarle|le\s+ayud\w*)\b"
)
"""Material offered to help the buyer make her own case ("if it helps you convince Marcus, the payback sheet is
attached") is ours to offer: the buyer decides whether and when to use it."""


_ASK = (
    r"(?:ask(?:ing)?|remind(?:ing)?|encourag(?:e|ing)|prompt(?:ing)?|urg(?:e|ing)|prod(?:ding)?|motivat(?:e|ing)|"
    r"demander|rappeler|encourager|inciter|motiver|"
    r"pedir(?:le)?|recordar(?:le)?|animar(?:le|la|lo)?|motivar(?:le|la|lo)?|alentar|invitar)"
)
_SIGN = re.compile(
    r"\b(?:sign\w*|approv\w*|countersign\w*|unterschr\w*|unterzeichn\w*|freigeb\w*|freizugeben|freigabe|gegenzeichn\w*|"
    r"sign(?:er|e|ent|ature)|valid(?:er|e)|approuv\w*|firm(?:ar|e|en|a)\w*|aprob\w*|apruebe\w*)\b"
)
"""The signature or approval the colleague would be pressed for (folded)."""
_BY_A_TIME = re.compile(
    r"\b(?:before|by|until|this\s+(?:week|month|quarter|year)|(?:end\s+of\s+)?(?:the\s+)?(?:year|quarter)|asap|"
    r"vor|bis|noch|dieses?\s+(?:woche|monat|jahr|quartal)|avant|d'ici|cette\s+(?:semaine|annee)|"
    r"antes|este\s+(?:ano|mes|trimestre)|esta\s+semana|cuanto\s+antes)\b"
)
"""A time the signature is wanted by: without one, asking the colleague to sign is the buyer's own process."""


_NOT = re.compile(r"(?:n't|\b(?:not|never|no\s+need|nicht|kein\w*|pas|jamais|no|nunca|sin))\b")
"""Pressure disowned ("we don't want to push Marcus before the review") is the opposite of pressure."""


def pushes_a_colleague(body: str, contact_id: str | None, ctx: Context) -> list[str]:
    """The buyer asked to press another person of theirs (a contact of the record, or "your CFO", "su compañera") to
    sign, approve or decide, or by a date: it puts the buyer in an awkward spot for our timing. Asking the buyer to
    share a document with a colleague ("could you share this with Lucía?") presses nobody."""
    people = [_PERSON_WORD]
    for c in ctx.record.contacts:
        if c.id == contact_id:
            continue
        name = _fold(ctx.contact_name(c) or "")
        people += [re.escape(part) for part in name.split() if len(part) >= 3]
    pushed, asked = _colleague_patterns("(?:" + "|".join(people) + ")")
    out = []
    # cut as written, folded after: "M. Lefèvre", "Sr. García" and "am 2. Dezember" end no sentence (agents.sentence_ends)
    for sentence in map(_fold, sentence_parts(normalise(body))):
        m = pushed.search(sentence)
        if (
            not m
            and (a := asked.search(sentence))
            and _SIGN.search(sentence[a.start() :])
            and _BY_A_TIME.search(sentence)
            and not _NOT.search(sentence[: a.start()])
        ):
            out.append(
                f"asks the buyer to get a colleague's signature by our date: {sentence.strip()[:80]!r}"
            )
            continue
        if not m or _HELPS_THEM.search(sentence) or _NOT.search(sentence[: m.start()]):
            continue
        if not re.search(rf"\b{_DECIDE}\b", sentence):
            continue
        out.append(f"asks the buyer to press a colleague for our timing: {sentence.strip()[:80]!r}")
    return out


_APPOSED = (r"(?:,\s*(?:(?:herrn?|frau|dr|prof|mr|mrs|ms|m|mme|sr|sra)\.?\s+)*[\w-]+(?:\s+[\w-]+)?,)?")
"""wave 41: a name in apposition between the colleague and the German verb at the end ("Ihren Chef, Prof. Berger,
bitten, ... zu unterschreiben"; "Herrn Weber, Ihren Geschäftsführer, überzeugen") left the verb out of reach."""


@functools.lru_cache(maxsize=256)
def _colleague_patterns(person: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two patterns of `pushes_a_colleague` for one alternation of colleague names, compiled once per record's
    names (compiling them took more of its time than matching them: 120 compilations in 30 held-out cases)."""
    pushed = re.compile(
        rf"\b{_PUSH}\s+(?:sie\s+)?(?:doch\s+)?(?:(?:a|on|auf|bei|sur|para\s+que|a\s+que)\s+)?(?:(?:la|el)\s+)?"
        rf"(?:(?:mr|ms|mrs|herrn?|frau|m|mme|monsieur|madame|sr|sra|senora?|don|dona)\.?\s+)?{person}\b|"
        rf"\b(?:le|la|lui)\s+(?:convaincre|persuader|pousser|relancer|presser)\b|"
        rf"\b(?:convencer|persuadir|presionar|empujar)(?:la|le|lo)\b|"
        rf"\b(?:get|gets|getting)\s+{person}{_APPOSED}\s+to\s+(?:sign|approve|agree|commit|decide|move)\b|"
        rf"\btalk\s+{person}{_APPOSED}\s+into\b|"
        rf"\b{person}{_APPOSED}\s+(?:\w+\s+){{0,5}}?(?:uberzeug\w*|uberred\w*|drang\w*|bewegen|antreib\w*|dazu\s+bringen|druck|"
        rf"nachhak\w*|einwirken)\b"
    )
    titled = rf"(?:(?:mr|ms|mrs|herrn?|frau|m|mme|monsieur|madame|sr|sra|senora?|don|dona)\.?\s+)?{person}"
    # a milder verb ("ask", "remind", "encourage", "bitten", "animar") presses only when it asks the colleague to sign
    # by a time (set 35's de-b9 "Herrn Weber bitten, noch vor unserem Termin ... zu unterschreiben", es-b12 "animar a
    # Lucía a firmar antes del 15 de diciembre"); "could you ask Marcus which date suits him?" asks for no signature
    asked = re.compile(
        rf"\b{_ASK}\s+(?:(?:a|to|an|à|al?)\s+)?(?:(?:la|el)\s+)?{titled}\b|"
        rf"\b(?:make\s+sure|ensure|sure)\s+(?:that\s+)?{titled}\s+(?:signs|approves)\b|"
        rf"\bdafur\s+sorgen,?\s+dass\s+{titled}\b|\bfaire\s+(?:signer|valider)\s+{titled}\b|"
        rf"\b(?:pedirle|recordarle|animarle|animarla|animarlo)\s+a\s+{titled}\b|"
        rf"\b{titled}{_APPOSED}\s+(?:\w+\s+){{0,3}}?(?:bitten|erinnern|ermutigen|ermuntern|motivieren|anstossen|auffordern)\b"
    )
    return pushed, asked
