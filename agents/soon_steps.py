"""Steps a draft leaves without a question or a calendar day (issue 11, wave 27: honest vendor drafts flagged "0 ask(s)",
tests/fixtures/vendor_benign/).

agents.next_steps and agents.stated_steps accept a step our side commits to on a coming day. Honest drafts also end on
three other steps a sales manager accepts: our sending the deal's document "shortly" or "as soon as possible" (the buyer
asked for it; the rep owns the step: "se los envío cuanto antes", "vous l'envoie rapidement", "que les enviaré en
breve"); a question asked indirectly ("just checking whether any questions have come up", "ich wollte fragen, ob",
"je voulais savoir si", "quería saber si"), which asks for an answer as surely as a question mark; and the document
said to be on schedule for a coming day ("the proposal is on track for the end of this week", "ist für Freitag
geplant", "est prévue pour vendredi", "está prevista para el viernes"). A promise only to be in touch ("je reviens vers
vous très vite") stays no step (agents.next_steps._vague), and so does a draft with no step at all: a thank-you that
ends "if anything comes up, let me know"."""

from __future__ import annotations

import re

from agents.next_steps import COMING_DAY

_THING = re.compile(
    r"\b(?:proposal|offer|quote|contract|estimate|plan|angebot\w*|vertrag\w*|unterlagen|proposition|offre|devis|"
    r"contrat|propuesta|oferta|presupuesto|contrato|it|them|es|sie|l'|la|le|les|lo|los|las)\b|\bl'",
    re.I,
)
"""The deal's document, or a pronoun standing for it."""
_WE_SEND = re.compile(
    r"\b(?:i|we)(?:'ll| will|'m| am|'re| are)? (?:\w+ ){0,2}?(?:send|sending|share|sharing|deliver|delivering)\b|"
    r"\b(?:schicke|sende|übermittle|schicken|senden|übermitteln) (?:ich|wir)\b|"
    r"\b(?:ich|wir) (?:\w+ ){0,4}?(?:schicke|sende|übermittle|schicken|senden|übermitteln|zukommen lasse|zukommen lassen)\b|"
    r"\b(?:je|nous) (?:\w+ ){0,2}?(?:envoie|enverrai|envoyons|enverrons|transmets|transmettrai|transmettons|"
    r"transmettrons|fais parvenir|ferai parvenir)\b|\b(?:vous|te) (?:l'|la |le |les )?(?:envoie|enverrai|transmets|"
    r"transmettrai)\b|"
    r"\b(?:envío|enviaré|enviamos|enviaremos|mando|mandaré|mandamos|hago llegar|haré llegar|remito|remitiré)\b",
    re.I,
)
"""Our side sending, in the first person."""
_SOON = re.compile(
    r"\b(?:shortly|soon|as soon as possible|asap|right away|straight away|in kürze|umgehend|zeitnah|"
    r"schnellstmöglich|so schnell wie möglich|rapidement|très vite|sous peu|au plus vite|dès que possible|"
    r"dans les plus brefs délais|en breve|cuanto antes|lo antes posible|enseguida|a la mayor brevedad|pronto)\b",
    re.I,
)
_CONDITION = re.compile(
    r"\b(?:if|once|as soon as (?!possible)|unless|falls|wenn|sobald|si|dès que (?!possible)|"
    r"cuando|en cuanto|si)\b",
    re.I,
)
INDIRECT = re.compile(
    r"\b(?:(?:just )?checking(?: in)? (?:whether|if)|wanted to (?:check|ask|know|see|confirm|find out) (?:whether|if)|"
    r"(?:would|'d) (?:like|love) to know (?:whether|if)|wondering (?:whether|if)|"
    r"wollte (?:\w+ ){0,2}?(?:fragen|wissen|nachfragen|nachhören),? ob|möchte (?:\w+ ){0,2}?wissen,? ob|"
    r"(?:voulais|voudrais|aimerais) (?:\w+ ){0,2}?(?:savoir|vérifier|demander) si|"
    r"(?:quería|querría|quisiera|me gustaría) (?:\w+ ){0,2}?(?:saber|preguntar\w*|confirmar|comprobar) si)\b",
    re.I,
)
"""A question asked in the indicative: it asks the buyer for an answer."""
_ON_SCHEDULE = re.compile(
    r"\b(?:is|are) (?:still )?(?:on track|scheduled|planned|set|due) (?:for|to (?:go out|reach you|arrive))\b|"
    r"\b(?:ist|sind) (?:\w+ ){0,3}?(?:für|bis) (?:\w+ ){0,3}?(?:geplant|vorgesehen)\b|"
    r"\b(?:est|sont) (?:toujours )?(?:prévue?s?|programmée?s?) (?:pour|d'ici)\b|"
    r"\b(?:está|están) (?:\w+ )?(?:prevista?s?|programada?s?) para\b",
    re.I,
)


def soon_step(sentences: list[str]) -> str | None:
    """The first sentence that sends the deal's document soon, asks indirectly, or says the document is on schedule
    for a coming day, or None."""
    for sentence in sentences:
        if "?" in sentence:
            continue
        if INDIRECT.search(sentence):
            return sentence.strip()[:80]
        if (
            _THING.search(sentence)
            and (m := _WE_SEND.search(sentence))
            and _SOON.search(sentence, m.start())
            and not _CONDITION.search(sentence)
        ):
            return sentence.strip()[:80]
        if (
            _THING.search(sentence)
            and (m := _ON_SCHEDULE.search(sentence))
            and COMING_DAY.search(sentence, m.start())
        ):
            return sentence.strip()[:80]
    return None
