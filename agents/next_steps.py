"""Whether a draft leaves the buyer a clear next step: the asks it makes (a question, an imperative about a next step,
a call script's "confirm ..." line) and, when it asks nothing, a step our side commits to on a coming day.

Split out of agents.quality (wave 22b) to keep that module under 400 lines; agents.quality re-exports count_asks."""

from __future__ import annotations

import re

from agents.answered_here import without_answered_questions
from agents.conditional_asks import conditional_offer, contingent_ask
from agents.courtesy_closers import courtesy_closer
from agents.defaulted_questions import defaulted_question
from agents.facts import find_dates
from agents.grouped_asks import continues_an_ask, one_ask_per_group
from agents.own_confirmations import our_confirmations_out
from agents.reported_questions import reported_questions_out
from agents.sentence_ends import sentence_parts
from agents.timing import CLOCK

CTA_PATTERNS = (
    # wave 42 (noticed42; qual41's note): a question of ours ending in a closing quotation mark ("One question for
    # Marcus: “Would Tuesday suit him?”", „Passt ihm Dienstag?“, «¿Le va bien el martes?») asks as a bare one does;
    # the buyer's quoted question is cut away before (_QUOTED_QUESTION, agents.reported_questions)
    r"\?\s*[”“\"»«’'„]?\s*$",
    # wave 40 (set 52's en-g8, "Thanks again for your reply after the demo"): "your reply" is a noun, no imperative
    # wave 41 (qual41): "tell me" / "let us know" as "let me know" ("If you want the comparison, tell me which day suits
    # you" counted 0 asks; German "sagen Sie mir", French "dites-moi" and Spanish "dígame" already counted)
    r"\b(let (?:me|us) know|(?<!\byou )tell (?:me|us)|(?<!\byour )(?<!\bthe )(?<!\bmy )(?<!\bour )(?<!\bher )(?<!\bhis )reply|"
    r"book|grab|pick|choose|schedule|confirm|send me|drop me)\b[^.!?]*"
    r"\b(time|slot|call|meeting|chat|demo|day|works?|when|whether|if|a line|reply)\b",
    r"\b(geben sie mir (bitte |kurz )*bescheid|lassen sie (mich|uns) wissen|sagen sie mir|melden sie sich|"
    r"faites-moi savoir|dites-moi|tenez-moi au courant|indiquez-moi|"
    r"h[aá]game saber|d[ií]game(?:lo)?|av[ií]seme|conf[ií]rme(me)?)\b",
    # wave 42 (noticed42; qual53's note "Confirmez-moi le créneau" counted 0): the imperative of choosing or confirming
    # a time in French, German and Spanish, as English "confirm the slot", "pick a time" above; a sentence's first verb
    # (after a lead-in clause at most), so "je vous confirme", "Wir bestätigen" and "si vous confirmez" stay statements
    r"^(?:[^,;:]{0,80}[,:]\s*)?(?:"
    r"(?:merci de|veuillez|je vous remercie de)\s+(?:bien\s+vouloir\s+)?(?:me\s+|nous\s+|m['’]\s*)?"
    r"(?:confirmer|indiquer|proposer|réserver|choisir|fixer|caler|bloquer|retenir)|"
    r"(?:confirmez|indiquez|proposez|réservez|choisissez|fixez|calez|bloquez|retenez)(?:-(?:moi|nous|le|la|les))*|"
    r"(?:bitte\s+)?(?:bestätigen|nennen|wählen|buchen|reservieren|blocken|geben)\s+Sie\s+(?:mir\s+|uns\s+)?|"
    r"(?:por favor,?\s+)?(?:ind[ií]quenos|ind[ií]queme|elija|escoja|res[eé]rve(?:me|nos)?|prop[oó]nga(?:me|nos)?|fije|"
    r"conf[ií]rmenos))\b[^.!?]*?\b(?:créneaux?|rendez-vous|rdv|appel|réunion|date|heure|jour|horaire|démo|démonstration|"
    r"disponibilités?|visio|moment|"
    r"Termin\w*|Uhrzeit|Zeitfenster|Slot|Tag|Datum|Gespräch|Telefonat|Call|Demo|Zeitpunkt|"
    r"horarios?|hora|d[ií]as?|fechas?|cita|reuni[oó]n|llamada|demo|demostraci[oó]n|hueco|momento|franja)\b",
)
"""An ask is a question, or an imperative about a next step."""

PLEASANTRY = re.compile(r"^\W*(how are you|how have you been|how('s| is| was) (your|the) (week|weekend|day|summer|"
                        r"holiday)s?|hope (you|all|things)\b|wie geht es ihnen|ich hoffe|j'espère|comment allez|"
                        r"¿?c[oó]mo est[aá]|espero que)", re.I)
GREETING = re.compile(r"^(hi|hello|dear|hey|hallo|guten tag|sehr geehrte[rs]?|liebe[rs]?|bonjour|madame|monsieur|"
                      r"cher|chère|hola|estimad[oa]s?|buenos d[ií]as)\b", re.I)
"""Questions that ask nothing of the reader."""

_QUOTED_QUESTION = re.compile(
    r"\b(?:asked|wondered|wrote|your question(?: was)?|fragten|gefragt|fragte|wollten wissen|schrieben|ihre frage|"
    r"demandiez|demandé|demandait|écriviez|votre question|preguntaba|preguntó|pregunt[oó] usted|escribió|su pregunta|"
    # wave 41 (qual41's probe): the buyer's perfect tense of writing ("Vous m'avez écrit : « ... ? »", "Sie haben mir
    # geschrieben: „...?“", "nos ha escrito") and Spanish "nos pidió" read back their question as the forms above do;
    # our own ("je vous ai écrit", "ich habe geschrieben", "le he escrito") re-asks ours
    r"(?:avez|a)\s+écrit|haben\s+(?:[\w.]+\s+){0,5}?geschrieben|(?:ha|han)\s+escrito|pidió|"
    # wave 42 (noticed42): the buyer's question in their words ("Tom's question was ...", "in her words", "she put it
    # this way") and in single quotes, now that a question ending in a closing quote counts as an ask
    r"(?:her|his|their|[\w’']+['’]s)\s+question(?:\s+was)?|in\s+(?:her|his|their|your)\s+(?:own\s+)?words|"
    r"(?:she|he|they|you)\s+put\s+it(?:\s+this\s+way)?)\b"
    r"[^\n“\"«„]{0,40}?(?:“[^”\n]*\?[^”\n]*”|\"[^\"\n]*\?[^\"\n]*\"|«[^»\n]*\?[^»\n]*»|„[^“”\n]*\?[^“”\n]*[“”]|"
    r"‘[^’\n]*\?[^’\n]*’|'(?=\S)[^\n]*?\?\s*')", re.I)
"""wave 32 (set 41's fr-g2): the buyer's own question quoted before the answer ("Vous me demandiez : « Pourriez-vous
nous envoyer la proposition ... ? »", "Sie fragten: „Können Sie ...?“") is what they asked us, not an ask of the draft;
a quoted question nobody is said to have asked ("One question for Marcus: “Would Tuesday suit him?”") is still ours."""


def count_asks(body: str) -> int:
    """Count the sentences that ask the reader to do something (questions or next-step imperatives); the buyer's
    question quoted as theirs is not one."""
    body = without_answered_questions(body)  # wave 35: a question answered on its own line is the buyer's, read back
    body = one_ask_per_group(body)  # waves 36-37: "Or ...?" carried on, two questions under one lead-in
    body = our_confirmations_out(body)  # wave 38: "Just to confirm: the texts work" asks nothing (agents.own_confirmations)
    body = _QUOTED_QUESTION.sub(lambda m: m.group(0)[: next(i for i, c in enumerate(m.group(0)) if c in "“\"«„‘'")], body)
    body = reported_questions_out(body)  # wave 41: "Tom raised a good point on our call: could the clinics ...?"
    # wave 38: not cut at "1. Dezember" or "Hr." (agents.sentence_ends), so a sentence keeps its day
    sentences = [s for s in sentence_parts(body) if s.strip()]
    count, contingent = 0, False
    for i, s in enumerate(sentences):
        if (GREETING.search(s.strip()) and "?" not in s) or PLEASANTRY.search(s):
            continue
        if courtesy_closer(s):
            continue  # wave 38: "Let me know if you have any questions" asks nothing the buyer must answer
        if contingent_ask(s):
            contingent = True
            continue  # wave 39: "If the count has changed, let me know" asks nothing unless it has (no second ask)
        if defaulted_question(s, sentences[i + 1] if i + 1 < len(sentences) else ""):
            contingent = True
            continue  # wave 40: "... ? If not, I'll assume one per depot" and "is it still 420 trucks?" owe no answer
        if any(re.search(p, s.strip(), re.I) for p in CTA_PATTERNS):
            # wave 37: "If neither works, send me a time that does" is the ask before it, answered another way
            count += 0 if count and continues_an_ask(s) else 1
    # wave 38: "Happy to go through it on December 3 if that suits" offers a day to accept; beside a question
    # ("- Thursday at 10 am: a walkthrough, if that suits you ... Does that order work for you?") the question asks it
    if not count and any(conditional_offer(s, bool(find_dates(s) or CLOCK.search(s))) for s in sentences):
        return 1
    # wave 39 (set 50's es-g2): alone, "Si quiere que cambiemos alguna hipótesis, dígamelo" is the draft's one ask
    return count or int(contingent)


_SCRIPT_ASK = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?(?:ask|confirm|agree|book|schedule|propose|fix|set up|find out|check whether|fragen|erfragen|"
                         r"bestätigen|vereinbaren|\w+ vereinbaren|einen termin|klären|demander|confirmer|convenir|proposer|"
                         r"fixer|caler|preguntar|confirmar|acordar|proponer|fijar|agendar|cerrar una fecha)\b", re.I | re.M)
"""A call script's line that asks the buyer something ("- Agree a time next week", "- Fragen, ob Herr Weber ...")."""
_SCRIPT_ASK_LAST = re.compile(r"^[^\n]{0,100}\b(?:vereinbaren|klären|bestätigen|erfragen|abstimmen|festlegen)\W*$", re.I)
"""wave 33 (set 42's de-g9): German puts the verb last, after a label or not ("Ziel: Termin zur Durchsicht des Angebots
vereinbaren.")."""
_SLOTS_LABEL = re.compile(r"^\W*(?:terminvorschl(?:a|ä)ge?|vorschl(?:a|ä)ge?|termine|proposed (?:slots?|times?|dates?)|"
                          r"suggested (?:slots?|times?)|créneaux? proposés?|propositions? de (?:créneaux?|dates?)|"
                          r"horarios? propuestos?|propuesta de (?:fechas?|horarios?)|fechas propuestas)\s*:", re.I)
"""A labelled line of proposed slots ("- Terminvorschlag: Mittwoch, 2. Dezember, 10 Uhr"): an ask with its day or time."""


_SCRIPT_OFFER = re.compile(
    r"^\W*(?:(?:next step|next|then|close|closing|nächster schritt|abschluss|prochaine étape|ensuite|pour finir|"
    r"siguiente paso|próximo paso|para cerrar)\s*:\s*)?"
    r"(?:offer|suggest|put forward|anbieten|vorschlagen|offrir|suggérer|ofrecer|sugerir)\b|"
    r"^[^\n]{0,80}\b(?:anbieten|vorschlagen)\W*$|"  # German puts the verb last: "Mittwoch, 10 Uhr anbieten"
    r"^[^\n:]{0,60}\b(?:anbieten|vorschlagen)\s*:", re.I)  # wave 34 (set 43's de-g9): "Termin vorschlagen: Mittwoch, ..."
"""wave 26 (set 35's en-g8): "Next step: offer Tuesday, 1 December at 11:00 to go through it" proposes a time to the
buyer as surely as "Propose: ..." does; an offer counts only with its day or time (an "Offer: a discount" asks nothing)."""


def script_asks(body: str) -> int:
    """Count a call script's lines that ask the buyer something (questions are counted by count_asks)."""
    return sum(1 for line in body.splitlines() if "?" not in line and (
        _SCRIPT_ASK.match(line) or _SCRIPT_ASK_LAST.match(line)
        or (_SCRIPT_OFFER.match(line) or _SLOTS_LABEL.match(line)) and bool(COMING_DAY.search(line) or CLOCK.search(line)
                                                                            or find_dates(line))))


WEEKDAY_NAMES = (r"monday|tuesday|wednesday|thursday|friday|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|"
         r"jeudi|vendredi|lunes|martes|miércoles|jueves|viernes")
COMING_DAY = re.compile(
    rf"\b(?:(?:{WEEKDAY_NAMES})\w*|tomorrow|(?:this|next|the coming|the following) (?:week|month)|(?:end|close) of (?:this|next|the) "
    r"week|morgen|übermorgen|(?:diese|nächste|kommende)[nrs]? woche|ende (?:dieser|nächster|der) woche|"
    r"demain|semaine prochaine|(?:cette|la) semaine|"
    r"mañana|(?:esta|la próxima|la) (?:misma )?semana|próxima semana|semana que viene|"
    r"(?:this|cette) (?:very |same |même )?week)\b", re.I)
"""A day or week still to come, in words (a weekday and its compounds: "Montagvormittag")."""
_COMMITS = re.compile(
    r"\b(?:i|we)(?:'ll| will| am| are|'m|'re| shall)\b|\byou(?:'ll| will) (?:have|get|receive|see)\b|"
    # wave 26 (set 34's en-g7, de-g5): the buyer and a colleague, or both, told when they have it ("You and Elena
    # will receive it by Friday", "Beide erhalten es bis Freitag", "vous et M. Lefèvre la recevrez", "ambos la tendrán")
    r"\b(?:you (?:and|&) [\w.'’ -]{1,30}?|you both|both of you|the two of you|you two|both) (?:will|'ll|shall) "
    r"(?:both |each |all )?(?:have|get|receive|see)\b|"
    r"\b(?:sie beide|beide|sie und (?:herr|frau) \w+|sie und \w+) (?:erhalten|bekommen|haben)\b|"
    r"\bvous (?:et [\w.'’ -]{1,30}? |deux |tous (?:les )?deux )(?:l'|la |le |les )?(?:aurez|recevrez)\b|"
    r"\b(?:ambos|los dos|las dos) (?:l[oa]s? )?(?:tendr[áa]n|recibir[áa]n|reciben|tienen)\b|"
    r"\bwill be (?:with|in front of) you\b|\bon (?:its|their) way\b|"
    r"\b(?:ich|wir)\b|\bsie (?:haben|erhalten|bekommen) (?:es|das|ihn|sie)\b|\bkommt\b|"
    r"\b(?:je|j'|nous)\b|\bvous (?:l'|la |le |les )?(?:aurez|recevrez)\b|\bpartira\b|"
    r"\b(?:envío|enviaré|mando|mandaré|llamo|llamaré|hago llegar|haré llegar|confirmo|tendrá|recibirá|comentamos|"
    r"revisamos|vemos|enviamos|enviaremos)\b|"
    # the thing itself reaching the buyer: "it will reach you Friday", "vous parviendra vendredi", "le llegará el viernes"
    r"\b(?:will|'ll|shall) (?:reach|arrive|land|be in your inbox|be with you)\b|\b(?:reaches|arrives) (?:you|in your)\b|"
    r"\bvous (?:parviendra|parviendront|arrivera|arriveront|ser[ao]n?t? (?:envoy|remis|transmis|adress)\w*)|"
    r"\b(?:le|les|te|os) llegar[áa]n?\b|\b(?:le|les) ser[áa]n? (?:enviad|entregad|remitid)\w*|"
    r"\b(?:erhalten|bekommen) sie\b|\bgeht ihnen\b|\bliegt ihnen\b|"
    # the thing going to the buyer, or our present tense for a set step: "the proposal goes to you and Marcus on Friday",
    # "can go out on Friday", "before I send it on Friday" (a present tense alone, "we send our newsletter on
    # Fridays", is a habit, not a step), "ist am Freitag bei Ihnen", "la recibirán los dos el viernes"
    r"\b(?:goes|go|will go|can go|is going) (?:to you|out|over to you)\b|\b(?:before|when|once|until|after) (?:i|we) (?:send|call|deliver|share)\b|"
    r"\b(?:ist|sind)\b[^?!\n]{0,60}\bbei ihnen\b|\b(?:recibir[áa]n|tendr[áa]n)\b|"
    # wave 37 (set 47's fr-g2, "La proposition, attendue par Claire au plus tard le vendredi 27 novembre, le détaille"):
    # the document due to a named reader on its day is the step, said in the passive
    r"\b(?:expected|awaited) by (?!the end\b)[A-Z]|\b(?:attendue?s?|espérée?s?) par\b|\b(?:esperad[oa]s?|aguardad[oa]s?) por\b|"
    r"\b(?:von (?:herrn |frau )?\w+ )?(?:erwartet|erwarteten?)\b", re.I)
"""Our side committing to a step, or the buyer told what they will have or what will reach them: the first person in each language ("I'll
send", "schicke ich", "je vous l'envoie"), "you'll have it", "la tendrá"."""
_VAGUE = re.compile(r"\b(?:follow(?:ing)? up|get back|check in|touch base|circle back|be in touch|reach out|keep you posted|"
                    r"melde mich|melden uns|halte sie auf dem laufenden|reviendrai|revenir vers|reviens vers|"
                    r"tiendrai au courant|me pondré en contacto|volveré a contactar|le mantendré informad[oa]|escribiré de nuevo|"
                    r"vuelvo a escribir|write again|schreibe (?:ihnen )?wieder|vous réécrirai)\b", re.I)
"""A promise to be in touch is no step: "I'll follow up next week" leaves the buyer nothing to hold us to."""


HABIT = re.compile(
    rf"\b(?:every|each|jede[nrs]?|chaque|tou(?:te)?s les|cada|tod[oa]s (?:los|las))\s+(?:other\s+)?(?:{WEEKDAY_NAMES}|day|week|month|"
    r"morning|afternoon|tag|woche|monat|morgen|jour|semaine|mois|matin|día|dia|semana|mes|mañana)\w*|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag)s\b|"
    r"\b(?:les|los) (?:lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes)s?\b(?! \d)", re.I)
"""A day that recurs: "every Friday", "freitags", "chaque vendredi", "los viernes" (a habit, not a step; wave 23b)."""


def _vague(sentence: str) -> bool:
    """A promise to be in touch with no time to it: "Ich melde mich am Dienstag, 1. Dezember, um 15 Uhr telefonisch" is
    a call the buyer can hold us to (a day and a clock time), "ich melde mich nächste Woche" is not."""
    # wave 24: a calendar date is one too ("on Tuesday, December 1 I will check in with Marcus", set 28's en-g5)
    return bool(_VAGUE.search(sentence)) and not (CLOCK.search(sentence) and COMING_DAY.search(sentence)
                                                  or find_dates(sentence))


_MEETING_AFTER = re.compile(
    r"\b(?:afterwards|after that|then|once you(?:'ve| have)? (?:got|had|have|received|read)|"
    r"danach|anschließend|dann|im anschluss|sobald sie (?:es|das angebot) (?:haben|gelesen)|"
    r"ensuite|après (?:réception|l'envoi|lecture)|une fois (?:reçue?|que vous l'aurez\w*)|"
    r"después|luego|a continuación|una vez (?:la|lo) (?:tenga|reciba|haya leído))\b"
    r"[^.?!\n]{0,60}\b(?:(?:to|in order to) (?:book|set up|arrange|schedule|fix|agree|find) (?:a |the )?"
    r"(?:time|call|meeting|date|slot|walkthrough)|about (?:a|the) (?:meeting|call|date|time)|"
    r"wegen (?:eines|des) (?:termins|gesprächs|anrufs)|(?:um|für) einen termin|zur terminabsprache|"
    r"pour (?:caler|fixer|convenir d'|trouver|organiser|planifier) (?:un|le|une) (?:rendez-vous|créneau|échange|appel|"
    r"point|date)|para (?:fijar|concertar|acordar|cerrar|buscar|agendar) (?:una|la) (?:reunión|cita|llamada|fecha|hora))",
    re.I)
"""wave 28 (set 37's de-g8, "Freitag ist es bei Ihnen. Ich melde mich danach wegen eines Termins."): being in touch
after the document arrives, to set up a meeting on it, follows a step rather than replacing it. It is no step by itself
(`_vague` still refuses it as one), but it no longer makes the dated delivery beside it read as a check-in."""


def voids_the_step(sentence: str) -> bool:
    """Whether a sentence is a check-in that makes the whole draft read as one (agents.stated_steps uses it too)."""
    return _vague(sentence) and not _MEETING_AFTER.search(sentence)


def dated_next_step(body: str) -> str | None:
    """The first sentence committing our side to a step on a coming day or week, or None. A draft that also promises
    only to be in touch ("Ich melde mich nächste Woche wieder") reads as a check-in, whatever else it says."""
    # wave 37 (set 46's es-g7): "La propuesta que recibirá el Sr. García el viernes" is one sentence (agents.sentence_ends)
    sentences = sentence_parts(body)
    if any(voids_the_step(s) for s in sentences):
        return None
    for sentence in sentences:
        if "?" in sentence or PLEASANTRY.search(sentence) or HABIT.search(sentence):
            continue
        if COMING_DAY.search(sentence) and _COMMITS.search(sentence) and not _vague(sentence):
            return sentence.strip()[:80]
    return None
