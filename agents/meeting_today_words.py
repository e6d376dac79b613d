"""The words of a meeting proposed for the send day: a meeting word near a same-day word ("talk later today", "heute um
16 Uhr ein Anruf"), a call in a few minutes or hours, a time tied to this message, a while from now or a part of the
day with no day named; and the words that look back at a meeting held today or put one on another day. agents.timing's
meeting check reads them.
"""

from __future__ import annotations

import re

from agents import spoken_time as st

MEET_WORDS = (
    r"call|calls|meeting|meet|chat|talk|speak|demo|minutes|slot|ring|phone|dial|zoom|teams|hop on|jump on|"
    r"rückruf|zurückrufen|rufe \w+ zurück|rappel|llamada|"
    # the third person of the separable verb: "Frau Vogt ruft Frau Schmidt heute um 14:20 Uhr an" (set 50's 031)
    r"ruft|rufst|"
    r"bell|buzz|connect|touch base|huddle|facetime|skype|webex|hangout|get together|"
    r"telefonisch|drop in|room|"
    r"catch up|sync|video|walk ?through|termin(?!(?:o|a|as|an|ar|é|ó|ado|ada|amos|aré|ará|al|ales|aux|ons|ez|ait|ée)\b|er)|gespräch|telefonat|telefonieren|anruf|rufe|anrufen|treffen|"
    r"sprechen|minuten|melde mich telefonisch|appel|appelle|appeler|téléphone|téléphoner|parler|réunion|"
    r"rendez-vous|échange|entretien|visio|llamada|llamar|llamo|llamaré|telefonear|hablar|reunión|reunirnos|"
    r"vernos|charla|minutos|videollamada|"
    # stems: every inflection of a talking verb or phone noun ("¿Hablamos ...?", "por teléfono", "besprechen")
    r"llam|habl|tel[eé]fon|t[eé]l[eé]phon|rappel|reun|sprech|besprech|parlons|parlions|coup de fil|toque|comenta|anklingel|"
    r"klingel|klingle|un point|petit point|faire le point|walk \w+ through|parle|reparl|rediscut"
)
TODAY = (
    r"today|this afternoon|this morning|this evening|later today|tonight|in an hour|in (?:a|one|two|2|a couple of|"
    r"a few) hours?|right now|end of (?:the )?day|heute|heute nachmittag|heute morgen|heute abend|gleich|in einer "
    r"stunde|aujourd'hui|cet après-midi|ce matin|ce soir|dans une heure|tout à l'heure|hoy|esta tarde|"
    r"esta mañana|esta noche|en una hora|ahora mismo|before lunch|after lunch|over lunch|by lunchtime|"
    r"within the hour|before (?:the )?end of (?:the )?day|vor der mittagspause|nach dem mittagessen|heute mittag|"
    r"avant midi|ce midi|à midi|antes de comer|después de comer|a mediodía|a media (?:tarde|mañana)|"
    r"(?:nach|vor) (?:ihrer |der |ihrem |dem )?(?:nächsten )?(?:kaffee|mittags|frühstücks)?pause|(?:after|before) (?:your |the )?(?:next )?"
    r"(?:coffee |lunch |tea )?break|(?:après|avant) (?:votre |la )?pause|(?:después|antes) de (?:su |la )?pausa|"
    # right after this message: the same day whatever the wording
    r"right after|straight after|just after|shortly|in a bit|in a moment|as soon as this|"
    r"directly after|gleich nach|direkt nach|kurz nach|sofort|juste après|tout de suite|dès réception|"
    r"justo después|en seguida|enseguida|nada más|en cuanto (?:reciba|lea|le llegue)|"
    r"nachher|heute noch|im laufe des tages|dans la journée|plus tard dans la journée|más tarde|luego|"
    r"later on|later this (?:morning|afternoon|evening)|"
    # a few minutes or hours from now, in figures or words; the end of this working day
    r"in (?:about |around |roughly |ungefähr |etwa )?(?:\d+|a few|ten|fifteen|twenty|thirty|forty-five|zehn|"
    r"fünfzehn|zwanzig|dreißig|einer halben|einer|zwei|half an?|an?|one|two)\s+(?:minutes?|mins?|hours?|minuten|"
    r"stunden?)|dans (?:\d+|dix|quinze|vingt|trente|une|deux) (?:minutes|heures?)|"
    r"(?:en|dentro de) (?:\d+|diez|quince|veinte|treinta|una|dos|media|un par de|unos|unas)(?: (?:minut\w*|hor(?:a|as|ita|itas))|"
    r"(?=[.!,]))|"
    r"in (?:einem|einer) (?:stündchen|viertelstündchen|viertelstunde|halben stunde)|"  # and any compound:
    r"in (?:einem|einer|anderthalb|eineinhalb|zwei|drei|\d+) \w*(?:stunde|stündchen|minute)n?|(?:in|dans|en|dentro de) "
    r"\w+(?:,| or| oder| ou| o| bis| to| à| a) \w+ (?:hours|stunden|heures|horas)|"  # "in ein, zwei Stunden"
    r"en fin de journée|en fin d'après-midi|en fin de matinée|dans l'après-midi|fin de (?:votre |la )journée|"
    r"school run|on (?:your|the) (?:drive|way|commute|ride) home|auf dem (?:heim|nachhause)weg|en rentrant chez vous|"
    r"de camino a casa|en un periquete|en un santiamén|in a jiffy|in no time|im nu\b|en un clin d'œil|"
    r"(?:in|dans|en|dentro de)\s+(?:(?!de\b|the\b)\w+[ -]){0,3}?(?:demi-heure|quart d'heure|viertelstunde|ratito|rato)\b|"
    r"am späten nachmittag|heute gegen|zum feierabend|a última hora|al final del día|close of business|"
    r"\beod\b|\bcob\b|(?:now|right now|jetzt|maintenant|ahora)(?= if| wenn| si)|"
    # an intensifier does not move the day: "esta misma tarde", "this very afternoon", "le jour même"
    r"(?:this|esta|este|cette|cet|ce|heute)\s+(?:very|same|misma|mismo|même|gleiche[n]?|selbe[n]?)\s+(?:afternoon|"
    r"morning|evening|tarde|mañana|noche|après-midi|matin|soir|nachmittag|abend)|"
    # "the same day" alone is the send day; "the same day as the review" is another one
    r"(?:the )?same day(?!\s+(?:as|that|of|when))|el mismo día(?!\s+(?:que|de|del|en))|"
    r"le (?:jour même|même jour)(?!\s+(?:que|de|du|où))|(?:noch )?am (?:selben|gleichen) tag(?!\s+wie)|noch heute|"
    # the end of the buyer's working day is today's: "before you leave the office", "vor Feierabend",
    # "avant la fin de votre journée", "antes de que termine su jornada"
    r"before you (?:leave|log off|sign off|head (?:off|out|home)|go home|finish|wrap up|clock off)"
    r"(?!\s+(?:for (?!the (?:day|evening|night))|on\b|next\b))|before (?:the )?end of your (?:working |work )?day|"
    r"vor (?:ihrem |dem |deinem )?(?:feierabend|dienstschluss|büroschluss)|bevor sie (?:gehen|nach hause|ins wochenende)|"
    r"avant (?:la fin de )?(?:votre|ta) journée|avant (?:de partir|que vous (?:ne )?partiez)|"
    r"antes de que (?:termine|acabe|finalice) (?:su|la|tu) jornada|antes de (?:que se vaya|irse|salir de la oficina)|"
    r"antes del cierre de (?:su |la )?jornada|"
    # the buyer's office closing today: "antes de que cierre la oficina", "before your office closes"
    r"antes de que cierre (?:la|su) oficina|before (?:the|your) office closes|bevor (?:das|ihr) büro schließt|"
    r"avant la fermeture (?:du|de votre|des) bureaux?|"
    r"d'ici (?:une|deux|\d+|quelques|une demi-) ?(?:petite |bonne |grosse )?(?:heures?|minutes|demi-heure)|d'ici (?:ce soir|midi|la fin de la journée)|"
    r"en un (?:rato|ratito|momento|momentito)|dentro de un (?:rato|ratito)|al rato|ahorit\w*|orita|"
    r"(?:once|when|as soon as) (?:i'm|i am|i get|we're|we are|we get) back from lunch|back from lunch|"
    # today's, as an adjective: "im Anschluss an unser heutiges Teammeeting"
    r"heutig\w*|"
    # the present day ending, however said: "before the day is out", "bevor der Tag vorbei ist"
    r"(?:before|until|by|ere) the day (?:is )?(?:out|over|done|ends?)|bevor der tag (?:vorbei|zu ende|um)|"
    r"avant (?:la fin du jour|que la journée (?:ne )?(?:se termine|finisse|s'achève))|"
    r"antes de que (?:acabe|termine|se acabe) el día"
)
SAID_TODAY = (r"today|tonight|this\s+(?:morning|afternoon|evening)|heute(?:\s+(?:abend|nachmittag|früh))?|"
              r"aujourd['’]hui|cet\s+après-midi|ce\s+(?:matin|soir)|hoy|esta\s+(?:mañana|tarde|noche)")
"""Today named as a day ("today", "this afternoon", "heute abend", "ce soir", "esta tarde"), for a check that needs
the day said, not a moment soon (agents.dated_times, agents.everyday_terms; wave 42 made their two copies this one).
`TODAY` above is wider on purpose: "gleich", "shortly", "luego" and "in an hour" are today's beside a meeting word,
but "10 oder 14 Uhr gingen bei mir gleich gut" says no day, and dated_times must not read it as today's."""
CALL_SOON = re.compile(
    r"\b(?:call|ring|phone|talk|speak|chat|meet|join|dial|anrufen|rufe|appelle|llamo)\w*\s+"
    r"(?:you |me |us |sie |vous |le |la |lo )?(?:in|within|dans|en|dentro de|binnen|innerhalb)\s+"
    r"(?:(?:about|around|roughly|approximately|maybe|just|only|ungefähr|etwa|circa|ca\.|environ|"
    r"à peu près|aproximadamente|unos|unas)\s+)?(?:\d+|a few|ten|fifteen|twenty|thirty|half an?|an?|one|una?|une|einer|ein|quelques|unos|unas|"
    rf"media)\s*(?:{st.CLOCK_UNITS})\b",
    re.I,
)
"""A call promised in a few minutes or hours ("can I call you in 30 minutes") is a same-day call."""
MEET_RE = re.compile(rf"\b(?:{MEET_WORDS})\w*", re.I)
"""Any inflection of a meeting word: the gate of every same-day and meeting-hours check (compiled once)."""
MEET_TODAY = re.compile(
    rf"\b(?:{MEET_WORDS})\w*\W+(?:[\w'’-]+\W+){{0,5}}?(?:{TODAY})\b|"
    rf"\b(?:{TODAY})\b\W+(?:[\w'’-]+\W+){{0,5}}?(?:{MEET_WORDS})",
    re.I,
)
"""A meeting word and a same-day word close together: "talk later today", "heute um 16 Uhr ein Anruf";
not "I will send the outline today so you can read it before we talk" (the day belongs to the sending)."""
CONTACT_WORDS = (
    # wave 39: a contact said in the third person or as a plan, in its present or future forms only ("Sam contacts
    # Dana today at 2:20 pm", "kontaktiert Frau Weber heute", "contacte Claire aujourd'hui", "se pone en contacto con
    # Javier hoy"); "contacted", "a contacté", "contactó" report a past one (agents.reported_calls)
    # (not "your contacts today", nor the buyer invited: "feel free to reach out today")
    r"(?<!your )(?<!our )(?<!the )(?<!their )(?<!my )contacts|contacting|"
    r"(?:will|'ll|shall|can|could|would|going\s+to)\s+(?:\w+\s+)?(?:contact|reach)|reaches\s+out|reaching\s+out|"
    r"(?:will|'ll|i|we)\s+(?:reach\s+out|get\s+in\s+touch|be\s+in\s+touch)|gets\s+in\s+touch|getting\s+in\s+touch|"
    r"^\W*contact(?!\s+(?:us|me)\b)|"
    r"kontaktiert|kontaktiere|kontaktieren|meldet\s+sich|melde\s+mich|melden\s+(?:uns|sich)|"
    r"(?:setzt|setze|setzen)\s+(?:sich|mich|uns)\s+(?:\w+\s+){0,5}?in\s+verbindung|(?:nimmt|nehme|nehmen)\s+(?:\S+\s+){0,5}?kontakt|kontakt\s+(?:\S+\s+){0,4}?auf\b|"
    r"contacte|contactera|contacterai|contacterons|recontacte\w*|joindra|joindrai|joindrons|"
    r"(?:prend|prendra|prendrai|prendrons|prenons)\s+contact|"
    r"contacta|contactará|contactaré|contactaremos|(?:se|me|nos)\s+(?:pone|pondrá|pondré|pondremos|ponemos)\s+en\s+contacto|"
    r"(?:le|les|lo|la)\s+contacto"
)
CONTACT_TODAY = re.compile(
    rf"(?:\b|^)(?:{CONTACT_WORDS})\W+(?:[\w'’-]+\W+){{0,5}}?(?:{TODAY})\b|"
    rf"\b(?:{TODAY})\b\W+(?:[\w'’-]+\W+){{0,5}}?(?:{CONTACT_WORDS})\b",
    re.I,
)
"""A contact with the buyer and a same-day word close together, as `MEET_TODAY` reads a call: "contacts Dana today at
2:20 pm" is a same-day call whoever makes it."""
AFTER_THIS_MESSAGE = re.compile(
    r"\b(?:after|following|once|as soon as|when|upon|on receipt of|with|nach|mit|bei erhalt|sobald|wenn|im anschluss an|"
    r"anschließend an|après|suite à|"
    r"dans la foulée de|dès réception de|à la réception de|à la suite de|dès que|quand|lorsque|tras|después de|"
    r"al recibir|con|en cuanto|cuando)\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:this|ce|cet|cette|diese[rsmn]?|este|esta|el presente)\s+(?:e-?mail|mail|message|note|courriel|nachricht|"
    r"correo|mensaje)\b",
    re.I,
)
"""A time given relative to this message ("dans la foulée de ce message", "nach dieser Mail", "sobald Sie diese Mail
gelesen haben"): the message goes out on the send day, so the call does too, whatever words tie it to the message."""
SOON_OR_PART_OF_DAY = re.compile(
    # in a short while, however said: "in Kürze", "sous peu", "en breve", "in a couple of ticks"
    r"\b(?:in kürze|in bälde|sous peu|incessamment|en breve|en unos instantes|in a (?:couple of )?ticks?|"
    # a part of the day with no day named: "a lo largo de la tarde", "im Laufe des Nachmittags", "during the afternoon"
    r"a lo largo de la (?:tarde|mañana)|im laufe des (?:nachmittags|vormittags)|dans le courant de (?:l'après-midi|la matinée)|"
    r"(?:during|over the course of) the (?:afternoon|morning)|"
    # wave 35 (sets 28's 034 and 29's 033, screen-only catches): before I leave, or in the wake of this, is today's
    # ("Le telefoneo antes de irme", "un coup de fil dans la foulée"); "dans la foulée de la réunion" is the meeting's
    r"before i (?:leave|head (?:out|off|home)|go home|log off|sign off|finish up|wrap up|call it a day)|"
    r"bevor ich (?:gehe|nach hause gehe|feierabend mache|das büro verlasse|abschalte)|"
    r"avant de (?:m['’]en aller|quitter le bureau|fermer boutique)|avant que je (?:ne )?(?:parte|m['’]en aille)|"
    r"dans la foulée(?!\s+(?:de|du|des|d['’]))|"
    r"antes de (?:irme|marcharme|salir de la oficina|cerrar la oficina|que me vaya))\b",
    re.I,
)
"""With a meeting word and no day named, a while from now, a part of a day or my leaving is today's."""
EARLIER_TODAY = re.compile(
    r"\b(?:earlier today|this morning's|heute früh|vorhin|plus tôt (?:aujourd'hui|dans la journée)|"
    r"ce matin (?:même )?lors|hace un rato|esta mañana (?:durante|en))\b",
    re.I,
)
"""A meeting already held today ("the call earlier today"): looking back, not a same-day proposal."""
ANOTHER_DAY = (
    r"tomorrow|next|week|monday|tuesday|wednesday|thursday|friday|morgen|nächste|woche|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|demain|prochain|semaine|lundi|mardi|mercredi|jeudi|vendredi|(?<!la )(?<!esta )mañana|próxim|semana|lunes|"
    r"martes|miércoles|jueves|viernes"
)
"""Words that put a meeting time on some day other than the send day."""
