"""A deal stated as concluded without the words agents.claims lists for signing: the idioms of each language ("inked
the deal", "l'affaire est conclue", "der Deal ist durch"), the buyer's yes or approval held as given, and a step that
only follows a won deal (the invoice, onboarding) stated as happening now."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agents.signing_words import after_a_signing_to_come

BOOKED_TIME = (r"(?:(?:the|a|an|our|their|his|her|your)\s+)?(?:[\w'’]+\s+){0,2}?(?:review|meeting|call|demo|slot|room|time|"
               r"session|workshop|walk-?through)s?\b")
"""What follows "booked" when a meeting was booked, not a deal ("Tom has booked the review with the partners")."""


def concluded_pattern(deal_noun: str) -> re.Pattern[str]:
    """The deal concluded in an idiom, for agents.claims' nouns of a deal (`deal_noun`, an alternation)."""
    _DEAL_NOUN = deal_noun  # noqa: N806 - the name the patterns below were written with
    return re.compile(
        # the deal itself stated as concluded, in each language's idiom: "inked the deal", "l'affaire est conclue",
        # "der Deal ist durch", "el trato está cerrado", "the paperwork is wrapped up"
        rf"\b(?:inked|clinched|sealed|nailed down|wrapped up)\s+(?:the |our |this |your )?(?:\w+\s+)?(?:{_DEAL_NOUN})\b|"
        rf"\b(?:{_DEAL_NOUN})\s+(?:is |was |has been |are )?(?:all |now )?(?:inked|clinched|sealed|wrapped up|nailed down|"
        rf"sorted|a done deal)\b|"
        rf"\b(?:affaire|vente|marché|contrat|deal)\s+(?:est |a été )?(?:déjà |bien )?(?:conclue?|bouclée?|actée?|signée?)\b|"
        rf"\b(?:deal|auftrag|vertrag|abschluss|kauf|geschäft|ding|sache|projekt)\s+(?:ist |sind )?(?:jetzt |nun |bereits |schon )?(?:durch|fix|"
        rf"gebongt|eingetütet|perfekt|abgeschlossen)\b|"
        rf"\b(?:trato|acuerdo|negocio|venta|contrato)\s+(?:ya )?(?:está |quedó |ha quedado )?(?:ya )?(?:cerrad[oa]|"
        rf"hech[oa]|firmad[oa]|atad[oa])\b|"
        # the same with a party and an intensifier between (wave 27, set 35's 019): "el acuerdo con Lucía está más
        # que hecho", "the deal with Dana is well and truly done", "der Vertrag mit Frau Schmidt ist mehr als durch"
        rf"\b(?:{_DEAL_NOUN}|trato|acuerdo|negocio|venta|contrato|deal|affaire|vente|contrat|auftrag|vertrag|geschäft)"
        rf"(?:\s+(?:con|with|mit|avec)(?:\s+[\w'’.-]+){{1,3}}?)?\s+(?:ya\s+)?(?:está|is|'s|ist|est)\s+(?:ya\s+|already\s+|"
        rf"schon\s+|déjà\s+|now\s+)?(?:más\s+que|mucho\s+más\s+que|more\s+than|well\s+and\s+truly|mehr\s+als|plus\s+que|"
        rf"bien|totalmente|completamente|totally|completely|fully|definitely|vollständig|völlig|absolument|complètement|"
        rf"largement)\s+(?:hech[oa]|cerrad[oa]|atad[oa]|firmad[oa]|done|closed|sealed|signed|durch|fix|erledigt|"
        rf"unterschrieben|fait|faite|conclue?|bouclée?|signée?)\b|"
        r"\b(?:es|era|ya\s+es)\s+(?:una\s+)?cosa\s+hecha\b|\bc['’]est\s+(?:déjà\s+)?plié\b|\baffaire\s+faite\b|"
        r"\bsigned,?\s+sealed(?:,?\s+and)?\s+delivered\b|\b(?:all\s+)?sewn\s+up\b|"
        # idioms of "done" that need no deal noun, and a deal's won participle: "l'affaire est dans le sac", "in
        # trockenen Tüchern", "oportunidad ganada", "la oportunidad está ganada"
        # a CRM status stated as the deal's: "deal marked won on 11/24", "als gewonnen markiert"
        r"\bmarked (?:as )?(?:closed[- ])?won\b|\bals gewonnen (?:markiert|gekennzeichnet)\b|"
        r"\bmarqu[ée]e? (?:comme )?gagn[ée]e?\b|\bmarcad[oa] como ganad[oa]\b|"
        r"\b(?:(?:est|sont|c'est) (?:déjà )?dans le sac|in trockenen tüchern|in the bag|done and dusted|"
        r"en el bote|atado y bien atado|unter dach und fach|bon pour accord|(?:ist|sind) (?:schon |längst )?(?:gegessen|geritzt|im kasten|eingetütet)|"
        r"sache (?:\w+ )?(?:geritzt|gegessen)|(?:dit|disent|dire) banco|dans la poche|"
        r"(?:is|are) (?:now )?(?:cw|closed[- ]won)(?: as of)?|"
        r"(?:est|sont) (?:déjà |bien )?act[ée]e?s?|dam(?:os|os ya) por (?:cerrad|hech|firmad|ganad)\w*|"
        r"(?:pencil(?:l)?ed|booked|counted|listed|signed) (?:\w+ ){0,2}(?:in|up) as (?:a |our )?(?:new )?(?:customer|client))\b|"
        # the buyer's yes stated as arrived: "your finance team's yes came through", "votre oui est arrivé"
        r"\b(?:yes|go-ahead|green light|sign-?off|thumbs up)\s+(?:came through|came in|has come|is in|arrived|landed)\b|"
        # signing stated as done with no document named: "the ink is dry", "c'est signé de votre côté", "ya está todo
        # firmado", "alles ist unterschrieben", "it's all signed"
        r"\b(?:is|'s|are) (?:just |only |merely |now |but )?a (?:mere )?formality\b|\brubber-?stamp\w*|"
        r"\b(?:welcome|bienvenid[oa]s?|bienvenue|willkommen) (?:to|a|dans|in) (?:the|la|der) (?:[\w-]+ )?(?:famil\w*)\b|"
        r"\bapproval is (?:already |now )?in\b|\b(?:put|puts|putting) pen to paper\b|"
        # someone's agreement to the purchase stated as already given: "Marcus already agreed to it on our call", "hat
        # bereits zugestimmt", "a déjà donné son accord", "ya dio su conformidad" (not agreeing to a meeting)
        r"\balready (?:agreed|approved|accepted|signed off)\b(?!\s+to\s+(?:meet|talk|join|a call|the call|speak|a demo))|"
        r"\b(?:hat|haben) (?:bereits|schon) (?:zugestimmt|zugesagt|freigegeben)\b|"
        r"\ba déjà (?:donné son accord|accepté|validé)\b(?! (?:de|le|la) (?:rendez-vous|réunion|appel|démo))|"
        r"\bya (?:dio su (?:conformidad|aprobación|visto bueno)|aceptó|aprobó)\b|\b(?:the )?ink (?:is |has )?(?:now |already )?(?:dry|dried)\b|\bdry ink\b|"
        # a signature stated as a fact in a clause of time: "nachdem Sie unterschrieben haben", "now that you've signed"
        r"\bnachdem\s+sie\s+(?:\w+\s+)?(?:unterschrieben|unterzeichnet|bestellt|zugesagt|zugestimmt)\s+haben\b|"
        r"\bnow that you(?:'ve| have) (?:signed|ordered|committed)\b|\bmaintenant que vous avez (?:signé|commandé)\b|"
        r"\b(?:ahora|una vez) que (?:han|ha) (?:firmado|pedido)\b|"
        # a binding document held: "with your PO in hand", "mit Ihrer Bestellung in der Hand", "avec votre commande en main"
        r"\b(?:with|mit|avec|con)\s+(?:your|the|ihrer|ihrem|der|dem|votre|le|la|su|el)\s+(?:po|purchase order|order|signed "
        r"contract|signature|bestellung|auftrag|unterschrift|bon de commande|commande|pedido|orden de compra|firma)\s+"
        r"(?:in (?:der )?hand|en main|en mano|on file|in place)\b|"
        # a deal sealed by hand: "a tapé dans la main", "shook on it", "per Handschlag", "chocamos la mano"
        r"\b(?:a|ont|avons|avez) tapé dans la main\b|\b(?:shook|shaken) (?:hands )?on (?:it|this|that|the deal)\b|"
        r"\b(?:se sont|nous sommes|s'est) serr[ée]s? la main\b|"
        # initialled, the signature before the signature: "has initialled every page", "alles paraphiert", "rubricaron"
        r"\b(?:has|have|had) initial(?:l)?ed\b|\bparaphiert\b|\b(?:ont|a|avons) paraphé\b|\brubrica(?:ron|do|da)\b|"
        # an order entered on our side: "your order is in the system", "die Bestellung ist in unserem System"
        r"\b(?:order|po|purchase order|bestellung|auftrag|commande|pedido)\w*\s+(?:is|ist|est|está)\s+(?:now |already |jetzt |"
        r"bereits |déjà |ya )?(?:in|im|dans|en)\s+(?:the |our |unserem |notre |le |nuestro |el )?(?:system|système|sistema)\b|"
        # agreement reached, said as done: "we've reached an agreement", "uns einig geworden", "tombés d'accord"
        r"\b(?:reached|come to|came to|struck) (?:an |the |a final )?(?:agreement|deal|accord)\b|\bofficially (?:partners|a customer|"
        r"customers|on board|signed)\b|\beinig geworden\b|\b(?:uns|wir uns) (?:\w+ )?geeinigt\b|\beinigung erzielt\b|"
        r"\btomb[ée]s? d'accord\b|\b(?:trouvé|conclu) un accord\b|\bparvenus? à un accord\b|"
        r"\b(?:llegado|llegamos) a un acuerdo\b|\bnos (?:hemos puesto|pusimos) de acuerdo\b|\bnos (?:dimos|hemos dado) la mano\b|\bhand drauf\b|\bper handschlag\b|\bhandschlag\w*\b|"
        r"\b(?:chocó|chocamos|chocaron|hemos chocado|ha chocado) (?:la|las) manos?\b|\bhandshake deal\b|"
        # the signing stated as behind us: "the paperwork is behind us", "die Formalitäten sind erledigt", "los trámites ya "
        # "quedaron atrás"
        r"\b(?:paperwork|formalities|signing|signature|contract|agreement|order|papierkram|formalitäten|unterschrift|vertrag|"
        r"paperasse|formalités|signature|contrat|papeleo|trámites|firma|contrato)(?:'s|’s|\s+(?:is|are|ist|sind|est|sont|está|"
        r"están|quedan?|quedaron|quedó))\s+(?:now |all |jetzt |schon |bereits |déjà |ya |bien )?(?:behind us|out of the way|"
        r"done|complete|completed|finished|sorted|hinter uns|erledigt|derrière nous|réglée?s?|atrás|resuelt[oa]s?)\b|"
        r"\balles\s+(?:ist\s+)?unter dach\b|\b(?:ya )?está todo (?:cerrado|atado|hecho)\b|\btodo está (?:cerrado|atado)\b|\b(?:it's|it is|everything(?:'s| is)|all is|that's) (?:now |all )?(?:signed|countersigned)\b(?![ -]off)|"
        r"\bc'est (?:(?:déjà|bien|tout) )?sign[ée]\b|\btout est sign[ée]\b|"
        r"\b(?:ya )?está (?:todo )?(?:ya )?firmad[oa]\b|\btodo (?:está )?firmado\b|"
        r"\b(?:alles|es) (?:ist )?(?:jetzt |schon |bereits )?(?:unterschrieben|unterzeichnet)\b|"
        r"\b(?:oportunidad|opportunit[ée]|opportunity|affaire|verkaufschance|chance|negocio|venta|trato)\s+"
        r"(?:\w+\s+){0,2}?(?:ganad[oa]|gagnée?|won|gewonnen)\b|"
        # the buyer's yes held as ours: "we have your yes", "ya tenemos su sí", "nous avons votre accord"
        rf"\b(?:have|got|received)\s+(?:your|their|his|her)\s+(?:yes|go-ahead|green light|sign-off|approval)\b|"
        rf"\b(?:tenemos|recibimos|nos dio|nos dieron)\s+(?:su|el) (?:sí|visto bueno|aprobación)\b|"
        rf"\b(?:nous )?avons (?:bien )?(?:reçu )?votre (?:oui|accord|feu vert)\b|"
        rf"\b(?:haben|hätten) (?:jetzt |nun |bereits |schon )?(?:ihr|ihre) (?:ja|zusage|okay|ok|freigabe)\b|"
        rf"\bnow that\b[^.;]{{0,40}}\b(?:is|are|'re)\s+(?:now\s+)?(?:on board|(?:a|an|our) (?:\w+ )?(?:customer|client))\b|\bon board as (?:a |our )?(?:new )?customers?\b|"
        # an approval stated as given: "has given the final go", "grünes Licht gegeben", "ya aprobó la compra"
        rf"\b(?:given|gave|granted)\s+(?:us\s+)?(?:the\s+|their\s+|its\s+)?(?:final\s+)?(?:go|go-ahead|green light|"
        rf"approval|sign-off)\b|"
        rf"\b(?:approved|authori[sz]ed|signed off on)\s+(?:the\s+|our\s+|this\s+)?(?:purchase|spend|order|po|investment)\b|"
        rf"\b(?:grünes licht|freigabe|zusage|das okay|ihr okay)\s+(?:\w+\s+)?(?:gegeben|erteilt)\b|"
        rf"\b(?:aprob[oó]|aprobaron|autoriz[oó]|autorizaron|ha aprobado|han aprobado|ha autorizado|han autorizado|confirm[oó]|"
        rf"confirmaron|ha confirmado|han confirmado)\s+"
        rf"(?:ya\s+)?(?:la |el )?(?:compra|pedido|inversión|gasto|contrato|propuesta|presupuesto)\b",
        re.I)


def approval_pattern(deal_noun: str) -> re.Pattern[str]:
    """The buyer's decision, approval or award stated as ours, in any word order (wave 10; its own pattern and cues so
    that texts without them do not pay for it)."""
    _DEAL_NOUN = deal_noun  # noqa: N806 - the name the patterns below were written with
    return re.compile(
        # the buyer's decision stated as ours, however the idiom goes: "die Entscheidung ist zu unseren Gunsten
        # gefallen", "decided in our favour", "went our way", "nos han elegido", "we have been selected"
        rf"\b(?:in our favou?r|our way|zu unseren gunsten|zu unserem vorteil|en notre faveur|a nuestro favor|"
        rf"a favor nuestro)\b|"
        rf"\b(?:chose|picked|selected|chosen|gewählt|ausgewählt|entschieden für|choisi|retenu|elegido|seleccionado|"
        rf"escogido|elegido a)\s+(?:us|uns|nous|a nosotros)\b|"
        rf"\b(?:(?:we|wir|nous|nos)\s+(?:have|were|'ve|haben|wurden|sind|avons|hemos|han)\s+(?:been\s+|été\s+|sido\s+)?"
        rf"(?:selected|chosen|ausgewählt|gewählt|retenus|choisis|elegidos|seleccionados|elegido|seleccionado))\b|"
        # an approval idiom with a verb of giving or having next to it, in either order: "nos ha dado luz verde",
        # "dirección dio luz verde", "ont donné leur feu vert", "hat grünes Licht gegeben", "we got the thumbs-up"
        rf"\b(?:given|gave|got|gotten|received|dado|dio|dieron|recibido|obtenido|tenemos|donné|reçu|obtenu|erhalten|"
        rf"bekommen|gegeben|erteilt)\s+(?:\w+\s+){{0,3}}?(?:green light|go-ahead|thumbs[- ]up|grünes licht|feu vert|"
        rf"luz verde|visto bueno)\b|"
        rf"\b(?:green light|go-ahead|thumbs[- ]up|grünes licht|feu vert|luz verde|visto bueno)\s+(?:\w+\s+){{0,3}}?"
        rf"(?:given|gegeben|erteilt|donné|dado|concedido|otorgado)\b|"
        # an award: "oportunidad adjudicada", "the contract was awarded to us", "den Zuschlag erhalten"
        rf"\b(?:adjudicad[oa]s?|awarded|attribuée?s?|zugeschlagen|zugesprochen)\s+(?:a nosotros|to us|à nous|uns)\b|"
        rf"\b(?:{_DEAL_NOUN}|oportunidad|opportunité|licitación|concurso|ausschreibung|appel d'offres|tender|bid)\s+"
        rf"(?:\w+\s+){{0,2}}?(?:adjudicad[oa]|awarded|attribuée?|zugeschlagen|zugesprochen)\b|"
        rf"\b(?:den |der )?zuschlag\s+(?:\w+\s+){{0,2}}?(?:erhalten|bekommen|gegeben|erteilt)\b|"
        # the award in the active voice, to us: "nous a attribué le marché", "nos han adjudicado el proyecto", "awarded
        # us the contract", "hat uns den Auftrag zugesprochen"
        rf"\b(?:nous|nos|uns)\s+(?:\w+\s+){{0,2}}?(?:attribué|adjudicad[oa]|zugesprochen|vergeben|zugeschlagen)\b|"
        rf"\bawarded us\b|"
        rf"\b(?:haben|hat)\s+(?:\w+\s+){{0,2}}?den zuschlag\b",
        re.I)


APPROVAL_CUES = ("favo", "our way", "gunsten", "vorteil", "faveur", "favor", "chose", "picked", "selected", "chosen",
                 "gewählt", "entschieden", "choisi", "retenu", "elegid", "seleccionad", "escogid", "green light", "thumbs",
                 "go-ahead", "grünes licht", "feu vert", "luz verde", "visto bueno", "adjudic", "awarded", "attribu",
                 "zugeschlagen", "zugesprochen", "zuschlag", "vergeben")
"""Substrings (of the lower-cased text) one of the approval idioms needs."""


POST_SALE = re.compile(
    r"\b(?:(?:send|sending|sent|prepare|preparing|issue|issuing|raise|raising|attach\w*)\s+(?:you\s+)?(?:the |your |an |our |"
    r"the first )?invoice|invoice (?:follows|will follow|is on its way|is attached|goes out)|(?:start|begin|kick off|"
    r"kicking off|starting|beginning) (?:the |your )?(?:onboarding|implementation)|onboarding (?:starts|begins|kicks off)|"
    # implementation under way now, not planned: "implementation kicks off", "die Umsetzung hat begonnen"
    r"implementation (?:kicks off|is kicking off|has (?:started|begun|kicked off))|(?:implementierung|umsetzung|einführung) "
    r"(?:hat begonnen|ist gestartet|läuft bereits)|(?:la )?mise en (?:œuvre|oeuvre|place) (?:a (?:démarré|commencé))|"
    r"(?<!de )(?<!del )(?<!de la )(?:la )?implantación (?:ya )?(?:ha arrancado|ha empezado|ha comenzado|está en marcha)|welcome (?:pack|kit|"
    r"package)|(?:schicke|sende|stelle|erstelle|schicken|senden|stellen)\w* (?:ich |wir )?(?:ihnen )?(?:die |eine )?rechnung|"
    r"rechnung (?:folgt|kommt|ist unterwegs)|(?:je )?(?:prépare|envoie|émets|préparons|envoyons) (?:la |votre )?facture|"
    r"facture (?:suit|suivra|arrive)|(?:preparo|envío|emito|preparamos|enviamos|emitimos) (?:la |su )?factura|"
    r"factura (?:sigue|llegará|va en camino))\b", re.I)
"""A step that only follows a won deal (the invoice, onboarding, a welcome pack), stated as happening now: to an open
deal it claims the deal is won, whatever words the claim itself used ("Since the paperwork is wrapped up, ...")."""
_REAL_CONDITION = re.compile(r"\b(?:once|when|after|if|as soon as|sobald|wenn|nachdem|falls|dès que|une fois|si|lorsque|"
                             r"quand|cuando|en cuanto|una vez|tan pronto)\b|\?", re.I)




CONCLUDED_CUES = ("ink", "clinch", "seal", "nailed", "wrapped", "sorted", "done", "conclu", "boucl", "acté", "signé",
                  "durch", "fix", "gebongt", "eingetütet", "perfekt", "abgeschlossen", "cerrad", "hech", "firmad",
                  "atad", "sac", "tüchern", "bag", "dusted", "bote", "ganad", "gagn", "won", "gewonnen", "yes", "go-ahead",
                  "green light", "sign-off", "approv", "sí", "visto bueno", "aprob", "oui", "accord", "feu vert", "ja",
                  "zusage", "okay", "ok", "freigabe", "on board", "given", "gave", "granted", "authori", "signed off",
                  "gegeben", "erteilt", "autoriz", "marked", "markiert", "gekennzeichnet", "marqu", "marcad", "signed", "signe", "unterschrieben", "unterzeichnet", "dry", "formalit",
                  "rubber", "famil", "approval is", "agreed", "accepted", "accepté", "zugestimmt", "zugesagt", "gegessen",
                  "geritzt", "kasten", "dach und fach", "bon pour", "damos por", "pencil", "acept", "conformidad", "banco", "poche", "cw", "closed",
                  "now that", "behind", "out of the way", "hinter uns", "erledigt", "derrière", "réglé", "atrás", "resuelt",
                  "nachdem", "maintenant que", "ahora que", "una vez que", "in hand", "in der hand", "en main",
                  "en mano", "on file", "unter dach", "tapé", "shook", "shaken", "serr", "reached", "come to", "came to", "struck", "system", "sistema", "initial", "paraph", "rubrica",
                  "officially", "einig", "geeinigt", "einigung", "tomb", "un accord", "un acuerdo", "de acuerdo", "la mano", "hand drauf", "handschlag", "chocó", "chocamos", "chocaron", "chocado",
                  "handshake", "todo cerrado", "todo atado", "todo hecho", "todo está", "cosa hecha", "plié", "faite", "sewn")
"""Substrings (of the lower-cased text) one of the idioms above needs: most texts have none, and a substring test is
far cheaper than the pattern."""
POST_SALE_CUES = ("invoice", "onboarding", "welcome", "rechnung", "facture", "factura", "implementation", "implementierung",
                  "umsetzung", "einführung", "mise en", "implantación")


def post_sale_steps(sentence: str) -> Iterator[re.Match[str]]:
    """Steps that only follow a won deal, stated as now (no condition in the sentence, no question)."""
    if not _REAL_CONDITION.search(sentence) and not after_a_signing_to_come(sentence, sentence):
        # wave 32: "Die Rechnung kommt nach der Unterschrift" is timed by a signature still to come
        yield from POST_SALE.finditer(sentence)
