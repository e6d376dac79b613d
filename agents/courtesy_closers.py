"""A courtesy closer: an offer to answer questions the buyer may have, which asks nothing the buyer must answer (wave
38's note on agents.grouped_asks: "Let me know if you have any questions" and "Melden Sie sich bei Fragen" counted as
asks in agents.next_steps.count_asks, so a draft with one real ask and the closer read "2 ask(s)", and a draft whose
only "ask" was the closer read as having a next step).

Only the whole sentence is read: a closer that also asks for something ("Let me know if you have any questions or which
day works", "Could you send the seat count?") is an ask as before, and so is a question ("Do you have any questions?").
"""

from __future__ import annotations

import re

_POLITE = r"(?:(?:please|just|bitte|gern(?:e)?|einfach|jederzeit|simplement|simplemente|por favor)\s+)*"
_QUESTIONS_EN = (r"(?:any\s+|further\s+|other\s+|more\s+)*(?:questions?|queries|concerns)(?:\s+(?:in the meantime|at all))?|"
                 r"anything(?:\s+else)?|(?:any\s+)?(?:further\s+)?help|(?:any\s+)?clarification")
# wave 41: "tell me" and "let us know" count as asks in agents.next_steps, so their closers are read here too
_EN = (rf"{_POLITE}(?:do\s+)?(?:let (?:me|us) know|tell (?:me|us)|reach out|get in touch|feel free to (?:reach out|get in touch|"
       r"contact me|ask|let (?:me|us) know|tell (?:me|us))|don['’]t hesitate to (?:reach out|get in touch|contact me|ask|"
       r"let (?:me|us) know|tell (?:me|us))|happy to help)"
       rf"\s+(?:if|should|in case|whenever)\s+(?:you|anyone|the team)\s+(?:have|has|need|needs|come up with|think of)\s+"
       rf"(?:{_QUESTIONS_EN})(?:\s+(?:about|on|regarding)\s+(?:(?!which\b|when\b|whether\b|what\b)[\w'’-]+\s*){{1,4}})?")
_ZUM = r"(?:\s+(?:zum|zur|zu\s+(?:dem|der|den))\s+\w+)?"
_DE = (rf"(?:bei\s+(?:weiteren\s+|allen\s+|offenen\s+)?fragen{_ZUM}\s+(?:melden\s+sie\s+sich|stehe\s+ich\s+(?:ihnen\s+)?"
       rf"{_POLITE}zur\s+verfügung|geben\s+sie\s+mir\s+{_POLITE}bescheid)|"
       rf"melden\s+sie\s+sich(?:\s+(?:gern(?:e)?|jederzeit|bitte))*,?\s+(?:bei\s+(?:weiteren\s+|allen\s+|offenen\s+)?fragen{_ZUM}|wenn\s+sie\s+(?:noch\s+)?"
       r"(?:weitere\s+)?fragen\s+haben)|"
       rf"für\s+(?:weitere\s+|alle\s+|offene\s+)?fragen\s+stehe\s+ich\s+(?:ihnen\s+)?{_POLITE}zur\s+verfügung|"
       r"lassen\s+sie\s+(?:es\s+)?mich\s+wissen,?\s+(?:wenn|falls)\s+sie\s+(?:noch\s+)?(?:weitere\s+)?fragen\s+haben)"
       r"(?:\s+(?:gern(?:e)?|jederzeit|bitte))*")
_FR = (r"(?:n['’]hésitez\s+pas(?:\s+à\s+(?:me\s+contacter|revenir\s+vers\s+moi|me\s+(?:le\s+)?dire|me\s+solliciter))?"
       r"(?:\s+(?:si\s+vous\s+avez\s+(?:des|d['’]autres|la\s+moindre)\s+questions?|pour\s+toute\s+(?:autre\s+)?question))?|"
       r"(?:dites-moi|faites-moi\s+savoir)\s+si\s+vous\s+avez\s+(?:des|d['’]autres)\s+questions|"
       r"je\s+reste\s+à\s+votre\s+(?:entière\s+)?disposition(?:\s+pour\s+toute\s+(?:autre\s+)?question)?)")
_ES = (r"(?:quedo\s+a\s+su\s+(?:entera\s+)?disposición(?:\s+para\s+cualquier\s+(?:otra\s+)?(?:duda|pregunta|consulta))?|"
       r"no\s+dude\s+en\s+(?:contactarme|escribirme|consultarme|avisarme)(?:\s+si\s+tiene\s+(?:alguna|cualquier)\s+"
       r"(?:duda|pregunta|consulta))?|"
       r"(?:d[ií]game|av[ií]seme|h[aá]game\s+saber)\s+si\s+tiene\s+(?:alguna|cualquier)\s+(?:otra\s+)?(?:duda|pregunta|consulta))")
_CLOSER = re.compile(rf"^\W*(?:{_EN}|{_DE}|{_FR}|{_ES})\s*[.!]?\s*$", re.I)


def courtesy_closer(sentence: str) -> bool:
    """Whether a whole sentence only offers to answer the buyer's questions ("Let me know if you have any questions",
    "Melden Sie sich bei Fragen", "N'hésitez pas si vous avez des questions", "Quedo a su disposición")."""
    return _CLOSER.match(sentence) is not None
