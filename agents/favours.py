"""An ask for something the seller wants (a testimonial, a review, a quote for our website, a referral) is no next step
in the deal: a draft whose only ask is such a favour leaves the buyer's own business where it was (quality set 23's
en-b4, "Would you be open to giving us a short quote about the demo for our website?")."""

from __future__ import annotations

import re

from agents.sentence_ends import sentence_parts

_FAVOUR = re.compile(
    r"\b(?:testimonials?|reviews? (?:on|for) (?:g2|capterra|trustpilot|our)|(?:a |short )?quote (?:about|on|for) (?:\w+ )?"
    r"(?:demo|us|our|website|site)|case stud(?:y|ies)|your logo|referrals?|refer us|introduce us|recommend us|"
    r"erfahrungsbericht\w*|referenzzitat\w*|bewertung (?:auf|bei)|uns weiterempfehlen|empfehlen sie uns|ihr logo|"
    r"témoignage\w*|avis (?:sur|pour) (?:notre|google|g2)|nous recommander|votre logo|étude de cas|"
    r"testimonio\w*|reseña\w*|recomendarnos|su logo|caso de éxito)\b", re.I)


def favour_asks(body: str) -> list[str]:
    """Sentences of `body` that ask the buyer for a favour to the seller."""
    return [s.strip() for s in sentence_parts(body) if "?" in s and _FAVOUR.search(s)]
