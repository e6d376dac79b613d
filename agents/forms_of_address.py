"""How the record says a contact is addressed: "Madame" or "Monsieur", "Frau" or "Herr", "Sra." or "Sr." (issue 11: a
draft greeting Claire Dubois as "Monsieur Dubois" is bad).

Only what the record gives is used, never a guess from a first name: a salutation field the connector maps into
`Record.extra[SALUTATIONS_KEY]` ({contact id: "Ms."}), else the grammatical gender of the contact's job title in
the languages that mark it ("Directrice des opérations", "Einkaufsleiterin", "Directora de compras"). A title that
does not mark it ("Head of Operations", "Responsable achats", "Gerente") says nothing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from integrations.base import SALUTATIONS_KEY, Contact

FEMALE_HONORIFICS = frozenset("ms mrs miss madam madame mme mlle frau sra señora srta señorita doña".split())
MALE_HONORIFICS = frozenset("mr sir monsieur m herr herrn sr señor don".split())

_FEMALE_TITLE = re.compile(
    r"\b(?:directrice|présidente|fondatrice|gérante|acheteuse|consultante|adjointe|chargée|déléguée|cheffe|"
    r"associée|assistante|conseillère|ingénieure|responsable\s+(?:\w+\s+)?adjointe|"
    r"[a-zäöüß]*(?:leiterin|führerin|käuferin|direktorin|referentin|beraterin|inhaberin|managerin|vorständin|"
    r"gründerin|partnerin|assistentin|sprecherin|ingenieurin|planerin|prüferin|bearbeiterin)|"
    r"directora|jefa|coordinadora|compradora|presidenta|consejera|administradora|fundadora|asesora|gestora|"
    r"responsable\s+(?:\w+\s+)?(?:jefa|adjunta)|subdirectora|gerenta|ingeniera|socia|"
    r"chairwoman|businesswoman|saleswoman|spokeswoman)\b", re.I)
_MALE_TITLE = re.compile(
    r"\b(?:directeur|président|fondateur|gérant|acheteur|adjoint|chargé|délégué|associé|conseiller|"
    r"[a-zäöüß]*(?:leiter|führer|käufer|direktor|referent|berater|inhaber|vorstand|gründer|sprecher|planer|prüfer)|"
    r"director(?=\s+(?:de|del|general|comercial|financiero|técnico)\b)|jefe|coordinador|comprador|consejero|administrador|fundador|asesor|gestor|subdirector|ingeniero|socio|"
    r"chairman|businessman|salesman|spokesman)\b", re.I)


def recorded_form(contact: Contact | None, extra: Mapping[str, Any]) -> tuple[str, str] | None:
    """("female" | "male", why) as the record gives it for `contact`, or None when it does not say."""
    if contact is None:
        return None
    salutations = extra.get(SALUTATIONS_KEY)
    said = salutations.get(contact.id) if isinstance(salutations, Mapping) else None
    if isinstance(said, str):
        word = said.strip().lower().rstrip(".")
        if word in FEMALE_HONORIFICS:
            return "female", f"the record's salutation {said!r}"
        if word in MALE_HONORIFICS:
            return "male", f"the record's salutation {said!r}"
    title = contact.title or ""
    female, male = _FEMALE_TITLE.search(title), _MALE_TITLE.search(title)
    if female and not male:
        return "female", f"the title {title!r}"
    if male and not female:
        return "male", f"the title {title!r}"
    return None


_HONORIFIC_WORD = re.compile(r"(?<![\w-])(mr|mrs|ms|miss|sir|madam|madame|mme|mlle|monsieur|m|herrn?|frau|sra|srta|sr|"
                             r"señora|señorita|señor|doña|don|cher|chère|estimado|estimada|querido|querida|geehrter|geehrte|"
                             r"lieber|liebe)(?![\w-])\.?", re.I)
_MALE_ADJECTIVES = frozenset("cher estimado querido geehrter lieber".split())
_FEMALE_ADJECTIVES = frozenset("chère estimada querida geehrte liebe".split())
"""A greeting's adjective agrees with the person greeted ("Chère Claire", "Sehr geehrter Herr Weber", "Estimada Lucía")."""


def wrong_honorific(head: str, surname: str, form: tuple[str, str] | None,
                    others: frozenset[str] = frozenset()) -> str | None:
    """The honorific in a greeting (`head`: the body's first characters) that the record's form of address contradicts:
    "Monsieur" or "Monsieur Dubois" to a contact the record gives as a woman; None when it agrees or says nothing. A
    lone "M" or "Don" counts only before the surname ("M. Dubois"). An honorific before the surname of another contact
    (`others`, lower case) names that contact: "Ziel: klären, ob Herr Weber das Angebot mit Frau Schmidt durchgehen
    möchte" is no "Frau" to Jonas Weber (wave 28, set 37's de-g9)."""
    if form is None:
        return None
    for m in _HONORIFIC_WORD.finditer(head):
        word = m.group(1).lower()
        after = head[m.end():].lstrip()
        if any(after.lower().startswith(o) for o in others) and not (surname and after.lower().startswith(surname.lower())):
            continue
        if word in ("m", "don", "sir", "madam") and not (surname and after.lower().startswith(surname.lower())):
            continue
        if (form[0] == "female" and word in MALE_HONORIFICS | _MALE_ADJECTIVES) or (
                form[0] == "male" and word in FEMALE_HONORIFICS | _FEMALE_ADJECTIVES):
            return f"{m.group(0).strip()!r}, where the record gives {form[1]}"
    return None


INFORMAL = {
    # "ihr" the plural you, not the possessive ("ihr Team") nor the dative ("hat ihr das Angebot geschickt"): a question
    # opening with a verb in -t ("Habt ihr"), a verb in -t right after it ("ihr seid", "ihr wollt"), or a conjunction
    # before it and no article after ("dass ihr weitermachen wollt"); and any form of "lass uns"
    "de": re.compile(r"\b(?:du|dich|dir|dein(?:e[mnrs]?)?|euch|euer|eure[mnrs]?|lasst? uns|lass(?:t)? (?:mal|doch))\b|"
                     r"(?-i:(?:^|(?<=[.!?;:,¿]\s)|(?<=\n))[A-Za-zÄÖÜäöü]\w*t\s+ihr\b(?!\s+[A-ZÄÖÜ])|\bihr\s+(?!ge)(?:seid|\w+t)\b|"
                     r"\b(?:dass|wenn|ob|weil|falls|sobald|damit)\s+ihr\s+(?!(?:das|der|die|den|dem|des|ein\w*|kein\w*|unser\w*|"
                     r"ihr\w*|nicht|auch)\b)[a-zäöüß]+)", re.I),
    "fr": re.compile(r"\b(?:tu|toi|ton|tes|te)\b|\bt['’](?=\w)", re.I),
    "es": re.compile(r"\b(?:tú|te|ti|contigo|tus?|vosotros|os)\b", re.I),
}
"""The familiar second person ("du", "tu", "tú"): to a person the record addresses formally it is the wrong register."""
FORMAL_PRONOUN = {"de": re.compile(r"(?<![.!?:]\s)(?<!^)\b(?:Sie|Ihnen|Ihr(?:e[mnrs]?)?)\b"),
                   "es": re.compile(r"\b(?:usted|ustedes)\b", re.I),
                   "fr": re.compile(r"\b(?:vous|votre|vos)\b", re.I)}
DRAFT_FORMAL = {**FORMAL_PRONOUN, "fr": re.compile(r"\b(?:vous|votre|vos)\b", re.I),
                 # one draft in two registers: "tu correo" and "¿Le vendría bien?" (set 18's good tú drafts keep one)
                 "es": re.compile(r"\b(?:usted|ustedes)\b|\ble (?:vendría|viene|va|parece|envío|mando|escribo|llamo|"
                                  r"confirmo|propongo)\b", re.I)}


VOSEO = re.compile(r"\b(?:vos|che)\b|\b(?:and|ten|pod|quer|sab|mir|dec|hac|pens|cre|necesit|escrib)(?:ás|és|ís)\b",
                   re.I)
"""Rioplatense voseo ("vos", "che", "andás", "tenés", "podés"): a variety of Spanish no office in Spain writes in.
Set 25's es-b6 ("Che Javier, ¿cómo andás? ... vos mirala tranqui") to a director in Madrid was caught only by the
25-word minimum; wave 21b lowered it, so the kind is judged by its own words."""
VOSEO_COUNTRIES = frozenset({"ar", "uy", "py"})
"""Where voseo is the ordinary register of business mail too; elsewhere it is a register the buyer does not write."""


def foreign_voseo(body: str, language: str, country: str | None) -> str | None:
    """The voseo word of a Spanish draft to a buyer whose country does not write it, or None."""
    if language != "es" or country in VOSEO_COUNTRIES:
        return None
    m = VOSEO.search(body)
    return m.group(0) if m else None
