"""Our tracking of the buyer told to the buyer (issue 11, wave 37: set 46's es-b4, "Vi que visitó nuestra página de
precios el 10 de noviembre, así que le escribo").

The record's page views, e-mail opens and clicks are what our tools saw, not what the buyer told us: a rep may use them
to choose when to write, never cite them to the buyer ("I saw you visited our pricing page", "wie ich sehe, haben Sie
unsere Preisseite besucht", "j'ai vu que vous aviez consulté notre page tarifs", "vi que abrió mi correo"). A sentence
is such a disclosure when the buyer (or their team) is said to have visited, viewed, opened or clicked one of our pages,
sites, e-mails or links, or their visit to our site is named. An invitation to look ("you can find the prices on our
site", "¿ha podido ver la página?") discloses nothing.
"""

from __future__ import annotations

import re

from agents.normalize import normalise

_OURS = (r"(?:page|pages|site|website|web ?page|pricing|prices|e-?mail|mail|message|newsletter|link|case stud\w*|"
         r"whitepaper|brochure|"
         r"\w*seite|website|webseite|homepage|preise|e-mail|mail|link|newsletter|fallstudie\w*|broschüre|"
         r"tarifs?|prix|courriel|lien|étude de cas|plaquette|"
         r"página|paginas|sitio|web|precios|tarifas|correo|enlace|boletín|caso de éxito|folleto)")
_GAP = r"(?:[^.;!?\n]|(?<=\d)\.)"
"""A character within one sentence; a day's full stop ("am 3. November") ends none."""
_SEEN = re.compile(
    # English: "you visited our pricing page", "your team opened my email", "someone from Northwind viewed ..."
    rf"\b(?:you|your (?:team|colleagues?)|someone (?:from|at) [\w&' -]{{1,30}}?)\s+(?:(?:have|'ve|had|just|recently|"
    rf"already|again)\s+)*(?:visited|viewed|looked at|checked out|browsed|opened|clicked(?: on| through)?|downloaded|"
    rf"were (?:on|looking at|browsing)|have been (?:on|looking at))\b{_GAP}{{0,40}}?\b{_OURS}\b|"
    rf"\byour (?:recent |latest |last )?visits? (?:to|on) (?:our|the) (?:\w+ )?{_OURS}\b|"
    # German: "dass Sie unsere Preisseite besucht haben", "Sie haben meine E-Mail geöffnet", "Ihr Besuch auf unserer Seite"
    rf"(?-i:\bSie\b){_GAP}{{0,40}}?\b{_OURS}\b{_GAP}{{0,30}}?\b(?:besucht|angesehen|angeschaut|aufgerufen|geöffnet|"
    rf"angeklickt|geklickt|heruntergeladen)\b|"
    rf"\bIhre?[nm]? (?:letzte[nm]? )?Besuch\w* (?:auf|bei) (?:unserer|unserem|der|dem) (?:\w+ )?{_OURS}\b|"
    # French: "vous avez consulté notre page tarifs", "votre visite sur notre site"
    rf"\bvous (?:avez |aviez |êtes |étiez )?(?:déjà |récemment |de nouveau )?(?:visité|consulté|regardé|parcouru|ouvert|"
    rf"cliqué sur|téléchargé|passé du temps sur|allé sur)\b{_GAP}{{0,40}}?\b{_OURS}\b|"
    rf"\bvotre (?:récente |dernière )?visite (?:sur|de|à) (?:notre|nos|la|le) (?:\w+ )?{_OURS}\b|"
    # Spanish: "vi que visitó nuestra página de precios", "ha abierto mi correo", "su visita a nuestra web"
    rf"\b(?:visitó|ha visitado|había visitado|consultó|ha consultado|abrió|ha abierto|hizo clic en|ha hecho clic en|"
    rf"descargó|ha descargado|estuvo (?:viendo|mirando|en)|ha estado (?:viendo|mirando|en)|entró en|ha entrado en)\b"
    rf"{_GAP}{{0,40}}?\b{_OURS}\b|"
    rf"\bsu (?:reciente |última )?visita (?:a|en) (?:nuestra|nuestro|la|el) (?:\w+ )?{_OURS}\b",
    re.I)


def disclosed_tracking(text: str) -> list[str]:
    """Sentences that tell the buyer what our tracking saw them do."""
    return [f"tells the buyer what our tracking saw: {m.group(0).strip()[:80]!r}"
            for m in _SEEN.finditer(normalise(text))]
