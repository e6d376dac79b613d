"""A concession offered with its verb after it (issue 11, wave 30): German puts the infinitive at the clause's end
("Kein Problem, wir können Ihnen einen Rabatt anbieten", "Dafür würden wir Ihnen einen Sonderrabatt einräumen"), and
French, Spanish and English may name the concession first and take it up with a pronoun before or after the verb
("Une remise ? Nous pouvons vous l'accorder", "Un descuento, se lo podemos conceder", "The discount? We can offer it
to you").

agents.claims reads an offer verb-first ("we can offer you a discount", "gewähren wir Ihnen einen Nachlass"); this
reads the other order. A German clause with us in it (wir, ich) that holds a concession noun and closes on an offering
verb offers it; so does an offering verb of ours with a pronoun for a concession named just before. A question, a
reported ask ("ob wir Ihnen einen Rabatt anbieten können"), or a negation governing the offer ("einen Rabatt können wir
Ihnen leider nicht anbieten", "nous ne pouvons pas vous l'accorder", "no se lo podemos ofrecer") offers nothing. With a
discount approved by the policy an offer is the policy's own: nothing is refused.
"""

from __future__ import annotations

import re

from agents.negation import negation_governs
from agents.sentence_ends import sentence_parts

_CONCESSION = (
    r"discount\w*|rebate|markdown|price\s+cut|price\s+reduction|concession|special\s+(?:price|terms)|"
    r"\w*rabatt\w*|\w*nachlass\w*|sonderkondition\w*|sonderpreis\w*|vorzugspreis\w*|skonto|gutschrift\w*|"
    r"ermäßigung\w*|preisreduzierung\w*|preissenkung\w*|zugeständnis\w*|abschlag|freimonat\w*|gratismonat\w*|"
    r"remise|rabais|ristourne|réduction|geste\s+commercial|conditions?\s+préférentielles?|prix\s+préférentiel|"
    r"descuento|rebaja|bonificaci[oó]n|condiciones\s+especiales|precio\s+especial"
)
_NOUN = re.compile(rf"\b(?:{_CONCESSION})\b", re.I)

_VERB_DE = (
    r"anbieten|anzubieten|angeboten|gewähren|gewährt|einräumen|einzuräumen|eingeräumt|geben|zu\s+geben|gegeben|"
    r"machen|zu\s+machen|gemacht|zugestehen|zuzugestehen|zugestanden|gutschreiben|gutzuschreiben|gutgeschrieben|"
    r"erlassen|zu\s+erlassen|nachlassen|nachzulassen|schenken|zu\s+schenken|geschenkt|zusagen|zuzusagen|zugesagt|"
    r"anrechnen|anzurechnen|angerechnet|ermöglichen|zu\s+ermöglichen"
)
_CLAUSE_END_DE = re.compile(
    rf"\b(?:{_VERB_DE})(?:\s+(?:können|könnten|werden|würden|wollen|möchten|dürfen|kann|könnte|wird|würde|will|"
    rf"möchte|darf))?\s*$",
    re.I,
)
"""An offering verb closing a German clause, with the modal a subordinate clause puts after it."""
_OURS_DE = re.compile(r"\b(?:wir|ich)\b", re.I)
_WILLING_DE = re.compile(
    r"\b(?:wir|ich)\b[^.!?\n]*\b(?:bereit|gerne?|in\s+der\s+lage|möglich|angeboten)\W*$", re.I
)
"""The clause before a zu-infinitive that makes it ours: "Wir sind gerne bereit, Ihnen einen Rabatt einzuräumen"."""
_CLAUSE_BREAK_DE = re.compile(r"[.;:!?\n]|,\s|\s[-–—]\s")

_PRONOUN_OFFER = re.compile(
    # de: "Den können wir Ihnen gewähren", "wir können ihn Ihnen geben"
    rf"\b(?:den|die|das|diesen|diese|dies|ihn|es)\s+(?:können|könnten|würden|werden|wollen|möchten)\s+wir\s+"
    rf"(?:ihnen\s+)?(?:\w+\s+){{0,2}}?(?:{_VERB_DE})\b|"
    rf"\bwir\s+(?:können|könnten|würden|werden|wollen|möchten)\s+(?:ihn|sie|es|den|die|das)\s+ihnen\s+"
    rf"(?:\w+\s+){{0,2}}?(?:{_VERB_DE})\b|"
    # fr: "nous pouvons vous l'accorder", "nous vous l'accordons", "je vous la fais"
    r"\b(?:nous|je|on)\s+(?:(?:pouvons|pourrions|pourrons|allons|voulons|souhaitons|sommes\s+prêts\s+à|peux|pourrais|"
    r"vais|peut|pourrait|va)\s+)?(?:vous|lui|leur)\s+(?:l['’]\s*|la\s+|le\s+|les\s+|en\s+)"
    r"(?:accord\w*|consent\w*|offr\w*|propos\w*|octroy\w*|appliqu\w*|fai[st]|faire|ferons|faisons|ferai|"
    r"réserv\w*|garanti\w*)\b|"
    # es: "se lo podemos ofrecer", "se la concedemos", "podemos ofrecérselo"
    r"\bse\s+(?:lo|la|los|las)\s+(?:(?:podemos|podríamos|podremos|vamos\s+a|queremos|puedo|podría|voy\s+a)\s+"
    r"(?:ofrecer|conceder|dar|aplicar|hacer|dejar|regalar|otorgar|mantener|reservar)|"
    r"ofrecemos|ofreceremos|ofrezco|concedemos|concederemos|concedo|damos|daremos|doy|aplicamos|aplicaremos|aplico|"
    r"hacemos|haremos|hago|dejamos|dejaremos|dejo|regalamos|regalaremos|otorgamos|otorgaremos|mantenemos|"
    r"mantendremos|reservamos)\b|"
    r"\b(?:podemos|podríamos|podremos|vamos\s+a|queremos|puedo|podría|voy\s+a)\s+"
    r"(?:ofrecérsel|concedérsel|dársel|aplicársel|hacérsel|dejársel|regalársel|otorgársel|mantenérsel)[oa]s?\b|"
    # en: "we can offer it to you", "we'll extend that to them"
    r"\b(?:we|i)(?:\s+|'ll\s+|'d\s+)(?:(?:can|could|will|would|are\s+able\s+to|am\s+able\s+to|are\s+happy\s+to|"
    r"am\s+happy\s+to|are\s+glad\s+to|'re\s+happy\s+to)\s+)?(?:offer|give|extend|grant|apply|honou?r)\s+"
    r"(?:it|that|this|one|them)\b(?!\s+(?:some|a|more|any|further|serious|careful)\s+\w+|\s+(?:thought|priority|"
    r"consideration)\b)",
    re.I,
)
"""An offering verb of ours whose object is a pronoun (the concession named just before)."""

_ASKED = re.compile(
    r"\?|¿|\b(?:ask\w*|whether|wonder\w*|frag\w*|gefragt|ob|demand\w*|si\s+nous|si\s+(?:se|le|podemos)|"
    r"pregunt\w*|consult\w*)\b",
    re.I,
)
_ANTECEDENT_WINDOW = 140


def verb_final_offers(text: str, approved_discount: float | None) -> list[str]:
    """Concessions offered with the verb after the concession, when the policy approved no discount."""
    if approved_discount:
        return []
    reasons: list[str] = []
    if _NOUN.search(text):
        reasons += _german_clauses(text)
    for m in _PRONOUN_OFFER.finditer(text):
        before = text[max(0, m.start() - _ANTECEDENT_WINDOW) : m.start()].split("\n\n")[-1]
        if (
            _NOUN.search(before)
            and not _ASKED.search(_sentence_of(text, m.start(), m.end()))
            and not negation_governs(text, m.start(), m.end())
        ):
            reasons.append(
                f"offers a concession named before it ({m.group(0).strip()!r}); the policy approved none"
            )
    return list(dict.fromkeys(reasons))[:2]


def _german_clauses(text: str) -> list[str]:
    out: list[str] = []
    for sentence in sentence_parts(text):
        if _ASKED.search(sentence):
            continue
        clauses = _CLAUSE_BREAK_DE.split(sentence)
        for i, clause in enumerate(clauses):
            verb = _CLAUSE_END_DE.search(clause)
            noun = _NOUN.search(clause)
            if not (verb and noun and noun.start() < verb.start()):
                continue
            ours = _OURS_DE.search(clause[: verb.start()]) or (
                re.search(r"\bzu\s|zu(?:bieten|räumen|gestehen|schreiben|lassen|rechnen)\b", verb.group(0))
                and i > 0
                and _WILLING_DE.search(clauses[i - 1])
            )
            if ours and not negation_governs(clause, noun.start(), verb.end()):
                out.append(f"offers a concession ({clause.strip()[-60:]!r}); the policy approved none")
    return out


def _sentence_of(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[left : min(rights) + 1 if rights else len(text)]
