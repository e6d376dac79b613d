"""A statement of the deal's or the buyer's decision state, decided by grammar and resolved against the record's stage
kind (issue 11, wave 13), rather than by the idioms agents.claims and agents.deal_closure list.

Every red team found a new way to say "won" ("die Sache ist geritzt", "c'est bouclé", "está atado", "the deal is
sealed"), and each was added as a phrase. What those sentences share is their grammar: a noun for the deal (or
"everything") as subject, a copula, and a past participle or a closing adjective as predicate — the deal stated as in a
completed state. The participle is recognised by its form in each language (English -ed and the irregular ones, German
ge-...-t/-en and the inseparable prefixes, French -é(e)(s), Spanish -ado/-ido), so a new verb is caught without being
listed. What is listed is the small, closed set the other way round: participles that describe a document without
deciding anything ("attached", "beigefügt", "prévu", "previsto"). A completed state on an open deal, or a cancellation
on an open or won deal, contradicts the record; plans, conditions, questions and negations state nothing.
"""

from __future__ import annotations

import re

_DEAL = (r"deal|contract|agreement|order|order form|purchase order|po|paperwork|purchase|renewal|opportunity|sale|decision|"
         r"signatures?|business|vertrag|auftrag|bestellung|abschluss|kauf|geschäft|sache|ding|entscheidung|unterschrift|"
         r"vereinbarung|affaire|contrat|commande|bon de commande|accord|vente|marché|décision|dossier|trato|contrato|pedido|"
         r"orden de compra|acuerdo|negocio|venta|operación|oportunidad|decisión|firma|asunto")
_DETERMINER = (r"the|this|our|your|their|that|der|die|das|dieser|diese|dieses|unser\w*|ihr\w*|le|la|l'|ce|cette|notre|"
               r"votre|el|este|esta|nuestr[oa]|su")
_COPULA = (r"is|'s|was|has been|have been|are|were|got|gets|stays|remains|ist|sind|war|wurde|wurden|bleibt|est|a été|"
           r"sont|était|reste|está|están|es|fue|quedó|queda|ha quedado|ha sido|c'est")
_PARTICIPLE = (r"[a-z]+ed|done|won|sold|bought|made|shut|struck|inked|final|official|complete|through|over|a go|"  # en
               r"\w*ge\w+(?:t|en)|(?:be|ent|er|ver|zer|über|unter|hinter|miss)\w+(?:t|en)|\w+iert|fix|durch|perfekt|"  # de
               r"\w+(?:é|ée|és|ées)|conclue?s?|faite?s?|acquise?s?|prise?s?|"  # fr
               r"\w+(?:ado|ada|ados|adas|ido|ida|idos|idas)|hech[oa]s?|resuelt[oa]s?|puest[oa]s?")  # es
_STATEMENT = re.compile(
    rf"(?:\b(?:{_DETERMINER})\s*(?:\w+\s+)?(?:{_DEAL})|\b(?:everything|it all|alles|tout|todo))\s+"
    rf"(?:{_COPULA})\s+(?:(?!(?:not|nicht|pas|no|noch|yet|encore|todavía|aún)\b)[a-zäöüéèàç]+\s+){{0,3}}?"
    rf"(?P<state>{_PARTICIPLE})\b|"
    # the absolute construction, no copula: "with the order now locked", "mit dem Vertrag in der Tasche" is an idiom
    rf"\b(?:with|mit|avec|con)\s+(?:{_DETERMINER}|dem|den|le|el)\s*(?:\w+\s+)?(?:{_DEAL})\s+(?:now\s+|already\s+|all\s+|"
    rf"jetzt\s+|bereits\s+|déjà\s+|ya\s+)?(?P<absolute>{_PARTICIPLE})\b", re.I)
_DESCRIBES = frozenset("""
attached enclosed included scheduled planned expected based prepared drafted updated reviewed sent shared structured
designed priced built delayed postponed paused limited related required needed detailed outlined linked listed saved
stored organised organized tailored focused centred centered aimed intended meant estimated dated valued sized scoped
requested proposed discussed queued worded capped fixed-term renewed? described explained summarised summarized
angehängt beigefügt beigelegt geplant vorbereitet erwartet terminiert angefragt gewünscht besprochen befristet begrenzt
verschoben aktualisiert überarbeitet angepasst geprüft enthalten gesendet verschickt versandt entworfen erstellt
gedacht gemeint gedacht vorgesehen beschrieben erläutert gegliedert abgestimmt? zugeschnitten ausgelegt bestimmt
joint jointe prévu prévue prévus prévues préparé préparée envoyé envoyée attendu attendue planifié planifiée basé basée
reporté reportée limité limitée détaillé détaillée présenté présentée rédigé rédigée proposé proposée demandé demandée
destiné destinée adressé adressée daté datée structuré structurée pensé pensée
adjunto adjuntado adjuntada previsto prevista preparado preparada enviado enviada esperado esperada planificado
planificada programado programada incluido incluida basado basada pospuesto pospuesta limitado limitada actualizado
actualizada pensado pensada dirigido dirigida detallado detallada redactado redactada solicitado solicitada
propuesto propuesta fechado fechada estructurado estructurada pedido
""".replace("?", "").split())
"""Participles that describe a document or a plan without deciding anything: the closed list, the other way round."""
_CANCELLED = re.compile(r"^(?:cancell?ed|terminated|withdrawn|lost|dead|off|rescinded|gekündigt|storniert|abgesagt|"
                        r"verloren|zurückgezogen|annulée?s?|résiliée?s?|perdue?s?|cancelad[oa]s?|anulad[oa]s?|"
                        r"rescindid[oa]s?|perdid[oa]s?)$", re.I)
_NOT_A_STATEMENT = re.compile(
    r"\?|\b(?:once|when|after|if|until|before|as soon as|will|would|could|should|can|may|might|must|needs? to|to be|"
    r"not|never|no|yet|sobald|wenn|falls|bevor|nachdem|wird|würde|könnte|soll|sollte|muss|nicht|kein\w*|noch|dès que|"
    r"une fois|lorsque|quand|si|sera|serait|pourrait|doit|pas|jamais|cuando|en cuanto|una vez|si|será|sería|podría|debe|"
    r"no|nunca|todavía|aún|hasta que)\b", re.I)
_CUES = ("is", "ist", "est", "está", "es ", "sind", "sont", "was", "war", "wurde", "fue", "quedó", "queda", "got", "remains",
         "stays", "bleibt", "reste")


def asserted_states(text: str, stage_kind: str) -> list[str]:
    """Statements that the deal is completed or cancelled which the record's `stage_kind` (open/won/lost) contradicts."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?;])\s+|\n+", text):
        for m in _STATEMENT.finditer(sentence):
            state = (m.group("state") or m.group("absolute")).lower()
            if state in _DESCRIBES:
                continue
            clause = sentence[max(sentence.rfind(",", 0, m.start()), sentence.rfind(":", 0, m.start()), 0):m.end()]
            if _NOT_A_STATEMENT.search(clause) or sentence.rstrip().endswith("?"):
                continue
            claimed = "lost" if _CANCELLED.match(state) else "won"
            if claimed != stage_kind:
                out.append(f"claims the deal is {claimed} ({m.group(0)!r}); the record says {stage_kind}")
    return list(dict.fromkeys(out))
