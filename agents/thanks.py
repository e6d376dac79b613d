"""Whom a draft thanks, and for what: the record says who sent which message and what the seller sent
(issue 11: "thanks the right person for the right thing"). Pure functions over the Context."""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.company_decisions import company_decides, decided_by_one_other, without_addressee_decision
from agents.context import Context
from agents.credited_thanks import thanks_clauses, thanks_for_another_contacts_message
from agents.facts import find_dates
from agents.moments import sender_of
from agents.normalize import normalise
from agents.relayed_remarks import without_relayed_remarks
from agents.sentence_ends import clause_parts, sentence_parts
from agents.thanks_scope import thanked_clause

_THANKS = re.compile(r"\b(?:thank(?:s| you)|many thanks|danke|vielen dank|herzlichen dank|merci|gracias|muchas gracias|"
                     r"(?:meinen |unseren )?dank|(?:mes |nos )?remerciements|(?:mi |nuestro )?agradecimiento|"
                     # the verbs of thanking in any person: "agradezco que Lucía me escribiera", "ich bedanke mich",
                     # "je remercie Paul", "I appreciate Marcus sending"
                     r"agradezc\w*|agradec\w*|bedank\w*|danke[nt]?|remerci\w*|appreciate[sd]?|grateful|"
                     r"reconnaissant\w*|dankbar)\b", re.I)
_NEXT_THANKS = re.compile(rf"{_THANKS.pattern}|\bthank\b|\bagradézca\w*", re.I)
"""A thanks asked of the reader ("please thank Priya", "agradézcale a Lucía") as well as one said."""
_PASS_ON = re.compile(r"\b(?:pass(?:ing)? (?:on|along)|give|send|richten|ausrichten|übermitteln|weitergeben|transmett\w*|"
                      r"transmit\w*|transmita|trasladar|traslade|hágale llegar|dele|den)\b", re.I)
"""Thanks handed on to someone ("richten Sie Herrn Weber meinen Dank ... aus", "merci de transmettre à Paul mes
remerciements"): the person thanked is named before the thanks word."""
_MESSAGE = re.compile(r"\b(?:message|messages|e-?mails?|mail|note|reply|request|nachricht|antwort|anfrage|courriel|retour|"
                      r"demande|correo|mensaje|respuesta|solicitud|petición|"
                      # writing as a verb: "que Lucía me escribiera", "dass Frau Weber geschrieben hat", "writing to me"
                      r"wr[io]te|writing|written|schrieb\w*|geschrieben|écrit\w*|escrib\w*|escribi\w*)\b", re.I)
_THEIR_RESPONSE = re.compile(r"\b(?:feedback|reply|answer|response|questions?|thoughts|comments?|rückmeldung|antwort|"
                             r"fragen|retour|réponse|remarques|respuesta|comentarios|preguntas|"
                             # the buyer's interest in what we sent is theirs (set 32's es-g6: "su interés en la estimación")
                             r"interest|interesse|intérêt|interés)\b", re.I)
_YOUR = re.compile(r"\b(?:your|ihre[rnm]?|votre|vos|su|sus)\b", re.I)
_YOU_WROTE = re.compile(
    r"(?-i:\bdass\s+Sie\b)[^;!?\n]{0,60}?\bgeschrieben|\bfor\s+(?:writing|e-?mailing)\b|\byou\s+(?:wrote|e-?mailed)\b|"
    r"\bvous\s+(?:m['’]|nous\s+)avez\s+écrit|\bde\s+(?:m['’]|nous\s+)avoir\s+écrit|"
    r"\bpor\s+(?:escribirme|escribirnos|haberme\s+escrito|habernos\s+escrito)\b|\busted\s+me\s+escribió", re.I)
"""The recipient as the one who wrote, said with the verb ("dass Sie mir am 20. November geschrieben haben", "for
writing to me", "de m'avoir écrit", "por escribirme"): as "your message" (wave 40, when noticed40b's company decision
and qual52's test met)."""
_WORD = re.compile(r"[^\W\d_][^\W\d_'-]{4,}")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


_REPORTING = re.compile(r"\b(?:lett\w+ (?:me|us) know|tell\w*|inform\w*|confirm\w*|updat\w*|news|heads-up|flagg\w*|"
                        r"pass\w* (?:on|along)|shar\w*|keep\w* (?:me|us)|bescheid|info\w*|mitteil\w*|nachricht|"
                        r"bestätig\w*|prévenu|préven\w*|confirm\w*|avis\w*|comunic\w*|noticia\w*|nouvelle\w*)\b", re.I)
"""Thanks for being told something ("thanks for letting me know security signed off"): the teller is thanked, and
whom a message came from is checked above."""
_GENERIC = frozenset("""getting taking making sending quickly again through today there these their which about would
could should really great everything always doing helping hola hallo hello bonjour dear liebe querida querido
saludo saludos cordialement grüße""".split())
CREDIT_MIN_SHARED_WORDS = 2
"""Distinct words of the thing thanked for that an activity must share before it tells who did it."""
SPECIFIC_WORD_LETTERS = 10
"""Letters from which a word of the thing thanked for names one thing ("questionnaire", "Amortisationsrechnung")."""


def _stems(words: set[str]) -> set[str]:
    """Words by their first four letters: "sign-off" and "signed", "security" and "secured" are one thing."""
    return {w[:4] for w in words}


_WORD4 = re.compile(r"[^\W\d_]{4,}")


def _stemmed(text: str) -> set[str]:
    """The four-letter stems of a text's words of four letters or more ("sign-off" -> sign)."""
    return {w.lower()[:4] for w in _WORD4.findall(text)}


def _email_sender(ctx: Context, a: dict) -> str | None:
    """Who sent an inbound e-mail: its signer, else the primary contact (an unsigned e-mail from the buyer's side is
    read as the primary contact's, as a rep reads it; set 26's en-b3 thanked Priya for Dana's unsigned e-mail)."""
    sender = sender_of(ctx, a)
    if sender is None and a.get("direction") == "inbound":
        sender = next((c.id for c in ctx.record.contacts if c.is_primary), None)
    return sender


def _on_a_day(at: str | None, days: list[tuple[int, int]]) -> bool:
    """An activity's time falls on one of the (month, day) pairs, a day either side (it is stored in UTC); True when the
    record gives no time (the record cannot tell, so the activity still counts)."""
    try:
        when = date.fromisoformat((at or "")[:10])
    except ValueError:
        return True
    return any((d.month, d.day) in days for d in (when - timedelta(days=1), when, when + timedelta(days=1)))


def _credited_elsewhere(clause: str, ctx: Context, recipient_id: str | None, names: set[str]) -> str:
    """Whom the record credits with what the recipient is thanked for, when that is someone else (empty otherwise):
    "Thanks for getting the security review signed off" to Marcus, when the notes say Priya ran the review. An activity
    sharing CREDIT_MIN_SHARED_WORDS of the thing's words tells who acted: its sender, and the contacts named in its
    sentences that share as many."""
    clause = re.split(r"[.;!?\n]", clause.lstrip(" ,"), maxsplit=1)[0]  # "C'est noté, merci. Je mets Paul en copie"
    if not recipient_id or _REPORTING.search(clause):
        return ""
    thing = _stemmed(clause) - _stems(names | _GENERIC) - {"over", "with", "from", "your", "that", "this", "mein", "pour", "para"}
    if len(thing) < CREDIT_MIN_SHARED_WORDS:
        return ""
    # a long word names one specific thing ("Amortisationsrechnung", "questionnaire"): once the activity shares enough
    # with the thanks, its sentence that names that thing tells who asked for it or did it ("Jonas möchte eine
    # Amortisationsrechnung"), even when that sentence shares no second word (wave 19)
    specific = {w.lower()[:4] for w in _WORD4.findall(clause) if len(w) >= SPECIFIC_WORD_LETTERS} & thing
    # a thanks that dates its thing ("for the call on November 24") is for what happened that day: another contact's
    # call of November 19 credits them with nothing (the demo market's deal 89); a day either side for time zones
    dated = [(m, d) for _, (_, m, d) in find_dates(clause)]
    credited: dict[str, str] = {}
    for a in ctx.activities.values():
        if a.get("withheld") or (a["type"] == "email" and a.get("direction") == "outbound"):
            continue  # what we sent is checked below
        if dated and not _on_a_day(a.get("at"), dated):
            continue
        text = normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}")
        if len(_stemmed(text) & thing) < CREDIT_MIN_SHARED_WORDS:
            continue
        sender = _email_sender(ctx, a) if a["type"] == "email" else sender_of(ctx, a)
        for c in ctx.record.contacts:
            if c.id == sender:
                credited[c.id] = (ctx.contact_name(c) or c.id).split(" ")[0]
        for sentence in clause_parts(text):  # "Call with Priya: she sent the questionnaire"
            shared = _stemmed(sentence) & thing
            if len(shared) < CREDIT_MIN_SHARED_WORDS and not shared & specific:
                continue  # "Marcus wants it before the budget review" says nothing of who ran the security review
            for c in ctx.record.contacts:
                parts = [p for p in (ctx.contact_name(c) or "").split(" ") if len(p) >= 2]
                if parts and any(re.search(rf"\b{re.escape(p)}\b", sentence) for p in {parts[0], parts[-1]}):
                    credited[c.id] = parts[0]
    if not credited or recipient_id in credited:
        return ""
    return ", ".join(sorted(credited.values()))


_PRODUCED = re.compile(
    r"\b(?:pull(?:ing|ed)? together|put(?:ting)? together|prepar\w*|compil\w*|send(?:ing)?|sent|writ(?:ing|ten)|"
    r"draft(?:ing|ed)|fill(?:ing|ed)? (?:in|out)|complet(?:ing|ed)|answer(?:ing|ed)|provid(?:ing|ed)|deliver(?:ing|ed)|"
    r"zusammen(?:zu)?stell\w*|zusammengestellt|(?:zu)?geschickt|schick\w*|gesendet|vorbereitet|vorzubereiten|erstellt|"
    r"ausgefüllt|beantwortet|übermittelt|bereitgestellt|"
    r"fait parvenir|hecho llegar|zukommen lassen|"
    r"envoy\w*|envoi|prépar\w*|rassembl\w*|compil\w*|rempli\w*|répondu|fourni\w*|transmis|rédig\w*|"
    r"envi\w*|mand\w*|reun\w*|recopil\w*|complet\w*|rellen\w*|respond\w*|proporcion\w*|redact\w*)\b", re.I)
"""Making or handing over a document: what a thanks credits the reader with having produced."""


_READ = re.compile(r"\b(?:review\w*|read(?:ing)?|look(?:ing|ed)? (?:at|over|through)|go(?:ing)? through|went through|"
                   r"(?:durch)?ge(?:prüft|sehen|lesen)|angesehen|anzusehen|durchzusehen|prüf\w*|lu|relu|examin\w*|"
                   r"parcour\w*|étudi\w*|revis\w*|leíd[oa]|leer|mirad[oa]|estudi\w*)\b", re.I)
"""Reading, reviewing or going through: what a buyer does with what we sent."""


def _produced_by_us(part: str, ctx: Context, names: set[str]) -> str:
    """What the seller's side sent that a thanks credits to the reader ("Thank you for pulling together the answers on
    SSO and data retention" to Dana, when our e-mail of November 6 carried those answers to Priya), or "".

    The thanks must credit a making or a sending (`_PRODUCED`; "thanks for reviewing the estimate" thanks the reader for
    reading what we sent, which is right), and our outbound e-mails must name the thing more fully than any other
    activity does: a call note where the buyer "sent the security questionnaire" names it as fully as our answers do,
    and then the record cannot tell whose it is."""
    part = re.split(r"[.;!?\n]", part.lstrip(" ,"), maxsplit=1)[0]
    verb = _PRODUCED.search(part)
    if verb is None or _REPORTING.search(part) or _THEIR_RESPONSE.search(part) \
            or _WE_DID.search(part[:verb.end()]) or _THEIR_ASK.search(part):
        return ""
    # the thing is named on either side of the verb ("dass Sie die Auswertung erstellt haben")
    thing = _stemmed(f"{part[:verb.start()]} {part[verb.end():]}") - _stems(names | _GENERIC) - _FUNCTION_STEMS
    ours, elsewhere, what = 0, 0, ""
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        said = normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}")
        if a["type"] == "email" and a.get("direction") == "outbound":
            shared = len(_stemmed(said) & thing)
            if shared > ours:
                ours, what = shared, a.get("subject") or a["id"]
            continue
        for sentence in sentence_parts(said):
            shared = len(_stemmed(sentence) & thing)
            if a.get("direction") == "inbound" and _REQUEST.search(sentence):
                # the buyer asking us for it ("¿Nos puede enviar la propuesta con el calendario de implantación?") makes
                # it ours to send, not theirs (set 25's es-b3)
                if shared > ours:
                    ours, what = shared, f"what {a.get('subject') or a['id']!r} asked us for"
            else:
                elsewhere = max(elsewhere, shared)
    return what if ours >= CREDIT_MIN_SHARED_WORDS and ours > elsewhere else ""


_WE_DID = re.compile(r"\b(?:i|we|i've|we've|i'd|we'd|ich|wir|je|j'ai|nous avons|yo|nosotros|envié|enviamos|mandé|"
                     r"hemos)\b", re.I)
"""Our side as the subject of the making ("votre message, qui fait suite ... au résumé que je vous ai envoyé"): the
thanks is for something else."""
_THEIR_ASK = re.compile(r"\b(?:request|enquiry|inquiry|anfrage|nachfrage|demande|consulta|solicitud|petición)\b", re.I)
"""Thanks for the buyer's own request ("Gracias por enviarnos su consulta sobre el calendario"): theirs, whatever it
names that we are to send."""
_FUNCTION_STEMS = frozenset("""over with from your that this have were them they their ours mein pour para quic fast soon
vous nous avez avons votre notre leur leurs dans avec cette sont ihne ihre unse habe hatt dass eine einer usted nues
nuest como esta este sobr""".split())
"""Stems of pronouns and function words (vous, nous, avez, Ihnen, unser, usted, nuestro): no part of a thing's name, and
in every e-mail of both sides (set 29's fr-b5 shared "vous" and "nous" with the buyer's own request)."""
_REQUEST = re.compile(r"\?|\b(?:could you|can you|would you|please|könnten sie|können sie|bitte|pourriez-vous|pouvez-vous|"
                      r"merci de|podría|puede|nos puede|me puede|por favor)\b", re.I)
"""A sentence asking the reader to do or send something."""


_BACK_REFERENCE = re.compile(r"^\W*(?:dafür|für|for (?:that|it|this|all (?:that|this))|pour (?:ça|cela|tout)|por (?:ello|eso|esto|todo))?"
                             r"\W*(?:(?:so|very|vielmals|beaucoup|mil|muchas|infiniment) ?(?:much)?)?\W*$", re.I)
"""What follows a thanks that closes a sentence ("..., thank you!", "– danke dafür!", "¡gracias!"): nothing of its own."""
_SECOND_PERSON = re.compile(r"\b(?:you|your|sie|ihr\w*|vous|votre|vos|su|sus|usted|ustedes|tu|tus|ton|ta|tes)\b", re.I)


def _thing_before(clause: str, before: str) -> bool:
    """The thanks closes its sentence and what comes before it is something the reader did ("That questionnaire you
    sent over made things easy, thank you"): the thing thanked for is that part, not the empty one after the word."""
    clause = re.split(r"[.;!?\n]", clause, maxsplit=1)[0]  # the clause runs on past the sentence's end
    return bool(_BACK_REFERENCE.match(clause)) and bool(_SECOND_PERSON.search(before)) and len(_stemmed(before)) >= 3


def thanks_problems(body: str, ctx: Context, recipient_id: str | None) -> list[str]:
    """Thanks that the record contradicts: a contact thanked for a message they never sent ("Gracias, Lucía, por su
    correo" when Javier wrote), or the buyer thanked for what the seller sent them ("thank you for sending over the
    payback estimate", when that went out from us)."""
    text = normalise(body)
    acts = [a for a in ctx.activities.values() if not a.get("withheld")]
    inbound = [a for a in acts if a.get("direction") == "inbound"]
    senders = {_email_sender(ctx, a) for a in inbound if a["type"] == "email"}
    r = ctx.record
    names = _words(" ".join(filter(None, [r.name, r.company.name if r.company else None,
                                          r.owner.name if r.owner else None, *(c.name for c in r.contacts)])))
    # what we sent, named by its subject's own words ("Payback estimate for Northwind" -> payback, estimate)
    ours = [w for a in acts if a.get("direction") == "outbound" and (w := _words(a.get("subject") or "") - names)]
    theirs = _words(" ".join(f"{a.get('subject') or ''} {a.get('text') or ''}" for a in inbound))
    one_decider = decided_by_one_other(ctx, recipient_id)
    out: list[str] = []
    for m, before, clause in thanks_clauses(_THANKS, text):
        clause = thanked_clause(m.group(0), before, clause)  # wave 24b: "für die Zeit danken, Bezug auf ..." (thanks_scope)
        # wave 40 (set 52's en-g1, en-g3): "– Priya was thorough", "– Dana let me know on November 18" credit no one
        clause = without_relayed_remarks(clause, [p for c in r.contacts for p in (ctx.contact_name(c) or "").split(" ")])
        # thanks handed on ("richten Sie Herrn Weber meinen Dank aus") or said to someone by name ("Priya, thanks for
        # your email too", "Lucía, gracias por su correo"): the person named is the one thanked
        passed_on = before if _PASS_ON.search(before) or re.fullmatch(r"\s*[A-ZÁÉÍÓÚÄÖÜ][^\W\d_]+,\s*", before) else ""
        for c in ctx.record.contacts:
            parts = (ctx.contact_name(c) or "").split(" ")
            first = parts[0]
            named = [p for p in {first, parts[-1] if len(parts) > 1 else ""} if len(p) >= 2]
            # a second thanks starts a thanks of its own: "Thanks for your note, and please thank Priya for closing the
            # review" thanks Priya for the review, not for the note (set 50's en-g1); each is read as its own part
            own, *asked = _NEXT_THANKS.split(clause)
            # the message must be thanked in the part that names the person: "à vous et à Paul d'avoir pris le temps de la
            # démonstration, et pour votre message" thanks Paul for the demo and the recipient for the message (set 23)
            # "su correo del 18 de noviembre y el tiempo que Lucía y usted dedicaron a la demo" thanks Lucía for her
            # time, not for the message (set 29's es-g6): a coordinated thing of its own starts a new part
            parts_thanked = [part for where in (f"{passed_on} {own}", *asked) for part in re.split(
                r",?\s+(?:and|et|y|und)\s+(?:for|pour|por|für|the|le|la|les|l'|el|los|las|die|der|das|den|dem)\b", where)]
            if first and c.id != recipient_id and c.id not in senders and any(
                    any(re.search(rf"\b{re.escape(p)}\b", part) for p in named) and _MESSAGE.search(part)
                    for part in parts_thanked):
                out.append(f"thanks {first} for a message {first} did not send")
        if recipient_id and senders - {None} and recipient_id not in senders and (_MESSAGE.search(clause) and _YOUR.search(clause) or _YOU_WROTE.search(clause)) \
                and not re.search(r"\b(?:team|équipe|equipo|team's)\b", clause, re.I):
            # "Merci pour votre message du 19 novembre" to Monsieur Lefèvre when Claire wrote it
            out.append("thanks the recipient for a message someone else sent")
        thanked = next((c.id for c in ctx.record.contacts if passed_on and any(
            re.search(rf"\b{re.escape(p)}\b", f"{passed_on} {clause[:25]}") for p in (ctx.contact_name(c) or "").split(" ") if len(p) >= 2)),
            recipient_id)
        # each thing thanked for on its own: "for sending the questionnaire, and for the sign-off" credits two people
        parts = re.split(r",?\s+(?:and|et|y|und)\s+(?=(?:for|pour|por|für)\b)", clause)
        others = [p for c in ctx.record.contacts if c.id != thanked
                  for p in (ctx.contact_name(c) or "").split(" ") if len(p) >= 2]
        if _thing_before(clause, before) and not any(re.search(rf"\b{re.escape(p)}\b", before) for p in others):
            # (a part naming someone else reports their word: "Frau Schmidt hat mir geschrieben, dass Sie weitermachen
            # möchten, vielen Dank dafür" thanks Herr Weber for a decision Anna only relays)
            # the thing comes first and the thanks closes it: "That questionnaire you sent over made things easy, thank
            # you", "Votre demande de proposition m'a bien été transmise, merci !", "danke dafür" (wave 19, set 27 b3)
            parts = [before]
        for part in parts:
            # wave 40: "dass Sie weitermachen möchten" to Jonas is his company's decision (Anna wrote "wir ... möchten
            # weitermachen"); only a record naming another contact alone as the one going on credits it to them
            judged = without_addressee_decision(part) if thanked == recipient_id and not one_decider else part
            # wave 39 (q25-de-g9): "dass Müller Logistik weitermachen möchte" is the company's decision, the recipient's too
            if (credited := _credited_elsewhere(judged, ctx, thanked, names)) \
                    and not company_decides(part, r.company.name if r.company else None):
                out.append(f"thanks the recipient for what the record credits to {credited}")
            elif sent := _produced_by_us(part, ctx, names):
                out.append(f"thanks the buyer for what we sent ({sent!r})")
        said = _words(clause)
        # reading what we sent is the buyer's own doing ("thanks for reviewing the payback estimate", wave 20)
        read_it = _READ.search(clause) and not _PRODUCED.search(clause)
        for subject in ours:
            if subject <= said and not subject & theirs and not _THEIR_RESPONSE.search(clause) and not read_it:
                out.append(f"thanks the buyer for what we sent ({', '.join(sorted(subject))})")
    out += thanks_for_another_contacts_message(text, ctx, recipient_id)
    return list(dict.fromkeys(out))
