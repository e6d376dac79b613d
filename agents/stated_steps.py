"""Next steps a draft states without a question or a first person (wave 23b, set 32's good drafts refused "0 ask(s)").

agents.next_steps reads a step as our side committing ("I'll send", "wir schicken") or the thing reaching the buyer in
the future tense ("vous parviendra"). Five good drafts of set 32 said the same in the present tense, which in every one
of our four languages states a scheduled step as surely as the future: "the proposal, which goes to Dana and Marcus on
Friday", "la proposition part vendredi 27 novembre", "vous parvient d'ici le vendredi", "la propuesta sale el viernes",
and "Sie und Herr Weber haben das Angebot bis Freitag". A present tense also states habits ("our newsletter goes out
on Fridays"), so a step here needs a document of the deal as its subject, one coming day (not every Friday), and for
the buyer's having it a limit ("by", "bis", "d'ici", "antes del"). A conditional invitation to answer ("if anything
should read differently, a reply before Friday is all I need") leaves the buyer a step too.
"""

from __future__ import annotations

import re

from agents.arrival_forms import arrives_on_a_day
from agents.context import Context
from agents.facts import find_dates
from agents.handed_steps import handed_step
from agents.next_steps import COMING_DAY, HABIT, WEEKDAY_NAMES, voids_the_step
from agents.nominal_steps import follows_on_a_day, nominal_step
from agents.nothing_needed import nothing_needed
from agents.sentence_ends import sentence_parts
from agents.soon_steps import soon_step

_THING = re.compile(
    r"\b(?:proposal|offer|quote|quotation|contract|draft|estimate|annex|order form|angebot\w*|vertrag\w*|entwurf|"
    r"unterlagen|kostenvoranschlag|proposition|offre|devis|contrat|annexe|propuesta|oferta|presupuesto|contrato|"
    r"anexo|plan|plans|zeitplan|projektplan|calendrier|calendario)\b", re.I)
"""A document of the deal: the thing a present tense can schedule (wave 28: the plan the buyer asked for, "the plan
comes to you and Tom by Friday", "el calendario")."""
_GOES = re.compile(
    r"\b(?:goes|is going) (?:out|over|to)\b|\b(?:leaves|ships|is sent|gets sent)\b|"
    # wave 35 (set 44's fr-g4): reaching a person of the deal by name ("parvient à Claire", "reaches Dana")
    r"\breaches\b|\bparvien(?:t|nent) à\b|\b(?:erreicht|erreichen)\b|\bllegan? a\b|"

    r"\bgeht\b(?:[^.?!\n]|(?<=\d)\.){0,40}\b(?:raus|hinaus|heraus|an sie|an ihn|an \w+)\b|\bgeht (?:raus|hinaus|heraus)\b|"
    r"\b(?:wird|werden)\b(?:[^.?!\n]|(?<=\d)\.){0,40}\b(?:verschickt|versendet|gesendet|zugestellt)\b|"
    r"\bpart\b|\bpartent\b|\bvous (?:parvient|parviennent|arrive|arrivent)\b|\b(?:est|sont) (?:envoyée?s?|transmise?s?)\b|"
    r"\bsale\b|\bsalen\b|\bse (?:envía|envían|manda|mandan)\b|\b(?:le|les) llega\b|\b(?:le|les) llegan\b|"
    # wave 36 (set 45's en-g8, fr-g6): the document due by a day, or with a person of the deal by then ("the revised
    # proposal, due by Friday", "la proposition sera chez Claire au plus tard le vendredi", "liegt Herrn Weber bis
    # Freitag vor", "estará en manos de Lucía el viernes"); _coming_day still wants the day
    r"\b(?<!was )(?<!were )(?<!war )due (?:by|on|before)\b|\bf[äa]llig (?:bis|am|zum)\b|\bliegt\b(?:[^.?!\n]|(?<=\d)\.){0,40}\bvor\b|"
    r"\bser(?:a|ont) (?:chez|entre les mains d)|\bestar[áa]n? (?:en (?:manos|poder) de|con)\b", re.I)
"""The thing going out, reaching the buyer or due by a day, in the present or future tense."""
_ARRIVES = re.compile(r"\b(?:comes|is coming) (?:to|over to) you\b|\b(?:arrives|lands)\b|\b(?:arrive|arrivent)\b|"
                      r"\b(?:llega|llegan)\b", re.I)
"""wave 28 (set 37's en-g8, fr-g5, es-g5): the thing arriving, in the present ("the plan comes to you by Friday", "la
proposition arrive vendredi 27 novembre", "la propuesta llega el viernes"). Only with a day: "la proposition arrive la
semaine prochaine" (the wave-6 set's fr-b15, labelled with no call to action) names no day the buyer can hold us to."""
_A_DAY = re.compile(rf"\b(?:{WEEKDAY_NAMES})\b", re.I)
_HAVE_BY = re.compile(
    r"\b(?:you|sie|vous|usted|ustedes)\b(?: (?:and|und|et|y) [\w\s.]{1,30}?)? (?:have|get|receive|haben|erhalten|bekommen|avez|"
    r"recevez|aurez|tiene|tienen|recibe|reciben)\b[^.?!\n]{0,60}\b(?:by|before|bis|vor|d'ici|avant|antes del?|para el|hasta)\b",
    re.I)
"""The buyer having the thing by a day: "Sie und Herr Weber haben das Angebot bis Freitag"."""
_RECEIVES = re.compile(
    # wave 26 (set 35's en-g2, fr-g2): a person of the deal receiving the document on a day, in the present or the
    # future ("the proposal Dana receives on Friday, November 27", "la proposition que Claire recevra le vendredi 27
    # novembre", "das Angebot, das Herr Weber am Freitag erhält", "la propuesta que Lucía recibe el viernes"); a past
    # tense ("received", "a reçu", "erhielt", "recibió") is no step, and _coming_day wants the day still to come
    r"\b(?:receives?|will (?:receive|get|have)|gets|is getting|are getting|'ll (?:receive|get|have)|"
    r"erhält|erhalten|bekommt|bekommen|(?:wird|werden) (?:\w+ ){0,6}?(?:erhalten|bekommen)|"
    r"reçoit|reçoivent|recevra|recevront|aura|auront|aurez|recevrez|recevez|"
    r"recibe|reciben|recibirá|recibirán|tendrá|tendrán)\b", re.I)
"""The document reaching a person of the deal: with _THING and a coming day, a step the buyer can hold us to."""
_PRONOUN = re.compile(
    r"\b(?:receives?|receiving|get|gets|have|has)\s+(?:it|them)\b|"
    r"\b(?:erhält|erhalten|bekommt|bekommen|hat|haben)\s+(?:es|ihn|sie)\b|"
    r"(?:\bl'|\b(?:la|le|les)\s+)(?:recev|reçoi|aur)\w*|\b(?:la|lo|las|los)\s+(?:recib|tendr|tien)\w*", re.I)
"""The document named before, as the object pronoun of its receiving ("receive it", "vous l'aurez", "la recibirá")."""
_IT = re.compile(r"^\W*(?:it|elle|il|es|er|ella|él)\b|^\W*(?:le |les )?(?:llega|llegan|sale|salen)\b", re.I)
"""A sentence whose subject is a pronoun, or Spanish with none: after a sentence naming the document, the document
("Elle vous arrive le vendredi 27 novembre.", set 37's fr-g7; "Le llega el viernes.")."""
_PAST = re.compile(r"\b(?:since|seit|depuis|desde|ago|last|letzte[nm]?|dernier|pasado)\b", re.I)
_REPLY_IS_ENOUGH = re.compile(
    r"\b(?:a|one|a short|a quick) (?:reply|answer|line|note)\b[^.?!\n]{0,50}\b(?:is all|is enough|will do|suffices)\b|"
    r"\b(?:eine )?(?:kurze )?(?:antwort|nachricht|zeile|mail)\b[^.?!\n]{0,50}\b(?:genügt|reicht)\b|"
    r"\b(?:il suffit de (?:me )?répondre|une (?:simple |courte )?réponse[^.?!\n]{0,50}\b(?:suffit|suffira))\b|"
    r"\b(?:basta con (?:responder|contestar|una respuesta|un correo)|(?:una )?(?:breve )?respuesta[^.?!\n]{0,50}\bbasta)\b|"
    # wave 24 (set 23's en-g3, "If anything in them needs updating, just reply to this email"): answering this e-mail
    # is the step the buyer is left, said as an imperative in each language
    r"\b(?:just|simply) (?:reply|answer|respond)\b|\breply to this (?:e-?mail|message|note)\b|"
    r"\b(?:antworten sie (?:einfach|mir einfach|kurz)|einfach (?:auf diese (?:e-mail|nachricht) )?antworten)\b|"
    r"\b(?:répondez(?:-moi)? simplement|répondez(?:-moi)? à (?:cet e-mail|ce message|ce courriel))\b|"
    r"\b(?:responda(?:me)? (?:simplemente|sin más|a este (?:correo|mensaje))|simplemente responda)\b",
    re.I)
"""An invitation to answer: "a reply to this email before Friday is all I need", "eine kurze Antwort genügt"."""
_CONDITION = re.compile(r"\b(?:if|should|falls|wenn|sollte|si|s'il|en caso de)\b", re.I)


def receives_it(body: str) -> str | None:
    """The sentence in which the buyer receives "it" on a coming day ("Vous l'aurez vendredi.", "La tendrá el
    viernes.", "You'll have it on Friday."), or None: with a subject naming the document, a complete short reply."""
    for sentence in sentence_parts(body):
        if "?" not in sentence and _PRONOUN.search(sentence) and _coming_day(sentence):
            return sentence.strip()[:80]
    return None


def _coming_day(sentence: str) -> bool:
    """One coming day or week, or a date, and no habit or past marker around it."""
    if HABIT.search(sentence) or _PAST.search(sentence):
        return False
    return bool(COMING_DAY.search(sentence) or find_dates(sentence))


def stated_step(body: str, ctx: Context | None = None, to_contact_id: str | None = None, subject: str = "",
                *, asked_document: bool = False) -> str | None:
    """The first sentence stating a step in the present tense or inviting an answer, or handing the draft to the
    colleague the record names for the next step (with `ctx`; agents.handed_steps), or None. Like
    next_steps.dated_next_step, a draft that also promises only to be in touch reads as a check-in. A `subject` naming
    the document names it for the body's pronouns ("Re: Propuesta" over "el viernes 27 de noviembre la tiene")."""
    sentences = sentence_parts(body)
    if any(voids_the_step(s) for s in sentences):
        return None
    handed = handed_step(body, ctx, to_contact_id) if ctx is not None else None
    if handed:
        return handed
    # wave 30 (set 39's es-g6, "Recibido, gracias. El viernes 27 la tiene." under "Recibido"): to the person who asked
    # for the deal's document (`asked_document`), their request names it for the pronoun as a subject would
    named = asked_document or bool(_THING.search(subject))
    for sentence in sentences:
        if "?" in sentence:
            named = named or bool(_THING.search(sentence))
            continue
        # wave 27 (set 36's en-g2): "Dana will receive it ... on Friday, November 27" after a sentence naming the
        # proposal: the pronoun is the document
        # wave 38 (set 48): "due Friday", "kommt bis 27. November", "llegará el 27" (agents.arrival_forms)
        arrives = (_ARRIVES.search(sentence) or arrives_on_a_day(sentence)) and (_A_DAY.search(sentence) or find_dates(sentence))
        if (_THING.search(sentence) or (named and _IT.search(sentence))) and (
                _GOES.search(sentence) or _HAVE_BY.search(sentence) or _RECEIVES.search(sentence) or arrives
                or follows_on_a_day(sentence)) and _coming_day(sentence):
            return sentence.strip()[:80]
        # wave 29 (set 38's fr-g7, fr-g10): a verbless status line, "Envoi le vendredi 27 novembre."
        if nominal_step(sentence):
            return sentence.strip()[:80]
        # wave 28 (set 37's es-g1): the pronoun of receiving is itself the step ("la tiene", "vous l'aurez")
        if named and _PRONOUN.search(sentence) and _coming_day(sentence):
            return sentence.strip()[:80]
        if _REPLY_IS_ENOUGH.search(sentence) and (_CONDITION.search(sentence) or _coming_day(sentence)):
            return sentence.strip()[:80]
        named = named or bool(_THING.search(sentence))
    # wave 27: the document sent soon, a question asked indirectly, the document on schedule (agents.soon_steps)
    # wave 27: the buyer told nothing more is needed of them, the document named (agents.nothing_needed)
    return soon_step(sentences) or nothing_needed(sentences, _THING)
