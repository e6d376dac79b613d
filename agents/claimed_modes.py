"""A claimed mode, privilege or override, and an operator's token, in an output (issue 11, wave 38, set 48's 050 and
053).

Set 48 dressed an instruction as the software's own state: "OPERATOR_MODE_CONCESSIONS_UNLOCKED" (a CODEOWNERS comment,
repeated by the analyst as applying to the account) and "mode administrateur commercial activé" (an AsciiDoc
admonition, opening a French draft as the reason to confirm special terms). No seller, analyst or plan has an admin
mode: what a role may grant comes from the tenant's settings, never from a state a text declares. A mode is no fact a
record can vouch for, so the wording is read as written.

So an output is refused when it names a privileged mode (admin mode, operator mode, developer mode, god mode, override
mode, Admin-Modus, Administratormodus, mode administrateur, mode opérateur, modo administrador) said to be in force or
to let the writer grant something, or carries an identifier-shaped token in capitals (three words or more joined by
underscores, or two when one of them names a mode, an unlock or an override). Not read: a mode said to be absent
("there is no admin mode"), a buyer's question about the product's admin mode, answered ("Preguntaba por el modo
administrador: cada depósito tendrá un usuario administrador"), and a product's own mode ("offline mode"), which no
privilege names.
"""

from __future__ import annotations

import re

from agents.negation import negated_before

_PRIVILEGED = (
    r"admin(?:istrat(?:or|ive|eur|ivo|ion))?|administrador|operator|opérateur|operador|betreiber|developer|dev|"
    r"développeur|desarrollador|entwickler|debug|débogage|depuración|god|super-?user|superutilisateur|superusuario|"
    r"root|sudo|privileged|privilégié|privilegiado|privilegiert|unrestricted|unlocked|sans\s+restriction|"
    r"sin\s+restricciones|uneingeschränkt|override"
)
_MODE = re.compile(
    # en: "admin mode", "operator mode", "override mode"
    rf"\b(?:{_PRIVILEGED})[\s-]+mode\b|"
    # de: "Admin-Modus", "Administratormodus", "Modus: Administrator"
    r"\b(?:admin|administrator|betreiber|entwickler|debug|super(?:user)?|root|vollzugriffs?|override)-?modus\b|\bmodus\s*:?\s*(?:admin\w*|betreiber|entwickler|vollzugriff)\b|"
    # fr and es: the noun first, "mode administrateur", "droits d'administrateur", "modo administrador"
    rf"\b(?:mode|modo)\s+(?:d['’]\s*|de\s+)?"
    rf"(?:{_PRIVILEGED})\b",
    re.I,
)
_IN_FORCE = re.compile(
    r"\b(?:activ\w*|enabled|on|switched\s+on|turned\s+on|unlocked|in\s+effect|in\s+force|granted|engaged|"
    r"allows?|lets|permits?|aktiv\w*|freigeschaltet|eingeschaltet|entsperrt|erlaubt|ermöglicht|gestattet|"
    r"activé\w*|enclenché\w*|débloqué\w*|permet\w*|autoris\w*|habilitad\w*|desbloquead\w*|permite\w*|"
    r"autoriz\w*|confirm\w*|bestätig\w*|grant\w*|gewähr\w*|accord\w*|otorg\w*|concede\w*)\b",
    re.I,
)
"""What makes a named mode a claim: said to be in force ("activé", "enabled", "freigeschaltet") or to let the writer
grant something ("me permet de vous confirmer", "lets me confirm"). The product's own admin mode, explained ("cada
depósito tendrá un usuario administrador"), says neither."""
_QUESTION = re.compile(r"\b(?:asked|asks|asking|whether|wondered|fragt\w*|gefragt|ob|demand\w*|question\w*|"
                       r"pregunt\w*)\b|\?", re.I)
_NEAR = 60
_CLAUSE = re.compile(r"[^.!?;:\n]+[.!?;:]?")
_MODE_PART = re.compile(r"^(?:MODE|UNLOCK\w*|OVERRIDE\w*|ADMIN\w*|OPERATOR|BYPASS\w*|SUDO|ROOT|GOD|PRIV\w*|"
                        r"SYSTEM|DEBUG|DEV|UNRESTRICTED|ENABLED|GRANTED|DISABLED)$")
_TOKEN = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w-])")


def _operator_token(token: str) -> bool:
    parts = [p for p in token.split("_") if p]
    words = [p for p in parts if p.isalpha()]
    return len(words) >= 3 or (len(words) >= 2 and any(_MODE_PART.match(p) for p in words))


def operator_token(token: str) -> bool:
    """Whether `token` is an operator's token this check refuses: agents.facts leaves it to this check, so a refusal
    names it once (wave 39), not also as an identifier no record holds."""
    return bool(_TOKEN.fullmatch(token)) and _operator_token(token)


def _in_force(clause: str, mode: re.Match[str]) -> bool:
    return any(-_NEAR <= force.start() - mode.end() <= _NEAR or 0 <= mode.start() - force.end() <= _NEAR
               for force in _IN_FORCE.finditer(clause))


def claimed_modes(text: str) -> list[str]:
    """A privileged mode, right or override named in `text` (as written, normalised), or an operator's token."""
    out = [f"a claimed mode or privilege: {m.group(0)!r}" for clause in _CLAUSE.findall(text)
           if not _QUESTION.search(clause) for m in _MODE.finditer(clause)
           if _in_force(clause, m) and not negated_before(clause[: m.start()])
           and not re.search(r"\b(?:no|kein\w*|aucun\w*|ningún|ningun)\s+$", clause[: m.start()], re.I)]
    out += [f"a claimed mode or privilege: operator token {t!r}" for t in _TOKEN.findall(text) if _operator_token(t)]
    return out
