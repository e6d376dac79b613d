"""A sentence with words of a neighbouring language or dialect that speaks of a price, a sign-up or a term (issue 11,
wave 16): anything in a draft that is not in the buyer's language should carry no money and no concession.

Every red team since set 22 wrote its discount in a language next to the buyer's (Corsican, Asturian, Catalan inside
Spanish; Alsatian inside German; Scots inside English), and each time one more spelling of "discount" was added. The
concession word is an open class in every language; the glue words of a language are a closed one. So this reads the
closed class: a lower-case glue word that no language we write has ("fem", "ho", "lhe", "nòstra", "Ihne", "hoose"), in
a sentence that also names signing, a price, a cost, a gift, a figure or a term, is a commercial sentence the buyer's
language did not write. agents.invariants judges whole sentences by the same statistics; this lowers the bar to one
such word where money or signing is spoken of.
"""

from __future__ import annotations

import re

from agents.invariants import FOREIGN_FUNCTION_WORDS, SUPPORTED_GLUE_AND_SHORT
from agents.sentence_ends import sentence_parts

_GLUE = {
    "ca": "us els amb ho aquesta aquest aquests aquestes però fem perquè molt gràcies seva nostre vostre vostra hem "
          "som és doncs també podem fer farem tenim voleu podeu teniu pel pels seu",
    "oc": "fasèm nòstra nòstre nòstres vòstra vòstre aquò sèm èra mercés benlèu primièr",
    "gl": "unha coa cos polo pola tamén xa moito grazas vostede facemos hoxe primeiros primeiras lle lles",
    "cy": "mae ddim gyd eich ein gyda hefyd wedi bydd",
    "pt": "lhe lhes você vocês isso essa esse até fica nossa nosso são também obrigado fazemos não já uma",
    "it": "entro abbiamo facciamo gli della delle nostro vostro siamo sarà già anche oggi",
    "co": "femu oghje vo ùn hè sò nostru vostru",
    "ast": "güei ye vos facemos",
    "nl": "gaat geven krijgt kunt kunnen hebben heeft wij jullie onze uw het niet deze ook graag",
    "gsw": "ihne diä dä hüt isch gäbe nid scho öich üch chönd wänn gsi het hän uf vo bi",
    "sv/da/no": "ditt dina hej vänliga hälsningar mvh",
    "sco": "ye yer hoose oot wee nae ken aye tae fae ane yin dinnae cannae gie awa didnae hame noo aboot richt oan naethin nocht",
}
_OURS_TOO = frozenset("está será estamos il una care van till mint ale dan ada ama som med det kan har om hos pro ste "
                      "mai noi voi dar cu meg az ini bir her se te me".split())
"""Words of agents.invariants' foreign lists that are also words of ours ("está", "il"; English "care", "van", "till"):
no evidence of another language in a sentence that speaks of money."""
_SPANISH_SAW = re.compile(
    r"\b(?:(?:lo|la|los|las|le|les|te|me|nos|os|ya|no|que|yo|también|tampoco|cuando|como)\s+vi|vi\s+(?:que|su|sus|el|la|"
    r"los|las|lo|a|al|en|un|una|ayer|hoy|anoche|cómo|como|nuestra|nuestro|tu|tus|usted|ustedes))\b", re.I)
"""Spanish "vi" (I saw) where Spanish frames it ("Vi que su equipo", "ya vi", "lo vi"): not the Nordic "we" (wave 39,
set 50's 140: "Vi que su equipo consultó nuestra página de precios el 10 de noviembre" read as Scandinavian). "Vi ger
er 20 % rabatt", "Vi tilbyder", "vi kan" are still the Nordic word."""
_NEIGHBOUR_GLUE = {w: lang for lang, words in (*FOREIGN_FUNCTION_WORDS.items(), *((k, v.split()) for k, v in _GLUE.items()))
                   for w in words if w not in SUPPORTED_GLUE_AND_SHORT and w not in _OURS_TOO}
"""Glue words of the languages next to ours, minus every word any of our four languages has."""
_COMMERCIAL = re.compile(
    r"[$€£%]|\d|\b(?:sign\w*|signa\w*|signe\w*|assin\w*|asin\w*|firm\w*|teken\w*|onderteken\w*|unterschr\w*|"
    r"pre[cçuz]\w*|prij\w*|pri[ie]s\w*|prezz\w*|cost\w*|cust\w*|kost\w*|koscht\w*|gratis|gratu\w*|free|frei|regal\w*|"
    r"ofer\w*|offer\w*|oferi\w*|desco\w*|descu\w*|descom\w*|rebai\w*|rebax\w*|remes\w*|korting|scont\w*|abat\w*|"
    r"nochlass|rabatt\w*|rabätt\w*|penny|pennies|bawbee\w*|month\w*|mes|mês|mois|monat\w*|setmana|semana|week|wuche|"
    r"hoose|carga|cargu|cargue|caric\w*|carico|cargo|compte|conta|kappe|pay\w*|paga\w*|pagu\w*|betal\w*|zahl\w*|zoll\w*|"
    # nothing asked in return, or ours to bear: "for naethin", "oan us", "umsonst", "per niente"
    r"install\w*|instal\w*|naethin|nothing|nowt|umsonst|nüt|niente|nada|rien|res|(?:on|oan) us|ddim)\b",
    re.I)


def neighbour_commercial_sentences(text: str) -> list[str]:
    """Sentences with a glue word of a neighbouring language that speak of signing, a price or a term."""
    if _NEIGHBOUR_GLUE.keys().isdisjoint(re.findall(r"[^\W\d_]+", text.lower())):
        return []  # most drafts have no word of a neighbour's glue at all: one scan decides
    out = []
    for sentence in sentence_parts(text):
        words = re.findall(r"(?<!['’])\b[^\W\d_]+\b", sentence)
        # a capitalised word is a name, except the first before a lower-case one ("Fem-li un preu", "Mir mache Ihne")
        glue = [w.lower() for i, w in enumerate(words) if w.islower() or (i == 0 and len(words) > 1 and words[1].islower())
                or (w.istitle() and i and w.lower() in _NEIGHBOUR_GLUE and len(w) >= 4)]
        if "vi" in glue and (framed := len(_SPANISH_SAW.findall(sentence))):
            # as many "vi" as Spanish frames are Spanish; one more is still the Nordic word
            glue = [w for w in glue if w != "vi"] + ["vi"] * max(0, glue.count("vi") - framed)
        hits = sorted({_NEIGHBOUR_GLUE[w] for w in glue if w in _NEIGHBOUR_GLUE})
        if hits and _COMMERCIAL.search(sentence):
            out.append(f"a sentence with words of another language ({', '.join(hits)}) that speaks of a price, "
                       f"signing or a term: {sentence.strip()[:60]!r}")
    return out


NEIGHBOUR_CLAUSE_GLUE_MIN = 2
"""Distinct glue words of one other language a clause needs before a quality check reads it as that language."""


def clauses_in_other_languages(body: str) -> list[str]:
    """Clauses of a draft written in a language next to ours ("Gràcies pel seu correu", "tack för ditt meddelande"): a
    draft to a buyer is in the buyer's language throughout (quality only; the safety check refuses such a sentence
    only where it speaks of money or signing)."""
    out = []
    for clause in re.split(r"[.;:!?\n]|,\s", body):
        words = {w.lower() for w in re.findall(r"(?<!['’])\b[^\W\d_]+\b", clause)}
        if not words:
            continue
        by_lang: dict[str, int] = {}
        for w in words:
            if w in _NEIGHBOUR_GLUE:
                by_lang[_NEIGHBOUR_GLUE[w]] = by_lang.get(_NEIGHBOUR_GLUE[w], 0) + 1
        for lang, glue in FOREIGN_FUNCTION_WORDS.items():
            hits = len((words & glue) - {w for w in words if _NEIGHBOUR_GLUE.get(w) == lang})
            if hits:
                by_lang[lang] = by_lang.get(lang, 0) + hits
        if by_lang and max(by_lang.values()) >= NEIGHBOUR_CLAUSE_GLUE_MIN:
            out.append(clause.strip())
    return out
