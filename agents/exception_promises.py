"""A refusal turned into a promise by an exception (wave 37, helper noticed37; wave 36's note).

"We do not usually offer a special price, but for you we will make an exception" passed the promise check: its only
promise word stands under the refusal ("do not usually offer a special price", agents.declined_special_prices), and
the promise itself is said as an exception. Each language has the same turn: "but for you", "just this once", "as a
favour", "ausnahmsweise", "Ihnen zuliebe", "exceptionnellement", "à titre exceptionnel", "por ser usted", "de forma
excepcional", "haremos una excepción". With a concession named in the sentence or the one before (a special price, a
discount, a fee waived, free months, payment terms), that is a commercial promise outside policy. An exception that
names nothing of its own ("We do not usually do this, but for you we will make an exception", wave 37b) is about the
draft's commercial subject, wherever in the draft the concession stands.

What is not refused: an exception refused ("we make no exceptions on price", "keine Ausnahme", "nous ne pouvons pas
faire d'exception", "no podemos hacer una excepción"), asked about or reported ("Dana asked whether we could make an
exception"), a question, an exception with nothing commercial in it ("exceptionally, I can meet on Saturday"), and a
concession the tenant's allowed promises name or a
discount the policy approves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.negation import negation_governs
from agents.sentence_ends import sentence_parts

_EXCEPTION = re.compile(
    r"\b(?:(?:make|making|made)\s+(?:an?\s+)?(?:one-(?:time|off)\s+|special\s+|small\s+|little\s+)?exception|"
    r"as an exception|by way of (?:an )?exception|exceptionally|just this once|(?:only\s+)?this once|"
    r"(?:but|yet)\s+for\s+you|(?:as|for)\s+a\s+(?:personal\s+|special\s+)?favou?r|"
    r"ausnahmsweise|(?:eine\s+)?ausnahme\s+mach\w*|mach\w*\s+(?:wir|ich)\s+(?:für\s+sie\s+)?(?:gern\s+)?eine\s+ausnahme|"
    r"als\s+ausnahme|(?:aber|doch)\s+für\s+sie|ihnen\s+zuliebe|nur\s+(?:dieses\s+)?(?:eine\s+)?mal|"
    r"(?:als|aus)\s+(?:persönliche[rnm]?\s+)?gefallen|ein\s+einziges\s+mal|"
    r"exceptionnellement|à\s+titre\s+(?:tout\s+à\s+fait\s+)?(?:exceptionnel|de\s+faveur|gracieux)|"
    r"(?:faire|ferons|ferai|fais|faisons)\s+une\s+exception|(?:mais|sauf)\s+pour\s+vous|rien\s+que\s+pour\s+vous|"
    r"(?:juste|seulement|uniquement)\s+(?:pour\s+)?cette\s+fois|par\s+faveur|"
    r"por\s+ser\s+usted|por\s+tratarse\s+de\s+usted|excepcionalmente|"
    r"(?:de\s+(?:forma|manera|modo)|a\s+título|con\s+carácter)\s+excepcional|"
    r"(?:hacer|haremos|haré|hacemos|hago|podemos\s+hacer)\s+una\s+excepción|pero\s+para\s+usted|"
    r"(?:solo|sólo|únicamente)\s+(?:por\s+)?esta\s+vez|como\s+(?:un\s+)?favor)\b", re.I)
_CONCESSION = re.compile(
    r"\d+(?:[.,]\d+)?\s*%|\b(?:discount\w*|rebate|special\s+(?:price|rate|terms|conditions|pricing)|better\s+price|"
    r"lower\s+(?:price|rate)|price\s+(?:reduction|cut|freeze|lock|match)|free|waive\w*|no\s+charge|payment\s+terms|"
    r"extended\s+terms|credit|"
    r"\w*rabatt\w*|\w*nachlass\w*|sonder(?:preis|kondition)\w*|vorzugspreis\w*|kostenlos\w*|gratis\w*|gebühr\w*|"
    r"erlass\w*|zahlungsziel\w*|skonto|günstiger\w*|preisbindung\w*|"
    r"remise\w*|rabais|réduction\w*|prix\s+(?:spécial|préférentiel|plus\s+bas|réduit)|gratuit\w*|offert\w*|frais|"
    r"conditions?\s+(?:spéciales?|préférentielles?)|geste\s+commercial|délai\s+de\s+paiement|"
    r"descuento\w*|rebaja\w*|precio\s+(?:especial|preferente|más\s+bajo|reducido)|gratuit[oa]s?|sin\s+(?:coste|costo|cargo)|"
    r"condiciones\s+especiales|bonificaci\w+|cuota\w*|comisi[oó]n\w*|plazo\s+de\s+pago)\b", re.I)
_DISCOUNT = re.compile(r"\d+(?:[.,]\d+)?\s*%|\b(?:discount\w*|\w*rabatt\w*|\w*nachlass\w*|remise\w*|rabais|réduction\w*|"
                       r"descuento\w*|rebaja\w*)\b", re.I)
_CLAUSE = re.compile(r",\s*(?=but\b|yet\b|aber\b|doch\b|mais\b|pero\b|sin embargo\b)|;\s+|\s+[–—]\s+", re.I)
_REFUSED = re.compile(
    r"\b(?:not|no|never|cannot|can't|won't|nicht|kein\w*|nie|pas|jamais|aucun\w*|ningun\w*|nunca|sin)\b|\bn['’]", re.I)
_REPORTED = re.compile(
    r"\b(?:whether|asked|asks|asking|hopes?|wants?|would like|ob|gefragt|fragt|bittet|bat|möchte|wünscht|demand\w*|"
    r"souhait\w*|espère|pregunt\w*|pidió|pide|quiere|espera|desea)\b", re.I)


def _granted(clause: str, m: re.Match[str]) -> bool:
    """Whether the exception in `clause` is one we grant: not negated ("we cannot make an exception", "keine
    Ausnahme", "n'en ferons pas exception") and not an ask we report ("Dana asked whether we could make an exception")."""
    before, after = clause[: m.start()], clause[m.end():]
    if negation_governs(clause, m.start(), m.end()) or _REPORTED.search(before):
        return False
    # an adverb of exception with the refusal after it ("ausnahmsweise kein Rabatt", "exceptionnellement pas de remise")
    return not _REFUSED.search(after[:40]) and not re.search(r"\b(?:ne|n['’])\s*$|\bno\s+(?:\w+\s+){0,2}$", before)


_FRAME = frozenset("""
we i you your it this that these do does did doing done not don't dont usually normally generally typically really
something thing things is it's its isn't we'd we'll will would wouldn't won't can could but yet for make made making an a
the one just once only as of so our us to be here case time and though however happy glad since what
wir ich sie ihnen ihr das dies es machen mache macht tun tue nicht normalerweise eigentlich üblich üblicherweise sonst
aber doch für eine einen ein einmal nur mal ist wird werden gern gerne hier diesem dieses fall etwas so bei uns
nous je vous le la les cela ça ce c'est n'est ne pas faisons fais faire ferons ferai d'habitude habituellement
normalement mais pour une un fois cette seulement est en exception
no solemos suele hacerlo hacemos hacer lo esto eso normalmente pero para usted ustedes haremos haré una un vez esta
solo sólo es habitual nosotros por
""".split())
"""The words of a sentence that frames an exception and names nothing of its own: "We do not usually do this, but for
you we will make an exception", "Normalerweise machen wir das nicht, aber ...", "No solemos hacerlo, pero ..."."""


def _bare(sentence: str) -> bool:
    """Whether a sentence granting an exception names nothing it is about (its subject is then the draft's): only
    frame words remain once the exception and a leading name ("Dana, ...") are set aside."""
    rest = _EXCEPTION.sub(" ", re.sub(r"^\w+,\s*", "", sentence))
    return all(w in _FRAME for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", rest.lower()))


def exception_promises(text: str, allowed_promises: Iterable[str] = (), approved_discount: float | None = None) -> list[str]:
    """Sentences of `text` that grant a concession as an exception (one reason each); with a discount the policy
    approves, a discount granted so is the policy's own (agents.claims weighs its size)."""
    allowed = [p.lower() for p in allowed_promises if p.strip()]
    sentences = [s.strip() for s in sentence_parts(text)]
    # wave 37b: the concession an exception names nothing of may stand anywhere in the draft, after any paragraph
    commercial = " ".join(s for s in sentences if _CONCESSION.search(s) and not any(p in s.lower() for p in allowed))
    out: list[str] = []
    previous = ""
    for said in sentences:
        near = f"{previous} {said}" if _CONCESSION.search(f"{previous} {said}") or not _bare(said) else commercial
        if said and "?" not in said and _CONCESSION.search(near) \
                and not any(p in said.lower() for p in allowed) \
                and not (approved_discount and _DISCOUNT.search(near)):
            for clause in _CLAUSE.split(said):
                m = _EXCEPTION.search(clause)
                if m and _granted(clause, m):
                    out.append(f"promise outside policy (concession as an exception): {said[:80]!r}")
                    break
        previous = said
    return out


_NO_EXCEPTION = re.compile(
    r"\b(?:no|keine|aucune|ninguna|sin)\s+(?:\w+\s+)?(?:exceptions?|ausnahmen?|excepci[oó]n(?:es)?)\b|"
    r"(?:\bcannot|\bcan't|\bcan not|\bwon't|\bwill not|\bdo not|\bdon't|\bnever)\s+(?:\w+\s+){0,2}?(?:make|grant)\s+"
    r"(?:an?\s+|any\s+)?exceptions?\b|\bpas\s+d['’]exceptions?\b|"
    r"\bne\s+(?:\w+\s+){0,3}?(?:pas|jamais)\s+(?:\w+\s+){0,2}?(?:d['’]|une\s+)exceptions?\b|"
    r"\bno\s+(?:\w+\s+){0,2}?(?:hacer|hacemos|haremos|hago|puedo|podemos)\s+(?:\w+\s+){0,2}?excepci|"
    r"\bausnahmen?\s+(?:\w+\s+){0,3}?(?:nicht|keine)\b", re.I)


def refused_exception(sentence: str) -> bool:
    """Whether a sentence only refuses an exception ("We make no exceptions on price", "Bei den Preisen machen wir keine
    Ausnahme", "Nous ne faisons pas d'exception sur le prix"): it states no price, so price talk passes it, unless it
    carries a figure or grants an exception as well."""
    return bool(_NO_EXCEPTION.search(sentence)) and not re.search(r"\d", sentence) \
        and not exception_promises(sentence)
