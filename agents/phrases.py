"""The offline templates' sentences in English, German, French and Spanish, and which language a
buyer reads.

Placeholders are filled only with screened, structured values (agents.writer): the company's
and deal's names when they screened clean, contact first names, dates and percentages decided
in code, and fixed topic phrases below. No free text from the CRM is ever pasted in.
"""

from __future__ import annotations

LANGUAGES = ("en", "de", "fr", "es")
"""Languages the offline templates and the checks support."""

COUNTRY_LANGUAGE = {
    **dict.fromkeys(("de", "germany", "deutschland", "at", "austria", "österreich", "ch", "switzerland", "schweiz",
                     "liechtenstein"), "de"),
    **dict.fromkeys(("fr", "france", "lu", "luxembourg", "monaco", "be", "belgium", "belgique"), "fr"),
    **dict.fromkeys(("es", "spain", "españa", "mx", "mexico", "méxico", "ar", "argentina", "cl", "chile", "co",
                     "colombia", "pe", "peru", "perú", "uy", "uruguay"), "es"),
    **dict.fromkeys(("us", "usa", "united states", "gb", "uk", "united kingdom", "ie", "ireland", "ca", "canada",
                     "au", "australia", "nz", "new zealand", "in", "india", "sg", "singapore", "za",
                     "south africa"), "en"),
}
"""The language a company's country reads when its contact has none set (Switzerland: German,
its largest language; Belgium: French, the language of most B2B correspondence there)."""


def buyer_language(contact_language: str | None, country: str | None, default: str) -> str:
    """The draft's language: the contact's own, else their company country's, else the tenant default."""
    for lang in ((contact_language or "").split("-")[0].split("_")[0].lower(),
                 COUNTRY_LANGUAGE.get((country or "").strip().lower(), "")):
        if lang in LANGUAGES:
            return lang
    return default if default in LANGUAGES else "en"


P: dict[str, dict[str, str]] = {
    "en": {
        "greet": "Hi {first},", "greet_formal": "Dear {name},",
        "sign": "Best,\n{owner}", "sign_formal": "Kind regards,\n{owner}", "team": "Your account team",
        "your_team": "your team", "deal": "the {name}", "deal_none": "this project",
        "thanks_you": "Thanks for your email on {date}.",
        "thanks_team": "Thanks for the email from your team on {date}.",
        "thanks_meeting": "Thanks for the meeting on {date}.", "thanks_call": "Thanks for the call on {date}.",
        "visit_pricing": "I noticed your team was back on our pricing page on {date}.",
        "visit_site": "I noticed your team was back on our site on {date}.",
        "follow": "I wanted to follow up on where things stand on your side.",
        "follow_sent": "Following up on our email of {date}, I wanted to check where things stand on your side.",
        "answer": "On your question about {topic}: I am on it and will send you an answer by {day}.",
        "answer_meeting": "You asked to talk, so here are two times that work on our side.",
        "answer_generic": "On the question in your email: I am on it and will send you an answer by {day}.",
        "value_reinforcement": "The reason we started talking was the outcome {company} wants from {deal}, and "
                               "{signal}",
        "signal_pricing": "your team's recent visits to our pricing page suggest it is still high on the list.",
        "signal_none": "everything we have seen so far points the same way.",
        "social_proof_any": "Teams like yours usually start with one group, measure the first results and widen from "
                            "there, and I can walk you through how that tends to go.",
        "social_proof": "Teams in {industry} usually start with one group, measure the first results and widen from "
                        "there, and I can walk you through how that tends to go.",
        "incentive_date": "If {company} can confirm by {deadline}, I can offer {pct} off {deal}.",
        "incentive": "I can offer {pct} off {deal} if {company} confirms in the coming weeks.",
        "timeline_date": "With your target date of {deadline} coming up, confirming soon keeps onboarding for "
                         "{company} on that timeline.",
        "timeline": "Confirming soon keeps onboarding for {company} on the timeline we discussed.",
        "executive_alignment": "Given the scope of {deal}, a short conversation between you and our leadership "
                               "would make sure the plan fits what {company} needs this year.",
        "risk_reversal": "To make the decision easier, we could start with a scoped pilot and agree on clear success "
                         "criteria with your team up front.",
        "education_nurture": "No pressure on timing: I can share a short overview of how teams approach this, so "
                             "{company} can move at its own pace.",
        "re_engagement": "It has been a little while since we last spoke, so I wanted to check whether {deal} is "
                         "still a priority for {company}.",
        "re_engagement_recent": "I wanted to check whether {deal} is still a priority for {company} and what would "
                                "help you move it forward.",
        "cta_call": "Would {slot1} or {slot2} (your time) work for a 20-minute call?",
        "cta_meeting": "Could we find 30 minutes on {slot1} or {slot2} (your time) for that conversation?",
        "subject": "{company}: next step on {deal}", "subject_answer": "{company}: your question about {topic}",
        "call_subject": "Call {first} at {company}", "opening": "Opening", "reference": "Reference",
        "point": "Point", "ask": "Ask", "voicemail": "If voicemail",
        "voicemail_text": "leave your name, mention {deal}, and say you will follow up by email.",
        "calling": "this is {owner}, calling about {deal}.",
        "topic.proposal": "the proposal", "topic.seats": "the number of seats", "topic.pricing": "pricing",
        "topic.contract": "the contract", "topic.security": "security", "topic.integration": "the integration",
        "topic.timeline": "the timeline", "topic.references": "references", "topic.demo": "a demo",
    },
    "de": {
        "greet": "Hallo {first},", "greet_formal": "Guten Tag {name},",
        "sign": "Viele Grüße\n{owner}", "sign_formal": "Mit freundlichen Grüßen\n{owner}", "team": "Ihr Account-Team",
        "your_team": "Ihr Team", "deal": " „{name}“", "deal_none": "",
        "thanks_you": "Danke für Ihre E-Mail vom {date}.",
        "thanks_team": "Danke für die E-Mail aus Ihrem Team vom {date}.",
        "thanks_meeting": "Danke für das Meeting am {date}.", "thanks_call": "Danke für das Telefonat am {date}.",
        "visit_pricing": "Mir ist aufgefallen, dass Ihr Team am {date} wieder auf unserer Preisseite war.",
        "visit_site": "Mir ist aufgefallen, dass Ihr Team am {date} wieder auf unserer Website war.",
        "follow": "Ich wollte kurz nachfragen, wie der Stand bei Ihnen ist.",
        "follow_sent": "Ich komme auf unsere E-Mail vom {date} zurück und wollte kurz nachfragen, wie der Stand bei Ihnen ist.",
        "answer": "Zu Ihrer Frage {topic}: Ich kümmere mich darum und melde mich bis zum {day} mit einer Antwort.",
        "answer_meeting": "Sie hatten nach einem Gespräch gefragt, hier sind zwei Termine, die bei uns passen.",
        "answer_generic": "Zu der Frage in Ihrer E-Mail: Ich kümmere mich darum und melde mich bis zum {day} mit einer "
                          "Antwort.",
        "value_reinforcement": "Ausgangspunkt unserer Gespräche war das Ergebnis, das {company} mit dem Projekt{deal} erreichen "
                               "möchte, und {signal}",
        "signal_pricing": "die jüngsten Besuche Ihres Teams auf unserer Preisseite zeigen, dass das Thema weiter "
                          "oben auf der Liste steht.",
        "signal_none": "alles, was wir bisher gesehen haben, spricht dafür.",
        "social_proof_any": "Teams wie Ihres starten meist mit einer Gruppe, messen die ersten Ergebnisse und weiten "
                            "dann aus, und ich zeige Ihnen gern, wie das typischerweise läuft.",
        "social_proof": "Teams in der Branche {industry} starten meist mit einer Gruppe, messen die ersten "
                        "Ergebnisse und weiten dann aus, und ich zeige Ihnen gern, wie das typischerweise läuft.",
        "incentive_date": "Wenn {company} bis zum {deadline} bestätigt, kann ich {pct} Rabatt auf das Projekt{deal} anbieten.",
        "incentive": "Ich kann {pct} Rabatt auf das Projekt{deal} anbieten, wenn {company} in den nächsten Wochen bestätigt.",
        "timeline_date": "Mit Ihrem Zieldatum am {deadline} vor Augen hält eine baldige Bestätigung das Onboarding "
                         "für {company} im Plan.",
        "timeline": "Eine baldige Bestätigung hält das Onboarding für {company} im besprochenen Zeitplan.",
        "executive_alignment": "Beim Umfang des Projekts{deal} würde ein kurzes Gespräch zwischen Ihnen und unserer "
                               "Geschäftsleitung sicherstellen, dass der Plan zu den Zielen von {company} passt.",
        "risk_reversal": "Um die Entscheidung leichter zu machen, könnten wir mit einem klar abgegrenzten Pilotprojekt "
                         "starten und die Erfolgskriterien vorab mit Ihrem Team festlegen.",
        "education_nurture": "Kein Zeitdruck: Ich kann Ihnen einen kurzen Überblick schicken, wie andere Teams das "
                             "angehen, damit {company} im eigenen Tempo entscheiden kann.",
        "re_engagement": "Unser letztes Gespräch ist eine Weile her, daher wollte ich fragen, ob das Projekt{deal} für {company} "
                         "noch Priorität hat.",
        "re_engagement_recent": "Ich wollte fragen, ob das Projekt{deal} für {company} weiter Priorität hat und was "
                                "Ihnen helfen würde, es voranzubringen.",
        "cta_call": "Passt Ihnen {slot1} oder {slot2} (Ihre Zeit) für ein 20-minütiges Gespräch?",
        "cta_meeting": "Könnten wir uns {slot1} oder {slot2} (Ihre Zeit) 30 Minuten für dieses Gespräch nehmen?",
        "subject": "{company}: nächster Schritt zum Projekt{deal}", "subject_answer": "{company}: Ihre Frage {topic}",
        "call_subject": "Anruf bei {first} ({company})", "opening": "Einstieg", "reference": "Bezug",
        "point": "Kernpunkt", "ask": "Frage", "voicemail": "Bei Mailbox",
        "voicemail_text": "Namen nennen, das Projekt{deal} erwähnen und ankündigen, dass Sie per E-Mail nachfassen.",
        "calling": "hier ist {owner}, ich rufe wegen des Projekts{deal} an.",
        "topic.proposal": "zum Angebot", "topic.seats": "zur Anzahl der Lizenzen", "topic.pricing": "zu den Preisen",
        "topic.contract": "zum Vertrag", "topic.security": "zur Sicherheit", "topic.integration": "zur Integration",
        "topic.timeline": "zum Zeitplan", "topic.references": "zu Referenzen", "topic.demo": "zu einer Demo",
    },
    "fr": {
        "greet": "Bonjour {first},", "greet_formal": "Bonjour {name},",
        "sign": "Bien à vous,\n{owner}", "sign_formal": "Cordialement,\n{owner}", "team": "Votre équipe commerciale",
        "your_team": "votre équipe", "deal": " « {name} »", "deal_none": "",
        "thanks_you": "Merci pour votre e-mail du {date}.",
        "thanks_team": "Merci pour l'e-mail de votre équipe du {date}.",
        "thanks_meeting": "Merci pour la réunion du {date}.", "thanks_call": "Merci pour l'appel du {date}.",
        "visit_pricing": "J'ai vu que votre équipe est revenue sur notre page de tarifs le {date}.",
        "visit_site": "J'ai vu que votre équipe est revenue sur notre site le {date}.",
        "follow": "Je voulais faire le point sur l'avancement de votre côté.",
        "follow_sent": "Suite à notre e-mail du {date}, je voulais faire le point sur l'avancement de votre côté.",
        "answer": "Concernant votre question sur {topic} : je m'en occupe et je vous réponds d'ici le {day}.",
        "answer_meeting": "Vous souhaitiez échanger, voici deux créneaux qui nous conviennent.",
        "answer_generic": "Concernant la question de votre e-mail : je m'en occupe et je vous réponds d'ici le {day}.",
        "value_reinforcement": "Notre échange est parti des résultats que vise {company} avec le projet{deal}, et {signal}",
        "signal_pricing": "les visites récentes de votre équipe sur notre page de tarifs montrent que le sujet reste "
                          "prioritaire.",
        "signal_none": "tout ce que nous avons vu jusqu'ici va dans ce sens.",
        "social_proof_any": "Les équipes comme la vôtre commencent souvent avec un groupe, mesurent les premiers "
                            "résultats puis élargissent, et je peux vous montrer comment cela se passe en général.",
        "social_proof": "Les équipes du secteur {industry} commencent souvent avec un groupe, mesurent les premiers "
                        "résultats puis élargissent, et je peux vous montrer comment cela se passe en général.",
        "incentive_date": "Si {company} confirme d'ici le {deadline}, je peux proposer une remise de {pct} sur le projet{deal}.",
        "incentive": "Je peux proposer une remise de {pct} sur le projet{deal} si {company} confirme dans les semaines à venir.",
        "timeline_date": "Avec votre date cible du {deadline} qui approche, une confirmation rapide garde "
                         "l'onboarding de {company} dans les temps.",
        "timeline": "Une confirmation rapide garde l'onboarding de {company} dans le calendrier dont nous avons parlé.",
        "executive_alignment": "Vu l'ampleur du projet{deal}, un court échange entre vous et notre direction permettrait "
                               "de vérifier que le plan correspond aux besoins de {company} cette année.",
        "risk_reversal": "Pour faciliter la décision, nous pourrions commencer par un pilote bien délimité et fixer "
                         "dès le départ des critères de succès clairs avec votre équipe.",
        "education_nurture": "Aucune urgence : je peux vous envoyer un court aperçu de la façon dont d'autres équipes "
                             "abordent le sujet, pour que {company} avance à son rythme.",
        "re_engagement": "Cela fait un moment que nous n'avons pas échangé, je voulais donc savoir si le projet{deal} reste "
                         "une priorité pour {company}.",
        "re_engagement_recent": "Je voulais savoir si le projet{deal} reste une priorité pour {company} et ce qui "
                                "vous aiderait à avancer.",
        "cta_call": "Est-ce que {slot1} ou {slot2} (votre heure) vous conviendrait pour un appel de 20 minutes ?",
        "cta_meeting": "Pourrions-nous prendre 30 minutes {slot1} ou {slot2} (votre heure) pour en parler ?",
        "subject": "{company} : prochaine étape pour le projet{deal}", "subject_answer": "{company} : votre question sur {topic}",
        "call_subject": "Appeler {first} ({company})", "opening": "Ouverture", "reference": "Référence",
        "point": "Message", "ask": "Demande", "voicemail": "Si messagerie",
        "voicemail_text": "laisser votre nom, mentionner le projet{deal} et annoncer un suivi par e-mail.",
        "calling": "c'est {owner}, je vous appelle au sujet du projet{deal}.",
        "topic.proposal": "la proposition", "topic.seats": "le nombre de licences", "topic.pricing": "les tarifs",
        "topic.contract": "le contrat", "topic.security": "la sécurité", "topic.integration": "l'intégration",
        "topic.timeline": "le calendrier", "topic.references": "les références", "topic.demo": "une démonstration",
    },
    "es": {
        "greet": "Hola {first}:", "greet_formal": "Buenos días, {name}:",
        "sign": "Un saludo,\n{owner}", "sign_formal": "Atentamente,\n{owner}", "team": "Su equipo comercial",
        "your_team": "su equipo", "deal": " «{name}»", "deal_none": "",
        "thanks_you": "Gracias por su correo del {date}.",
        "thanks_team": "Gracias por el correo de su equipo del {date}.",
        "thanks_meeting": "Gracias por la reunión del {date}.", "thanks_call": "Gracias por la llamada del {date}.",
        "visit_pricing": "He visto que su equipo volvió a nuestra página de precios el {date}.",
        "visit_site": "He visto que su equipo volvió a nuestra web el {date}.",
        "follow": "Quería saber cómo van las cosas por su parte.",
        "follow_sent": "En relación con nuestro correo del {date}, quería saber cómo van las cosas por su parte.",
        "answer": "Sobre su pregunta acerca de {topic}: me encargo y le envío una respuesta antes del {day}.",
        "answer_meeting": "Me pidió que habláramos, así que le propongo dos horarios que nos vienen bien.",
        "answer_generic": "Sobre la pregunta de su correo: me encargo y le envío una respuesta antes del {day}.",
        "value_reinforcement": "Empezamos a hablar por el resultado que {company} espera del proyecto{deal}, y {signal}",
        "signal_pricing": "las visitas recientes de su equipo a nuestra página de precios indican que sigue siendo "
                          "una prioridad.",
        "signal_none": "todo lo que hemos visto hasta ahora apunta en la misma dirección.",
        "social_proof_any": "Los equipos como el suyo suelen empezar con un grupo, medir los primeros resultados y "
                            "ampliar después, y puedo explicarle cómo suele ir.",
        "social_proof": "Los equipos del sector {industry} suelen empezar con un grupo, medir los primeros resultados "
                        "y ampliar después, y puedo explicarle cómo suele ir.",
        "incentive_date": "Si {company} confirma antes del {deadline}, puedo ofrecer un descuento del {pct} en el proyecto{deal}.",
        "incentive": "Puedo ofrecer un descuento del {pct} en el proyecto{deal} si {company} confirma en las próximas semanas.",
        "timeline_date": "Con su fecha objetivo del {deadline} cerca, confirmar pronto mantiene el onboarding de "
                         "{company} en plazo.",
        "timeline": "Confirmar pronto mantiene el onboarding de {company} en el plazo que comentamos.",
        "executive_alignment": "Dado el alcance del proyecto{deal}, una breve conversación entre usted y nuestra dirección "
                               "aseguraría que el plan encaja con lo que {company} necesita este año.",
        "risk_reversal": "Para facilitar la decisión, podríamos empezar con un piloto acotado y acordar desde el "
                         "principio criterios de éxito claros con su equipo.",
        "education_nurture": "Sin prisa: puedo enviarle un breve resumen de cómo lo abordan otros equipos, para que "
                             "{company} avance a su ritmo.",
        "re_engagement": "Hace un tiempo que no hablamos, así que quería confirmar si el proyecto{deal} sigue siendo una "
                         "prioridad para {company}.",
        "re_engagement_recent": "Quería confirmar si el proyecto{deal} sigue siendo una prioridad para {company} y "
                                "qué le ayudaría a avanzar.",
        "cta_call": "¿Le vendría bien {slot1} o {slot2} (su hora) para una llamada de 20 minutos?",
        "cta_meeting": "¿Podríamos reservar 30 minutos {slot1} o {slot2} (su hora) para esa conversación?",
        "subject": "{company}: siguiente paso en el proyecto{deal}", "subject_answer": "{company}: su pregunta sobre {topic}",
        "call_subject": "Llamar a {first} ({company})", "opening": "Apertura", "reference": "Referencia",
        "point": "Mensaje", "ask": "Petición", "voicemail": "Si salta el buzón",
        "voicemail_text": "deje su nombre, mencione el proyecto{deal} y avise de que enviará un correo.",
        "calling": "soy {owner}, le llamo por el proyecto{deal}.",
        "topic.proposal": "la propuesta", "topic.seats": "el número de licencias", "topic.pricing": "los precios",
        "topic.contract": "el contrato", "topic.security": "la seguridad", "topic.integration": "la integración",
        "topic.timeline": "el calendario", "topic.references": "las referencias", "topic.demo": "una demo",
    },
}
"""Every sentence of the offline templates, per language (same keys in each)."""


def phrase(language: str, key: str, **values: str) -> str:
    """Return the sentence `key` in `language` (English when missing), filled with `values`."""
    table = P.get(language, P["en"])
    return table.get(key, P["en"][key]).format(**values)
