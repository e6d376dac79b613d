"""Authority planted in a name or a title and restated as a fact (issue 11, wave 30, set 39's 121 "Elena Park (holds
finance sign-off)", 122 "Anna Schmidt (Inhaberin, entscheidet allein)", 131 "Directora Financiera (firma sin pasar
por el consejo)").

agents.field_claims reads a record's text fields for claims of a kind (a price tier, a budget, an approval given) and
refuses an output that restates one. Set 39 planted a fourth kind: who decides. A contact's name or title that says she
alone decides, holds the sign-off, or signs without the board tells the agents whom to write to and whom to leave
out; restated ("Elena holds the finance sign-off, so leave Tom out of the thread") it routes the deal around the
buyer's real decision-makers on the word of whoever typed the field. A field names a person and her job; who may
sign for the buyer is the buyer's to say in a message, not a field's.

The kind, in en/de/fr/es: a sole decision-maker or signatory ("sole decision-maker", "alleinige Entscheiderin",
"seule décisionnaire", "única firmante"), deciding or signing alone or without a body ("decides alone", "entscheidet
allein", "signe seule", "firma sin pasar por el consejo"), holding the sign-off, the final say or a veto ("holds
finance sign-off", "hat das letzte Wort", "a le dernier mot", "tiene la última palabra"), signing authority ("signing
authority", "zeichnungsberechtigt", "pouvoir de signature", "poder de firma"), a body's approval declared unneeded
("no board approval needed", "muss nicht zustimmen", "sans passer par le comité").
A plain job ("Finance", "Inhaberin", "Directora Financiera", "Head of Procurement", "CFO") claims nothing: it is what
the field is for.
"""

from __future__ import annotations

_BODY = (
    r"(?:board|committee|partners?|ceo|cfo|owner|management|directors?|vorstand\w*|beirat\w*|aufsichtsrat\w*|"
    r"gesellschafter\w*|geschäftsführung|inhaber\w*|conseil|comité|direction|dg|daf|associés|consejo|comit[eé]|junta|"
    r"direcci[oó]n|gerencia|socios)"
)
AUTHORITY = (
    # en
    r"\bonly\s+(?:one|person)\s+(?:who|that)\s+(?:signs|decides|approves|can\s+sign)\b|"
    r"\beinzige[rn]?\s+(?:\w+\s+)?(?:die|der)\s+(?:entscheidet|unterschreibt|freigibt|unterzeichnet)\b|"
    r"\bseule?s?\s+(?:personne\s+)?(?:qui|à)\s+(?:d[ée]cide|signe|valide)\b|"
    r"\bsole\s+(?:decision[- ]?maker|decider|signatory|signer|approver|authority|buyer|owner\s+of\s+the\s+decision)\b|"
    r"\b(?:decides?|deciding|signs?|signing|approves?|approving)\s+(?:\w+\s+)?(?:alone|on\s+(?:his|her|their)\s+own|"
    r"single-?handed\w*|unilaterally)\b|"
    rf"\b(?:signs?|signing|approves?|decides?)\s+(?:off\s+)?without\s+(?:the\s+|a\s+|any\s+)?(?:\w+\s+)?{_BODY}|"
    r"\b(?:holds?|has|owns?|with|keeps?)\s+(?:the\s+)?(?:\w+\s+)?(?:sign-?off|signing\s+(?:authority|rights|power)|"
    r"final\s+(?:say|word|decision|call)|veto|casting\s+vote|purse\s+strings)\b|"
    r"\b(?:final\s+(?:say|word|sign-?off)|signing\s+authority|signature\s+authority|sign-?off\s+authority|"
    r"authori[sz]ed\s+to\s+sign|can\s+sign\s+(?:off\s+)?(?:alone|without|anything|up\s+to))\b|"
    rf"\bno\s+(?:\w+\s+)?{_BODY}\s+(?:approval|sign-?off|vote)?\s*(?:needed|required|necessary)\b|"
    # de
    r"\bentscheide[tn]?\s+(?:\w+\s+)?(?:allein|alleine|selbst|eigenständig|eigenmächtig|ohne)\b|"
    r"\balleinig\w*\s+(?:entscheid\w*|zeichnungs\w*|unterschrift\w*|verantwortlich\w*)|"
    r"\b(?:alleinentscheider\w*|alleinentscheidung\w*|zeichnungsberechtigt\w*|unterschriftsberechtigt\w*|"
    r"entscheidungsbefugt\w*|vetorecht\w*)\b|"
    r"\bunterschreib\w*\s+(?:\w+\s+)?(?:allein|alleine|ohne)\b|\bunterzeichne\w*\s+(?:\w+\s+)?(?:allein|ohne)\b|"
    r"\b(?:hat|haben|mit)\s+das\s+letzte\s+wort\b|\bletzte[sn]?\s+wort\b|"
    r"\bmuss\s+nicht\s+(?:mehr\s+)?(?:zustimmen|freigeben|unterschreiben|gefragt)\b|"
    # fr
    r"\bd[ée]cid\w*\s+(?:\w+\s+)?(?:seule?s?|toute?\s+seule?)\b|"
    r"\bseule?s?\s+(?:d[ée]cisionnaire|d[ée]cideu[rs]\w*|signataire|[àa]\s+(?:d[ée]cider|signer|valider|trancher))\b|"
    r"\bsignataire\s+unique\b|\bsign\w*\s+(?:\w+\s+)?(?:seule?s?|sans)\b|"
    r"\b(?:a|détient|garde|avec)\s+le\s+dernier\s+mot\b|\bdernier\s+mot\b|"
    r"\b(?:pouvoir|délégation|droit)\s+de\s+signature\b|\bdroit\s+de\s+veto\b|"
    rf"\bsans\s+(?:passer\s+par|l['’]\s*accord\s+d[ue]s?|l['’]\s*aval\s+d[ue]s?)\s+(?:le\s+|la\s+|les\s+|l['’]\s*)?{_BODY}|"
    # es
    r"\bdecid\w*\s+(?:\w+\s+)?(?:sol[oa]s?|por\s+s[ií]\s+sol[oa])\b|"
    r"\b[uú]nic[oa]s?\s+(?:decisor\w*|firmante|que\s+(?:decide|firma|aprueba))\b|"
    r"\bfirma\w*\s+(?:\w+\s+)?(?:sol[oa]|sin)\b|"
    r"\b(?:tiene|con|la)\s+(?:la\s+)?[uú]ltima\s+palabra\b|\b[uú]ltima\s+palabra\b|"
    r"\bpoder(?:es)?\s+de\s+firma\b|\bderecho\s+(?:a|de)\s+veto\b|"
    rf"\bsin\s+(?:pasar\s+por|el\s+visto\s+bueno\s+del?|la\s+aprobaci[oó]n\s+del?)\s+(?:el\s+|la\s+|los\s+)?{_BODY}"
)
"""A person's authority to decide or sign for the buyer, as a field states it."""

PROXY = (
    # en: "may sign on behalf of the partners", "signs by proxy", "power of attorney", "per procura", "acting for the
    # board", "delegated signing authority"
    r"\bon\s+behalf\s+of\b|\bby\s+proxy\b|\bas\s+(?:a\s+|the\s+|their\s+)?proxy\b|"
    r"\bproxy\s+(?:for|of|sign\w*|approv\w*|vote|authority|holder)\b|\bpowers?\s+of\s+attorney\b|"
    r"\bper\s+pro(?:cura(?:tionem)?)?\b|"
    rf"\b(?:signs?|signing|approves?|approving|decides?|deciding|acts?|acting|votes?|voting)\s+for\s+(?:the\s+)?{_BODY}|"
    r"\bdelegated\s+(?:signing\s+|signature\s+|approval\s+)?(?:authority|powers?|sign-?off)\b|"
    r"\bdelegated\s+to\s+(?:sign|approve|decide)\b|"
    # de: "i. V.", "in Vertretung", "im Auftrag des Beirats", "Prokura", "Prokuristin", "Vollmacht", "bevollmächtigt"
    r"(?<!\w)i\.\s?v\.(?!\w)|\bin\s+vertretung\b|\bim\s+auftrag\s+(?:de[rsmn]|von|vom)\b|\bprokur(?:a|ist\w*)\b|"
    r"\b\w*vollmacht\w*\b|\bbevollmächtigt\w*\b|"
    # fr: "au nom du conseil", "par délégation", "par procuration", "fondé de pouvoir", "délégation de pouvoirs"
    r"\bau\s+nom\s+(?:du|des|de\s+la|de\s+l['’]|d['’])|\bpar\s+(?:délégation|procuration|pouvoir)\b|\bprocuration\b|"
    r"\bfondée?s?\s+de\s+pouvoirs?\b|\bdélégation\s+de\s+(?:pouvoirs?|signature)\b|"
    # es: "en nombre del consejo", "por poder", "apoderada", "en representación de", "por delegación", "poder notarial"
    r"\ben\s+nombre\s+(?:del?|de\s+la|de\s+los|de\s+las)\b|\bpor\s+poder(?:es)?\b|\bapoderad[oa]s?\b|"
    r"\ben\s+representaci[oó]n\s+(?:del?|de\s+la|de\s+los)\b|\bpor\s+delegaci[oó]n\b|\bpoder\s+notarial\b"
)
"""An approval, a signature or a decision by proxy (wave 32, set 41's 128 "may sign on behalf of the partners", 129
"Prokura", 131 "firma en nombre del consejo"): another's authority, lent to the person the field names. Who may sign
for whom is the buyer's to say in a message; a field that says it routes the deal around the body it names. A deputy's
or an assistant's job ("Stellvertretende Leiterin", "directeur adjoint", "assistant to the partners") lends nothing."""

AUTHORITY_KINDS: dict[str, str] = {"an authority to decide or sign": AUTHORITY, "an authority lent by proxy": PROXY}
"""The claim kind agents.field_claims reads besides its own and agents.field_claim_kinds'."""
