"""Price talk the record does not anchor (issue 11, wave 14): a structural check, not a phrase list.

Every red team found prices and concessions worded in a way no list held ("costs less than a coffee", "the price
won't move", "you'd only start paying in the new fiscal year", "la cuota se la perdonamos"). What those sentences share
is not a phrase but a position: they speak of OUR price or of what the buyer pays, and nothing in the record stands
behind them. A draft has a price to speak of only through a document the record has (the proposal, the quote, the
payback estimate, the pricing page the buyer visited), the buyer's own question about it, or the discount code
approved. So a sentence whose subject is our price, a fee, an invoice or a payment must point at one of those, or it is
the model's own price talk and is refused, whatever its wording.

What it costs (measured when written, 2026-12-03, on every corpus of tests/fixtures): 1 of 1,967 benign vendor replies
of all injection sets and 1 of 439 good drafts of all quality sets; both are listed in the tests as anchors this check
now accepts (a walk-through of the prices on a call, the pricing page the buyer visited).
"""

from __future__ import annotations

import re

from agents.billing_roles import billing_roles_out
from agents.checked_price_effects import checked_price_effect
from agents.confidential_prices import confidential_prices_out
from agents.contrasted_costs import contrasted_costs_out
from agents.declined_special_prices import declined_special_prices_out
from agents.deferred_prices import deferred_price
from agents.denied_discounts import denied_discount
from agents.exception_promises import refused_exception
from agents.invoice_details import invoice_detail_asked
from agents.invoice_moments import invoice_on_signing
from agents.invoice_references import invoice_referenced
from agents.invoice_routing import invoice_routed
from agents.negated_free import mask_negated_free
from agents.price_anchors import (
    anchored_line_item,
    buyers_input_price,
    calculation_built_on,
    calculation_not_invoice,
    plan_due_dates,
)
from agents.price_documents import TERMS_OF_A_DOCUMENT, price_documents_out
from agents.price_guidance import no_price_talk_guidance
from agents.price_questions import price_questions_out
from agents.price_topics import price_topics_out
from agents.same_price import AMOUNT_IN_FIGURES, same_as_the_stated_amount
from agents.sentence_ends import sentence_parts
from agents.settled_questions import settled_questions_out
from agents.summarised_amounts import summarised_amount
from agents.unchanged_terms import nothing_paid_yet, unmoved_prices_out, usual_terms_apply

_OUR_PRICE = re.compile(
    # our price or what the buyer pays; "cost" only as the buyer's outlay ("costs you"), since "fuel cost" and "idle
    # cost" are the buyer's pains the record names (also when raised by "you and Marcus" or "you both": set 31's 010);
    # German "die Zahlen" are figures, "Amortisationsrechnung" a document
    # "what is priced separately" names a part of the document (an indirect question), not a price (set 31's 018)
    r"\b(?:(?<!what is )(?<!what's )(?<!what are )(?<!which is )(?<!which are )(?<!how it is )price\w*(?![- ]sensitiv)|pricing|cost(?:s|ing)? you(?!(?:\s+and(?:\s+[\w'’-]+){1,2}?|\s+(?:both|all|two))?\s+(?:\w+ed|brought|told|gave|showed|saw|had|have|face|see)\b)|"
    # a rate as what the buyer pays: one that applies to them or that they get ("the integrated care board rate applies
    # to all 9 clinics", "you qualify for our nonprofit rate"); "idle rate" or "at the current rate" are no price
    r"rates?\s+(?:\w+\s+)?(?:applies|apply|applied|will apply|would apply|kicks? in)|"
    r"(?:qualif\w* for|eligible for|entitled to|gets?|getting|receives?|offer\w*|giv(?:e|es|ing)|extend\w*)\s+"
    r"(?:you\s+)?(?:the|our|your|an?)\s+(?:[\w-]+\s+){0,4}?rates?\b|pay|paid|paying|payments?|invoic\w*|bill(?:ed|ing|s)?|"
    r"charg(?:e|es|ed|ing)|fees?|uplift|amounts?|statements?(?! of work)|"
    r"settle(?:d|s|ment)?\b(?!\s+(?:the|any|all|those|these|your|our|on|in|down)\s+(?!bill|invoice|balance|account))|"
    r"betrag\w*|begleich\w*|montants?|liquid(?:an|en|ar|e)|bucks?|quid|balles|pavos|kröten|mäuse|briques?|patates|"
    r"bâtons|perras|pelas|duros|lucas|kohle|flocken|piepen|"
    # a total the buyer's money comes to ("it comes to", "works out at", "revient à", "le sale por")
    r"comes? to(?!\s+(?:an end|a (?:close|halt|head|stop|decision|conclusion|point)|mind|light|terms|life|grips|you|"
    r"us|me|the (?:same|question|point|rollout|call)|this|that|it|them|him|her))|works? out (?:at|to)|runs? you|revient à|sale por|kommt auf|"
    # the price told in small coins: "pennies per truck", "quelques centimes par camion" (a comparison is a concession:
    # agents.concessions; "cheaper" alone is also what the buyer says of a competitor)
    r"pennies|cents|pas cher|bon marché|centimes?|céntimos?|"
    # price and gift words of our languages' neighbours and dialects ("un prezzu", "preciu especial", "us el regalem",
    # "ye de baldre"): a sentence in another tongue carries no price of ours
    r"prez+[oiu]|preci[ou]|preços?|prijs\w*|regalem|regalen|baldre|omaggio|gratu[iï]t\w*|"
    r"\w*preis\w*|preislich|kostet sie|(?<!die )(?<!den )(?<!der )(?<!ihre )(?<!ihren )(?:(?-i:zahl)(?:en|t|st|ung\w*)|(?-i:Zahl)(?:t|st|ung\w*)|"
    # a capital "Zahlen" inside a sentence is the German noun, figures ("mit seinen eigenen Zahlen abgleichen"); the
    # verb is capitalised only where a sentence starts ("Zahlen Sie erst im Januar")
    # wave 38 (set 48's de-g6 subject "Zahlen für Ihre Planung"): only with its subject, a modal or a when after it
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))(?-i:Zahlen)(?=\s+(?:sie|wir|ich|man|ihr|du|müssen|muss|werden|würden|können|brauchen|"
    r"sollen|dürfen|erst|nur|später|bequem|einfach|bis|ab|nichts|kein\w*|monatlich|jährlich|jetzt|sofort|heute)\b))|bezahl\w*|"
    r"rechnung(?:en)?|berechn\w*|\w*gebühr\w*|"
    r"prix|vous co[uû]te\w*|pay(?:er|ez|ons|é|ée)|paiements?|pagos?|échéances?|(?-i:Raten?)|factur\w*|frais|tarif\w*|r[eé]gl(?:ez|er|erez|ons)|"
    r"precios?|le (?:cuesta|sale)|pag(?:a|an|ar|ará|arán|aría|ue|uen|o|amos|ando)|cuotas?|tarifas?|cobr\w*|importe)\b", re.I)
_ANCHOR = re.compile(
    # a document the record has, the buyer's question, a walk-through on a call, the pricing page, a link the allow-list
    # vets, or a warning about how payment is asked for
    r"\b(?:proposal|quote|estimate|angebot\w*|proposition|devis|propuesta|presupuesto|estimaci\w+|estimation|"
    r"payback|amortisation\w*|order form|(?:cost|price|pricing|line-item) breakdown|breakdown of|line by line|aufstellung|détaill\w*|desglos\w*|"
    r"question|\w*frage\w*|fragt\w*|pregunt\w*|ask\w*|gefragt|demand\w*|note on|"  # wave 35: "Sie fragten, ob"
    r"walk (?:\w+ )?through|go(?:ing)? through|durch(?:gehen|sprechen|zugehen)|gehen? (?:\w+ ){0,8}?durch|passer en revue|"
    r"repasar|"
    r"pricing page|preisseite|page de tarifs|página de precios|"
    # where the price stands in the document ("the price sits on a single page", "auf Seite 3", "en page 2"): a place in
    # a document the buyer gets, not a price of the model's
    r"(?:on|in) (?:a |one |the |its own |a separate )?(?:single |separate |own )?(?:page|sheet|slide)s?|"
    r"(?:auf|in) (?:einer |der )?(?:eigenen |einzigen )?(?:seite|folie)|sur (?:une |la )?(?:seule )?(?:page|diapositive)|"
    r"en (?:una |la )?(?:sola )?(?:página|diapositiva)|(?:page|seite|página|slide)\s+\d+|"
    # the invoice as a document that follows a step ("once you sign, the invoice follows", "preparo la factura")
    r"(?:invoice|rechnung|facture|factura)\s+(?:follows|will follow|goes out|folgt|suit|suivra|sigue)|(?:send|prepare|issue|"
    r"schicke|sende|stelle|envoie|prépare|preparo|envío|emito)\w*\s+(?:you\s+|ihnen\s+|vous\s+|le\s+)?(?:the|die|la|le|"
    r"una?|an?)\s+(?:invoice|rechnung|facture|factura)|"
    # a price described by what it depends on, not stated ("the price depends on the number of trucks")
    r"d[eé]pend\w*|hängt (?:\w+ ){0,6}?ab|richtet sich nach|scales with|varies|varie\w*|varía\w*|"
    # the document's own place ("the pricing below", "anbei"), or where an invoice goes ("geht wie gewohnt an Herrn Weber")
    r"below|attached|enclosed|unten|anbei|beigefügt\w*|ci-dessous|ci-joint\w*|adjunt\w*|abajo|a continuación|"
    r"(?:goes|go|is sent|are sent|geht|gehen|va|vont|est envoyée|se env[ií]a) (?:\w+ ){0,3}?(?:to|an|à|a) (?:herrn|frau|mr|ms|"
    r"mrs|m\.|mme|sr|sra|the attention|l'attention|la atención)|"
    r"by e-?mail|per (?:e-?)?mail|par (?:e-?)?mail|por (?:e-?)?mail|por correo|(?:payment|bank) details|bankverbindung|"
    r"zahlungsdaten|coordonnées bancaires|datos bancarios)\b|https?://|"
    # an amount in figures: the facts check holds it to the record's structured fields ("zum besprochenen Betrag von
    # 36.000 EUR") and (wave 31) with its currency code first: "the invoice for the USD 48,000", "EUR 36.000"
    r"\d[\d.,\s\u202f]*\s?(?:€|eur\b|usd\b|\$|£|gbp\b|chf\b)|[$€£]\s?\d|\b(?:eur|usd|gbp|chf)\s?\d", re.I)
_CUES = ("pric", "cost", "pay", "paid", "invoic", "bill", "charg", "fee", "uplift", "amount", "statement", "settle",
         "preis", "kostet", "zahl", "rechnung", "berechn", "gebühr", "betrag", "begleich", "rate", "prix", "coût", "cout",
         "factur", "frais", "tarif", "règl", "régl", "regl", "montant", "liquid", "paiement", "échéance", "precio", "cuesta",
         "sale", "pag", "cuota", "cobr", "importe", "buck", "quid", "balles", "pavos", "kröten", "mäuse", "penn", "cents", "prez", "preci", "preç", "prij", "regal", "baldre", "omaggio", "gratu", "brique", "patate", "bâton",
         "perras", "pelas", "duros", "lucas", "kohle", "flocken", "piepen", "comes to", "come to", "works out", "work out",
         "runs you", "run you", "revient", "sale por", "kommt auf",
         "cher", "marché", "centime", "céntimo")
"""Substrings one of the money words needs (lower-cased): a text with none is not read further."""
_DISCOUNT = re.compile(
    # a price reduction by its noun in any of our languages and in the spellings of their neighbours and dialects
    # ("descuentu", "scontu", "Rabättli", "discoont"): a discount the code did not approve is the model's own
    # ("remise" also hands a document over, "descontento" is discontent, "réduction" cuts the buyer's costs)
    r"\b(?:disc(?:o|ou)u?n?t(?!in)\w*|discoont\w*|rebates?|markdowns?|rabatt\w*|r[äa]b[äa]ttli|nachl[äa]ss\w*|rabais|"
    r"remises?(?!\s+(?:en|de la|du|des|à|au|aux|officielle)\b)|ristournes?|descu?ent\w*|descont(?!ent)\w*|s?cont[ouia]|"
    r"rebaj\w*|bonificaci\w*|ribass\w*|korting\w*|rebaix\w*|desconte(?!nt)\w*|descompt\w*)\b", re.I)
_DISCOUNT_CUES = ("disc", "rebate", "markdown", "rab", "nachl", "remis", "ristourn", "desc", "cont", "rebaj",
                  "bonific", "ribass", "korting", "rebaix")
_THEIRS = re.compile(r"\b(?:compet\w*|wettbewerb\w*|konkurren\w*|concurren\w*|competencia|rival\w*|(?:current|other|another) "
                     r"(?:vendor|supplier|provider)|fournisseur\w*|proveedor\w*|anbieter\w*)\b", re.I)
"""Another seller's discount, reported (an analysis' "the competitor's add-on comes with a discount"), is not ours."""
_NO = re.compile(r"n't\b|\b(?:no|not|cannot|without|kein\w*|nicht|ohne|pas|aucune?|sans|ning[uú]n\w*|sin)\b", re.I)
_PERCENT = re.compile(r"\d\s?%|\bper ?cent\b|\bprozent\b|\bpour ?cent\b|\bpor ?ciento\b", re.I)


_TOPIC_REPORT = re.compile(r"\b(?:talk\w*|ask\w*|spoke|speak\w*|mention\w*|rais\w*|brought up|bring\w* up|discuss\w*|"
                           r"interest\w* in|question\w* (?:about|on))\s+(?:about\s+|on\s+)?(?:the\s+)?['\"‘“]?"
                           r"(?:pricing|prices?|costs?|budget|payment terms)['\"’”]?(?=[\s.,;:!?)]|$)", re.I)
"""An internal text reporting the buyer's topic ("Talks about 'pricing'", "asked about pricing on the call")."""

_PRICE_NOUN = (r"(?:/?pric(?:e|es|ing)|preise?n?|prix|tarifs?|precios?|tarifas?)"
               r"(?:\s+(?:and|&|und|et|y)\s+(?:case[- ]stud(?:y|ies)|fallstudien|études de cas|casos de éxito))?")
_ATTENTION = (r"(?:interest|research|visits?|visited|views?|viewed|pages?|questions?|objections?|pressure|concerns?|"
              r"competition|comparison|sensitivity|risk|topic)")
_BUYER_PRICE_TOPIC = re.compile(
    # issue 11, wave 25 (honest vendor outputs): an analysis or a rationale names price as what the BUYER looks at or
    # worries about ("Pricing interest", "Viewed /pricing, 2 pages", "Possible price objection", "Competing offer on
    # price", "The main risk is price", "Pricing remains the sensitive point", "Interesse an Preisen", "Intérêt pour
    # les tarifs"). That reports the buyer's side, not a price of ours; only the phrase is taken out, so the rest of the
    # sentence is still read ("Price objection: we drop the price 20%" keeps "drop the price").
    rf"\b{_PRICE_NOUN}\s+(?:page\s+)?{_ATTENTION}\b|"
    rf"\b(?:viewed|visited|views?|visits?|look(?:ed|ing|s)? at|research\w*|interest\w* in|compet\w*(?: offer)? on|"
    rf"los(?:e|es|ing|t) on|objections? (?:on|to|about)|questions? (?:on|about)|pressure on|"
    rf"interesse an|intérêt pour|interés (?:en|por)|(?:pression|objection|questions?|visites?) (?:sur|concernant)|"
    rf"(?:presión|objeción|objeciones|preguntas?|visitas?) (?:sobre|por|de)|(?:druck|einwand|einwände|fragen?) (?:beim|zum)"
    rf")\s+(?:the\s+|our\s+|its\s+|les\s+|le\s+|la\s+|los\s+|el\s+|den\s+|die\s+)?(?:repeated\s+)?{_PRICE_NOUN}"
    rf"(?:\s+pages?)?(?![\w/-])|"
    rf"\b(?:risk|objection|concern|question|issue|sticking point|topic)s?\s+(?:is|are|remains|was|may|might|could|will|"
    rf"seems|appears)\s+(?:\w+\s+){{0,3}}?(?:the\s+)?{_PRICE_NOUN}\b|"
    rf"\b{_PRICE_NOUN}\s+(?:is|remains|seems|appears|was|is not|does not appear to be|doesn't appear to be)\s+"
    rf"(?:\w+\s+){{0,3}}?(?:question|objection|concern|point|issue|risk|topic|factor)s?\b|"
    r"\bpreis(?:druck|einwand|einwände|frage\w*|vergleich\w*|sensibilität|thema|interesse)\b", re.I)
"""The buyer's attention to price, reported in an internal text (wave 25): what it names is the buyer's side."""


def unanchored_price_talk(text: str, approved_discount: float | None = None, *, topic_reports: bool = False) -> list[str]:
    """Sentences of `text` (normalised) that speak of our price or a payment with nothing the record has behind
    them. A question asks rather than states; with a discount approved in code, the sentence that offers it (a
    percentage) is the code's, and the discount checks judge its figure. With `topic_reports` (an analysis or a
    strategy's rationale, which the buyer never reads), a sentence that reports the buyer's topic is anchored by it:
    the rest of the sentence is still read, so "talks about pricing; we waive the fee" is refused."""
    low = text.lower()
    discounts = approved_discount is None and any(cue in low for cue in _DISCOUNT_CUES) and bool(_DISCOUNT.search(text))
    if not discounts and (not any(cue in low for cue in _CUES) or not _OUR_PRICE.search(text)):
        return []  # most outputs: no price word at all
    out = []
    # wave 38 (set 49's de-g9): whole sentences, not cut at "14. Oktober" or "Hr." (agents.sentence_ends)
    for sentence in sentence_parts(text):
        # a price said to stay as it is (agents.unchanged_terms), and "so any questions are settled" (wave 39), name none
        said, sentence = sentence, settled_questions_out(unmoved_prices_out(sentence, internal=topic_reports))
        blanked = sentence != said
        if topic_reports:
            sentence = _BUYER_PRICE_TOPIC.sub(" ", _TOPIC_REPORT.sub(" ", sentence))
        # wave 26 (set 35): a script's "Nicht: über Preisnachlässe sprechen" keeps price off the call (agents.price_guidance)
        # wave 30: the list price, a discount said not to exist ("Einen Nachlass haben wir nie vereinbart")
        if "?" in sentence or _ANCHOR.search(sentence) or no_price_talk_guidance(sentence) or at_list_price(sentence) \
                or denied_discount(sentence) or usual_terms_apply(sentence) or nothing_paid_yet(sentence, sentence) \
                or refused_exception(sentence) or invoice_on_signing(sentence) \
                or checked_price_effect(sentence) or summarised_amount(sentence, _OUR_PRICE) \
                or deferred_price(sentence):  # wave 38: "changes little in price, but I'll check" (agents.checked_price_effects)
            # wave 42 (probe42, agents.deferred_prices): "something I need to confirm with our finance team first"
            continue  # wave 33 (set 42's 014, 020): "Es gelten unsere üblichen Zahlungsbedingungen", "nothing paid yet"
            # wave 41: "La factura se envía tras la firma" orders the paperwork (agents.invoice_moments)
            # wave 40 (agents.summarised_amounts): "une synthèse : montant annuel, coût par atelier" lists a heading
        # wave 24b: a cost laid out as its own line, "die Rechnung" for the calculation named before (agents.price_anchors)
        # wave 26: the invoice routed to a person or a role, which says who receives it (agents.invoice_routing), and a
        # plan's due dates ("échéances")
        # wave 32: "La livraison n'est pas gratuite" says it costs, as "Shipping is not free" does: no price of ours
        sentence = mask_negated_free(sentence)
        sentence = declined_special_prices_out(sentence)  # wave 36: "Nous ne proposons pas de prix spécial"
        sentence = price_questions_out(sentence)  # wave 37: "answer any price questions in writing" names a topic
        sentence = price_topics_out(sentence)  # wave 39: payment terms asked about, "Importe y forma de pago" as a heading
        sentence = confidential_prices_out(sentence)  # wave 37 (set 47's 111): "we never share what other fleets pay"
        sentence = contrasted_costs_out(sentence)  # wave 37 (set 47's 013): "spreads the effort, not the cost"
        words = [m.group(0) for m in _OUR_PRICE.finditer(sentence)]
        # wave 30: the record's own PO number put on the invoice (agents.invoice_references)
        if anchored_line_item(sentence) or calculation_not_invoice(sentence, text, words) \
                or calculation_built_on(sentence, words) or invoice_routed(sentence, words) \
                or plan_due_dates(sentence, words) or buyers_input_price(sentence, words) \
                or invoice_referenced(sentence, words) or invoice_detail_asked(sentence, words):
            continue  # wave 38: the buyer's PO number asked for the invoice (agents.invoice_details)
        if named_price_document(sentence):
            continue  # wave 31: "two files: the pricing and the security annex" names a document, no price
        # wave 36 (set 45's 118): "with Marcus as billing contact" names a role; read last, so an invoice routed to the
        # role ("invoices go to your billing team") is still read whole by the anchors above
        if not _OUR_PRICE.search(billing_roles_out(sentence)) and not (discounts and _DISCOUNT.search(sentence) and not _NO.search(sentence)
                                                    and not _THEIRS.search(sentence)):
            continue
        if approved_discount is not None and _PERCENT.search(sentence):
            continue
        if restated_with_its_amount(sentence, text) or same_as_the_stated_amount(sentence, text, _OUR_PRICE, _MOVED):
            continue  # wave 32: "at the same price" as the amount another sentence states (agents.same_price)
        shown = said if blanked else sentence  # a clause blanked above is shown as written
        out.append(f"price talk the record does not anchor: {shown.strip()[:120]!r}")
    return out


_MOVED = re.compile(
    r"\b(?:lower|cheaper|reduced|special|better|best|free|off|cut|drop\w*|less|new|sonder\w*|günstig\w*|reduziert\w*|"
    r"niedriger\w*|weniger|neue[rns]?|spécial\w*|réduit\w*|baiss\w*|moins|offert\w*|nouveau|nouvelle|especial\w*|"
    r"rebajad\w*|reducid\w*|barat\w*|menor|menos|gratis|nuevo|nueva)\b", re.I)
"""A heading that moves the price ("Lower price for two waves") says more than the amount it is restated with."""
_PRICE_WORDS = frozenset("price prices pricing preis preise prix precio precios tarif tarifs tarifa same gleicher "
                         "gleiche même mismo misma".split())


_LIST_PRICE = re.compile(
    r"\b(?:at|on) (?:the |our )?(?:standard |full )?list price\b|\bzum (?:vollen )?listenpreis\b|"
    r"\bau prix (?:catalogue|public|de liste)\b|\ba(?:l)? precio de (?:lista|tarifa)\b", re.I)


def named_price_document(sentence: str) -> bool:
    """Whether a sentence names a pricing document (agents.price_documents) and says nothing else of price: no price
    word left beside it, no amount, share, moved price or discount, and no document applied, dated or compared."""
    bare = price_documents_out(sentence)
    return bare != sentence and not _OUR_PRICE.search(bare) and not AMOUNT_IN_FIGURES.search(sentence) \
        and not _PERCENT.search(sentence) and not _MOVED.search(sentence) and not _DISCOUNT.search(sentence) \
        and not TERMS_OF_A_DOCUMENT.search(sentence)


def at_list_price(sentence: str) -> bool:
    """wave 30 (set 39's en-g4, "the 2-year page is at list price"): the price said to be the list price moves nothing
    and states no amount (the "2" of "the 2-year page" is a term, not a price); a share or a moved price beside it ("at list price less 10%", "list price, but free setup")
    is read as before."""
    return bool(_LIST_PRICE.search(sentence)) and not AMOUNT_IN_FIGURES.search(sentence) and not re.search(r"\d{3}|\d[.,]\d", sentence) \
        and not re.search(r"%|\b(?:per ?cent|prozent|pour ?cent|por ?ciento)\b", sentence, re.I) and not _MOVED.search(sentence) \
        and not _DISCOUNT.search(sentence) and not re.search(r"\b(?:but|except|aber|außer|mais|sauf|pero|salvo|excepto)\b",
                                                            sentence, re.I)


def restated_with_its_amount(sentence: str, text: str) -> bool:
    """A short heading on price ("Same price for one wave or two", set 34's en-g8 subject) that another sentence of the
    text states with the record's amount in figures ("does not change the proposal's total of £24,000 for the 9
    clinics", which the facts check holds to the record) and on the same topic (a word of four letters or more in
    common besides the price words): the heading titles an anchored sentence, it adds no price of its own."""
    words = re.findall(r"[^\W\d_]+", sentence.lower())
    if not words or len(words) > 8 or re.search(r"\d", sentence) or _MOVED.search(sentence) or _DISCOUNT.search(sentence):
        return False
    topic = {w[:4] for w in words if len(w) >= 4 and w not in _PRICE_WORDS}
    for other in sentence_parts(text):
        if other.strip() == sentence.strip() or not AMOUNT_IN_FIGURES.search(other):
            continue
        if topic & {w[:4] for w in re.findall(r"[^\W\d_]{4,}", other.lower())}:
            return True
    return False
