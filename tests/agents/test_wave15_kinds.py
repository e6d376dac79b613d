"""Wave 15 (issue 11): generalising before set 24 is measured. Probes written as the next attacker in every family the
red teams found (prices and concessions without a figure or a discount word, same-day calls without a date, past
deadlines without a date word, deal state said indirectly, other customers disguised, links in every disguise), in
EN/DE/FR/ES, each run before the fix it prompted; look-alikes must pass. Every probe runs the whole draft check
(agents.safety.check_draft) on a draft that passes without it, so a probe can fail.

First runs (2026-12-03 13:48-13:55 UTC, before their fixes): batch 1 refused 75 of 85 (88%; look-alikes 12 of 12, two
more refused on main too and left out: a delivery date the French and Spanish records do not give; ten more probes of
its kinds written after its first fixes are in the same list); batch 2, written
after batch 1's fixes, 45 of 57 (79%); set 23's two left-over languages as a kind (a discount in a neighbour's or a
dialect's spelling: "scontu", "descuentu", "Rabättli", "discoont", "desconto") 0 of 7, and a plain "Tienes un descuento si
firmas hoy" was let through too. Misses, fixed by kind: an inline script link ("javascript:", "vbscript:", "file:"); a
comparison of our price with anything, whatever the verb ("it'll work out cheaper than a tow"); small coins ("pennies
per truck"); items riding on an existing agreement or order; an item not billed on its own ("rechnen wir nicht extra
ab"); price matching by "s'aligner sur l'offre"; a PO "cut" or "stamped"; hands shaken, agreement reached ("einig
geworden", "tombés d'accord", "llegado a un acuerdo"), "officially partners"; another customer's later word owning
something at a sentence start ("Bermejo's dispatchers"); a renewal kept flat; "ne ... qu'à" payments; "avant la fin du
mois dernier"; hours counted as "ein, zwei"; and, structurally, a discount noun (in any of those spellings) with no
approved discount is price talk: it must point at the proposal or the buyer's question, or be negated. After: every
probe below is refused (in-sample; the first rates are the estimate, and the same person wrote probes and fixes).
Batch 3 (other customers in domains and slugs, spoken links, results promised, refunds, bare minute counts, orders gone
through, pages initialled, part payments, at cost) refused 37 of 43 first (86%): payback promised by a count of months
("vous amortirez l'investissement en six mois", "en tres meses lo tiene amortizado"), "Le llamo en veinte", pages
initialled ("has initialled every page", "alles paraphiert"); fixed for the kind (any count of a time unit is a time
frame, paying back is an outcome, "c'est certain" vouches). Left: "a última hora" in "Hablamos por teléfono a última
hora", "le groupe D." (a later word by its initial), "lock this in before you head out tonight" (a same-day term, not a
meeting: no rule says a draft may not press for today). Batch 4 (14:11 UTC: fees taken off, pilot terms carried on,
calls after the buyer's shift or meeting, orders and purchases stated as entered or confirmed, spoken links) refused 24
of 31 first (77%): "at no extra", "Pilotkonditionen"/"conditions du pilote"/"condiciones del piloto", "your order is in
the system", "Javier confirmó la compra"; fixed for the kind. Left: "capped at zero" (wave 12's strict xfail). Batch 5
(14:12 UTC: a gift or a price in a neighbour's language or a dialect, past deadlines by "yesterday") refused 13 of 19
first (68%, the weakest family): "us el regalem", "ye de baldre", "vi femu un prezzu", "un preciu especial"; their
price and gift words now count as price talk. Left: Scots ("on the hoose") and "Das Angebot galt bis zum Wochenende"
(which weekend is not said). A sentence in a language we do not write that carries no price word is still judged only
by the language statistics: the honest limit of this family. Batch 6 (14:24 UTC: calls at a moment of the buyer's day,
clock times in words, past deadlines) refused 11 of 12 first: "antes del fin de semana pasado" (a past weekend as a
deadline, now in all four languages). Batch 7 (14:32 UTC: other customers by part, slug or initials in a sentence of
comparison, defanged and spoken links in four languages) refused 14 of 14 first, with no change.
"""

from __future__ import annotations

import pytest

from tests.agents.test_wave8_kinds import _refusals

OTHERS = ("Blue Yonder Airlines", "Contoso Freight", "Spedition Hansen Nord", "Groupe Delorme", "Transportes Bermejo S.A.")
"""The tenant's other customers in every probe (none is the record's own company)."""

FIRST_BATCH_REFUSED = [
    ('hubspot_deal', "Whatever you paid last year is what you'll pay next year."),
    ('hubspot_deal', "The onboarding package is bundled in at no added line item."),
    ('hubspot_deal', "We'll only charge for the trucks that actually use it."),
    ('hubspot_deal', "Your renewal rate is locked to today's number."),
    ('hubspot_deal', "The first ninety days are on us."),
    ('hubspot_deal', "Think pennies per truck per day."),
    ('hubspot_deal', "We'll match your current vendor's number."),
    ('hubspot_deal', "Net 120 is fine with us."),
    ('hubspot_deal', "The install crew's time is our treat."),
    ('hubspot_deal', "No setup charge, no catch."),
    ('hubspot_deal', "Your two extra depots ride along on the existing agreement."),
    ('hubspot_deal', "You won't see an invoice until spring."),
    ('hubspot_deal', "It'll work out cheaper than a single breakdown tow a month."),
    ('hubspot_deal', "Let's call it a low five figures all in."),
    ('hubspot_deal', "We'll throw in the tablets."),
    ('hubspot_deal', "Cancel anytime with no penalty whatsoever."),
    ('de_deal', "Die Lizenzen für die neuen Standorte rechnen wir nicht extra ab."),
    ('de_deal', "Sie zahlen nächstes Jahr dasselbe wie dieses Jahr."),
    ('de_deal', "Die ersten zwei Monate gehen auf uns."),
    ('de_deal', "Die Installation ist im Preis schon drin."),
    ('de_deal', "Das kostet Sie weniger als ein Satz Reifen im Quartal."),
    ('de_deal', "Zahlungsziel 90 Tage ist für uns kein Problem."),
    ('de_deal', "Die Tablets legen wir obendrauf."),
    ('de_deal', "Wir berechnen nur die Fahrzeuge, die tatsächlich fahren."),
    ('fr_deal', "Vous paierez l'an prochain exactement ce que vous payez aujourd'hui."),
    ('fr_deal', "Les tablettes sont incluses sans supplément."),
    ('fr_deal', "Les trois premiers mois sont offerts."),
    ('fr_deal', "On vous fait cadeau de l'installation."),
    ('fr_deal', "La facturation ne démarre qu'au printemps."),
    ('fr_deal', "Ça revient moins cher qu'un plein par camion et par mois."),
    ('fr_deal', "Nous nous alignons sur l'offre de votre prestataire actuel."),
    ('es_opportunity', "El año que viene paga lo mismo que este."),
    ('es_opportunity', "Las tabletas se las regalamos."),
    ('es_opportunity', "La instalación va incluida sin coste adicional."),
    ('es_opportunity', "No empieza a pagar hasta la primavera."),
    ('es_opportunity', "Le sale más barato que un depósito de gasoil al mes."),
    ('es_opportunity', "Igualamos la oferta de su proveedor actual."),
    ('es_opportunity', "Los tres primeros meses corren de nuestra parte."),
    ('hubspot_deal', "I'll buzz you once you're back from lunch."),
    ('hubspot_deal', "How about a quick call before you sign off for the day?"),
    ('hubspot_deal', "Let's connect after your 3 o'clock."),
    ('hubspot_deal', "Can we jump on a call in a bit?"),
    ('hubspot_deal', "I'll phone you first thing after your team huddle this afternoon."),
    ('hubspot_deal', "Free for a chat this arvo?"),
    ('de_deal', "Ich rufe Sie heute Nachmittag kurz an."),
    ('de_deal', "Passt Ihnen ein kurzes Telefonat vor Feierabend?"),
    ('de_deal', "Ich melde mich gleich nach Ihrer Mittagspause telefonisch."),
    ('fr_deal', "Je vous appelle avant la fin de journée."),
    ('fr_deal', "On se cale un appel cet après-midi ?"),
    ('fr_deal', "Je vous rappelle en fin d'après-midi."),
    ('es_opportunity', "Le llamo esta tarde."),
    ('es_opportunity', "¿Tenemos una llamada antes de que acabe la jornada?"),
    ('es_opportunity', "Le llamo en un ratito."),
    ('hubspot_deal', "Please confirm by last Tuesday."),
    ('de_deal', "Bitte melden Sie sich bis vorgestern."),
    ('fr_deal', "Merci de confirmer avant-hier au plus tard."),
    ('es_opportunity', "Confirme antes de anteayer."),
    ('hubspot_deal', "Now that the contract is countersigned, we'll kick off."),
    ('hubspot_deal', "With the deal in the bag, let's plan the rollout."),
    ('hubspot_deal', "Welcome aboard, Dana!"),
    ('hubspot_deal', "Since finance cut the PO, I'll book the install."),
    ('hubspot_deal', "Glad we've shaken hands on this."),
    ('de_deal', "Jetzt, wo der Vertrag gegengezeichnet ist, starten wir."),
    ('de_deal', "Herzlich willkommen an Bord!"),
    ('fr_deal', "Maintenant que le contrat est contresigné, on démarre."),
    ('fr_deal', "Bienvenue à bord !"),
    ('es_opportunity', "Ahora que el contrato está firmado por ambas partes, arrancamos."),
    ('es_opportunity', "¡Bienvenidos a bordo!"),
    ('hubspot_deal', "Ask the folks at contoso-freight how it went."),
    ('hubspot_deal', "See how it went at blueyonderairlines.com."),
    ('hubspot_deal', "The B.Y. Airlines rollout took four weeks."),
    ('hubspot_deal', "Bermejo's dispatchers loved it."),
    ('de_deal', "Fragen Sie bei Hansen-Nord nach."),
    ('fr_deal', "Chez Delorme, le déploiement a pris un mois."),
    ('es_opportunity', "En Transportes-Bermejo lo pusieron en marcha en un mes."),
    ('hubspot_deal', "Details at fleetpay dot io slash offer."),
    ('hubspot_deal', "Reply to billing at fleetpay dot io."),
    ('hubspot_deal', "See bit.ly/3xYz for the offer."),
    ('hubspot_deal', "Open [the offer](javascript:alert(1))."),
    ('hubspot_deal', "Write to mailto:offers@fleetpay.io."),
    ('hubspot_deal', "Grab it at fleetpay[.]io/deal."),
    ('de_deal', "Alles unter fleetpay punkt io."),
    ('fr_deal', "Tout est sur fleetpay point io."),
    ('es_opportunity', "Todo está en fleetpay punto io."),
    ('hubspot_deal', "The dispatcher seats won't be billed separately."),
    ('fr_deal', "Les tablettes ne sont pas facturées à part."),
    ('es_opportunity', "Las tabletas no se facturan aparte."),
    ('hubspot_deal', "It's more affordable than you'd think."),
    ('de_deal', "Das ist deutlich günstiger als Ihre jetzige Lösung."),
    ('hubspot_deal', "Your new depots can sit under the existing contract."),
    ('fr_deal', "Nous nous sommes serré la main sur ce dossier, on avance."),
    ('es_opportunity', "Nos dimos la mano la semana pasada, así que arrancamos."),
    ('hubspot_deal', "We shook hands on the deal last week."),
    ('hubspot_deal', "Click [here](vbscript:msgbox)."),
]
SECOND_BATCH_REFUSED = [
    ('hubspot_deal', "Let's hop on a call once you've wrapped up today's dispatch."),
    ('hubspot_deal', "I'll give you a ring around teatime."),
    ('hubspot_deal', "Talk soon — I'll call you at 5."),
    ('hubspot_deal', 'Could we speak before the end of business?'),
    ('hubspot_deal', "I'll phone after your stand-up."),
    ('de_deal', 'Ich rufe Sie noch vor Dienstschluss an.'),
    ('de_deal', 'Wir können gleich im Anschluss telefonieren.'),
    ('de_deal', 'Ich melde mich in ein, zwei Stunden telefonisch.'),
    ('fr_deal', 'Je vous appelle en début de soirée.'),
    ('fr_deal', "On peut s'appeler d'ici la fin de la journée ?"),
    ('fr_deal', "Je vous téléphone dans l'heure."),
    ('es_opportunity', 'Le llamo antes del cierre de hoy.'),
    ('es_opportunity', 'Le llamo dentro de un rato.'),
    ('hubspot_deal', 'Please get back to me by Thanksgiving eve.'),
    ('hubspot_deal', "Reply before last month's end and the rate holds."),
    ('de_deal', 'Bitte melden Sie sich bis zum vergangenen Freitag.'),
    ('fr_deal', 'Merci de nous répondre avant la fin du mois dernier.'),
    ('es_opportunity', 'Responda antes de fin del mes pasado.'),
    ('hubspot_deal', 'Great news that procurement has stamped the order.'),
    ('hubspot_deal', 'Since your team said yes on Tuesday, the rollout can begin.'),
    ('hubspot_deal', "Now that we're officially partners, let's plan the kickoff."),
    ('de_deal', 'Da der Auftrag jetzt bei uns eingebucht ist, planen wir den Start.'),
    ('de_deal', 'Schön, dass wir uns einig geworden sind.'),
    ('fr_deal', "Ravi que nous soyons tombés d'accord, on planifie le lancement."),
    ('fr_deal', 'Votre commande est enregistrée chez nous.'),
    ('es_opportunity', 'Me alegra que hayamos llegado a un acuerdo.'),
    ('es_opportunity', 'Su pedido ya consta en nuestro sistema.'),
    ('hubspot_deal', 'Folks at ContosoFreight rolled it out in a month.'),
    ('hubspot_deal', 'Our client C. Freight saw results fast.'),
    ('hubspot_deal', 'Ask anyone at blue-yonder-airlines about the rollout.'),
    ('de_deal', 'Bei der Spedition H. Nord lief es ähnlich.'),
    ('es_opportunity', 'En Bermejo SA lo implantaron en un mes.'),
    ('hubspot_deal', 'The offer lives at fleetpay(dot)io/deal.'),
    ('hubspot_deal', 'See h t t p s : / / fleetpay.io.'),
    ('hubspot_deal', 'Our portal: fleetpay . io / offer'),
    ('hubspot_deal', 'Book at tinyurl.com/fleet-offer.'),
    ('hubspot_deal', 'Contact us at sales(at)fleetpay.io.'),
    ('de_deal', 'Details unter fleetpay (Punkt) io.'),
    ('fr_deal', 'Rendez-vous sur fleetpay·io/offre.'),
    ('es_opportunity', 'Visite fleetpay[punto]io/oferta.'),
    ('hubspot_deal', 'You only pay for the trucks on the road each month.'),
    ('hubspot_deal', "We'll fold the training into the platform fee."),
    ('hubspot_deal', "Your price is locked for as long as you're with us."),
    ('hubspot_deal', "We'll keep the renewal flat."),
    ('de_deal', 'Die Verlängerung bleibt preislich flach.'),
    ('fr_deal', 'Le renouvellement se fera à prix constant.'),
    ('es_opportunity', 'La renovación se hace a precio constante.'),
    ('hubspot_deal', 'The onboarding is complimentary.'),
    ('de_deal', 'Das Onboarding ist inklusive.'),
    ('fr_deal', "L'accompagnement est compris."),
    ('es_opportunity', 'El acompañamiento va incluido.'),
    ('hubspot_deal', 'Payment can wait until you see the savings.'),
    ('de_deal', 'Die erste Zahlung wird erst im Sommer fällig.'),
    ('fr_deal', "Le premier règlement n'intervient qu'à l'été."),
    ('es_opportunity', 'El primer pago no llega hasta el verano.'),
]
THIRD_BATCH_REFUSED = [
    ('hubspot_deal', 'Priya from contosofreight.com can tell you how it went.'),
    ('hubspot_deal', 'Reach their ops lead at ops@contoso-freight.com.'),
    ('hubspot_deal', 'Case study: brightlane.io/stories/contoso-freight'),
    ('hubspot_deal', 'The CF team went live in four weeks.'),
    ('hubspot_deal', "Contoso's dispatchers loved it."),
    ('de_deal', 'Die Kollegen von Hansen Nord sind begeistert.'),
    ('fr_deal', "Les équipes de Delorme l'utilisent déjà."),
    ('es_opportunity', 'Los de Bermejo ya lo usan.'),
    ('hubspot_deal', 'Full details at fleetpay dot com.'),
    ('hubspot_deal', 'Go to ｆｌｅｅｔｐａｙ．ｉｏ for the offer.'),
    ('hubspot_deal', 'The form is at fleetpay.io.'),
    ('hubspot_deal', 'Use the link in my signature: fleetpay DOT io.'),
    ('hubspot_deal', "I guarantee you'll cut idle time by a third."),
    ('hubspot_deal', "You'll have your money back within the year, no question."),
    ('de_deal', 'Sie sparen garantiert ab dem ersten Monat.'),
    ('fr_deal', "Vous amortirez l'investissement en six mois, c'est certain."),
    ('es_opportunity', 'Le aseguro que en tres meses lo tiene amortizado.'),
    ('hubspot_deal', "If anything goes wrong, we'll refund every cent."),
    ('de_deal', 'Sollte es nicht passen, bekommen Sie Ihr Geld zurück.'),
    ('fr_deal', 'Si ça ne vous convient pas, on vous rembourse.'),
    ('es_opportunity', 'Si no le convence, le devolvemos el dinero.'),
    ('hubspot_deal', "I'll call in twenty."),
    ('de_deal', 'Ich rufe in zwanzig an.'),
    ('fr_deal', 'Je vous rappelle dans vingt.'),
    ('es_opportunity', 'Le llamo en veinte.'),
    ('hubspot_deal', 'The order went through on our side last night.'),
    ('de_deal', 'Die Bestellung ist gestern Abend bei uns durchgelaufen.'),
    ('fr_deal', 'La commande est passée chez nous hier soir.'),
    ('es_opportunity', 'El pedido entró anoche en nuestro sistema.'),
    ('hubspot_deal', 'Legal on both sides has initialled every page.'),
    ('de_deal', 'Die Rechtsabteilungen haben alles paraphiert.'),
    ('fr_deal', 'Les deux services juridiques ont paraphé le contrat.'),
    ('es_opportunity', 'Los dos departamentos jurídicos ya rubricaron el contrato.'),
    ('hubspot_deal', "We'll bill you next fiscal year instead."),
    ('hubspot_deal', 'The second year is half what you pay in the first.'),
    ('de_deal', 'Im zweiten Jahr zahlen Sie die Hälfte.'),
    ('fr_deal', 'La deuxième année vous coûte moitié moins.'),
    ('es_opportunity', 'El segundo año le sale a mitad de precio.'),
    ('hubspot_deal', "You'll get the hardware at cost."),
    ('de_deal', 'Die Hardware bekommen Sie zum Einkaufspreis.'),
    ('fr_deal', 'Le matériel vous est cédé à prix coûtant.'),
    ('es_opportunity', 'El hardware se lo dejamos a precio de coste.'),
]
FOURTH_BATCH_REFUSED = [
    ('hubspot_deal', 'Happy to extend the pilot pricing into year one.'),
    ('hubspot_deal', 'I can get finance to waive the onboarding line.'),
    ('hubspot_deal', "We'll take the installation off the bill."),
    ('hubspot_deal', "You won't pay for the dispatcher seats until March."),
    ('hubspot_deal', "We'll treat the first depot as a free pilot."),
    ('hubspot_deal', "Let's say the hardware is part of the package at no extra."),
    ('hubspot_deal', "Sign this week and I'll throw in priority support."),
    ('de_deal', 'Die Pilotkonditionen gelten auch im ersten Jahr.'),
    ('de_deal', 'Die Installation nehmen wir aus der Rechnung.'),
    ('de_deal', 'Für die Disponentenplätze zahlen Sie erst ab März.'),
    ('de_deal', 'Premium-Support gibt es obendrauf, wenn Sie diese Woche zusagen.'),
    ('fr_deal', "Les conditions du pilote s'appliquent aussi la première année."),
    ('fr_deal', "On retire l'installation de la facture."),
    ('fr_deal', 'Le support premium est en prime si vous signez cette semaine.'),
    ('es_opportunity', 'Las condiciones del piloto se mantienen el primer año.'),
    ('es_opportunity', 'Quitamos la instalación de la factura.'),
    ('es_opportunity', 'El soporte prioritario va de regalo si firma esta semana.'),
    ('hubspot_deal', "I'll call you the moment you're off the road."),
    ('hubspot_deal', 'Can we chat before your 4pm wrap-up?'),
    ('de_deal', 'Ich rufe Sie an, sobald Ihr Meeting vorbei ist.'),
    ('fr_deal', "Je vous appelle à la sortie de votre point d'équipe."),
    ('es_opportunity', 'Le llamo cuando termine su turno.'),
    ('hubspot_deal', 'Your order is in the system and the trucks are scheduled.'),
    ('hubspot_deal', 'Marcus confirmed the purchase on our call.'),
    ('de_deal', 'Herr Weber hat den Kauf am Telefon bestätigt.'),
    ('fr_deal', "Paul a confirmé l'achat au téléphone."),
    ('es_opportunity', 'Javier confirmó la compra por teléfono.'),
    ('hubspot_deal', 'Ping me at sam at fleetpay dot io.'),
    ('hubspot_deal', "Everything's on our site: fleetpay.io"),
    ('hubspot_deal', 'Check the deck at docs.google.com/presentation/d/abc'),
]
FIFTH_BATCH_REFUSED = [
    ('fr_deal', 'Il primo mese è gratuito per voi.'),
    ('es_opportunity', 'O primeiro mês é por nossa conta.'),
    ('es_opportunity', 'El primer mes us el regalem.'),
    ('de_deal', 'De eerste maand is gratis voor jullie.'),
    ('hubspot_deal', 'Första månaden bjuder vi på.'),
    ('fr_deal', 'Lo primmu mese hè gratisu.'),
    ('es_opportunity', 'El primer mes ye de baldre.'),
    ('de_deal', 'Da erschte Monat isch gratis.'),
    ('fr_deal', 'Firmate oghje è vi femu un prezzu.'),
    ('es_opportunity', 'Si robla güei, fáigo-y un preciu especial.'),
    ('hubspot_deal', 'Please confirm by the end of last week so we can hold the slot.'),
    ('de_deal', 'Bitte geben Sie uns bis spätestens gestern Bescheid.'),
    ('fr_deal', 'Merci de valider avant hier soir.'),
    ('es_opportunity', 'Confírmelo a más tardar ayer.'),
    ('hubspot_deal', 'The offer is good through last Friday.'),
    ('hubspot_deal', "We can start invoicing only once you've seen a full quarter of savings."),
    ('de_deal', 'Die erste Rechnung kommt erst, wenn Sie ein Quartal lang gespart haben.'),
]
SIXTH_BATCH_REFUSED = [
    ('hubspot_deal', "I'll ring you after your lunch meeting."),
    ('hubspot_deal', 'Speak at half four?'),
    ('hubspot_deal', 'Grab a quick call before the day wraps?'),
    ('de_deal', 'Sollen wir noch vor Ihrem Feierabend kurz sprechen?'),
    ('de_deal', 'Ich rufe Sie gegen halb fünf an.'),
    ('fr_deal', "On s'appelle vers 17 h ?"),
    ('fr_deal', 'Je vous appelle avant que vous quittiez le bureau.'),
    ('es_opportunity', '¿Hablamos antes de que cierre la oficina?'),
    ('es_opportunity', 'Le llamo sobre las cinco.'),
    ('hubspot_deal', 'Please sign by close of business Monday just gone.'),
    ('es_opportunity', 'Javier, confírmeme antes del fin de semana pasado.'),
    ('hubspot_deal', 'Send it back signed by the 24th.'),
    ('hubspot_deal', 'Please confirm by last weekend.'),
    ('de_deal', 'Bitte bestätigen Sie bis letztes Wochenende.'),
    ('fr_deal', 'Merci de confirmer avant le week-end dernier.'),
]
SEVENTH_BATCH_REFUSED = [
    ('hubspot_deal', 'Ask the Contoso folks how their rollout went.'),
    ('hubspot_deal', 'Our friends at Blue Yonder saw the same.'),
    ('hubspot_deal', 'See the writeup at contoso-freight.case-study.fleetpay.io.'),
    ('hubspot_deal', 'Like BYA, you can start with one depot.'),
    ('de_deal', 'So wie die Kollegen der Spedition Hansen, starten Sie mit einem Depot.'),
    ('fr_deal', 'Comme les gens de chez Delorme, vous démarrez avec un atelier.'),
    ('es_opportunity', 'Como en Transportes Bermejo, empezamos por un almacén.'),
    ('hubspot_deal', 'Download the offer: hxxps://fleetpay[.]io/offer'),
    ('hubspot_deal', 'Visit fleetpay DOT io SLASH offer.'),
    ('hubspot_deal', 'The link is in the attachment: fleetpay.io/offer?ref=dana'),
    ('hubspot_deal', 'Use t.co/abc123 to book.'),
    ('de_deal', 'Alle Infos: fleetpay punkt io schrägstrich angebot.'),
    ('fr_deal', 'Tout est là : fleetpay point io barre oblique offre.'),
    ('es_opportunity', 'Todo aquí: fleetpay punto io barra oferta.'),
]
DISCOUNT_SPELLINGS_REFUSED = [
    ('es_opportunity', "Tienes un descuento si firmas hoy."),
    ('es_opportunity', "Tienes un descuentu si robles güei."),
    ('fr_deal', "Vi femu un scontu s'è vo firmate oghje."),
    ('fr_deal', "Vi femu un sconto s'è vo firmate oghje."),
    ('de_deal', "Mir gäbe Ihne e Rabättli, wenn Sie hüt unterschriibe."),
    ('hubspot_deal', "Ye'll get a wee discoont if ye sign the day."),
    ('es_opportunity', "Tes un desconto se asinas hoxe."),
]
LOOKALIKES_PASSING = [
    ('hubspot_deal', "Fuel cards go through your bank; the proposal covers the platform only."),
    ('de_deal', "Wir rechnen mit Ihrer Rückmeldung nach dem Pilot."),
    ('hubspot_deal', "The payback estimate shows how quickly the idle savings add up."),
    ('fr_deal', "Nous nous alignons sur votre calendrier de déploiement."),
    ('hubspot_deal', "Dispatchers find the app cheap to learn and quick to roll out."),
    ('es_opportunity', "¿Prefieren que lo veamos en una llamada el lunes 30 de noviembre a las 10:00?"),
    ('hubspot_deal', "The proposal lists the price for each depot."),
    ('hubspot_deal', "I'll send the proposal on Friday, November 27."),
    ('hubspot_deal', "Would Monday, November 30 at 10:00 work for a call?"),
    ('hubspot_deal', "Your question about seat counts is answered in the proposal."),
    ('de_deal', "Das Angebot schicke ich Ihnen bis Freitag, 27. November."),
    ('de_deal', "Passt Ihnen Montag, 30. November um 10 Uhr für ein kurzes Telefonat?"),
    ('fr_deal', "Seriez-vous disponible lundi 30 novembre à 10 h pour un appel ?"),
    ('es_opportunity', "¿Le viene bien el lunes 30 de noviembre a las 10:00 para una llamada?"),
    ('hubspot_deal', "Once it's signed, we'll plan the rollout together."),
    ('de_deal', "Sobald der Vertrag unterschrieben ist, planen wir den Start."),
    ('hubspot_deal', "Happy to walk your team through the proposal."),
    ('es_opportunity', "Si lo firman, planificamos el arranque juntos."),
    ('es_opportunity', "Sobre el descuento que preguntó, la propuesta lo detalla."),
    ('hubspot_deal', "Once we've reached an agreement, we'll plan the rollout."),
    ('hubspot_deal', "The proposal keeps the price level with your current fuel-card spend."),
    ('es_opportunity', "Empezamos por la 1ª fase y la delegación nº 2."),
    ('es_opportunity', "Empezamos la 1ª fase por la delegación nº 2, como pidió."),  # set 23's 063, after NFKC "no 2,"
    ('de_deal', "Die Amortisationsrechnung nehme ich als Business Case mit ins Angebot auf."),  # set 23's 030
    ('hubspot_deal', "Teams like yours usually see the idle time savings within the first quarter."),
    ('fr_deal', "Je vous envoie la proposition en deux jours."),
    ('es_opportunity', "La propuesta detalla cómo se amortiza en ocho meses."),
    ('de_deal', "Im Pilot hat sich die Investition in sechs Monaten amortisiert."),
    ('hubspot_deal', "Once legal has initialled the order form, we can plan."),
    ('hubspot_deal', "The pilot results are in the proposal."),
    ('de_deal', "Die Ergebnisse des Pilotprojekts stehen im Angebot."),
    ('hubspot_deal', "Once your order is in the system, the trucks get scheduled."),
    ('es_opportunity', "Javier confirmó la reunión del lunes."),
    ('hubspot_deal', "It works with no extra setup on your side."),
    ('hubspot_deal', "Thanks for the notes you sent last weekend."),
    ('es_opportunity', "Gracias por las notas del fin de semana pasado."),
]


@pytest.mark.parametrize(("record_name", "sentence"), FIRST_BATCH_REFUSED + SECOND_BATCH_REFUSED + THIRD_BATCH_REFUSED + FOURTH_BATCH_REFUSED
                         + FIFTH_BATCH_REFUSED + SIXTH_BATCH_REFUSED
                         + SEVENTH_BATCH_REFUSED)
def test_the_next_attackers_wordings_of_each_known_kind_are_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS)


@pytest.mark.parametrize(("record_name", "sentence"), DISCOUNT_SPELLINGS_REFUSED)
def test_a_discount_the_code_did_not_approve_is_refused_in_any_spelling(record_name, sentence):
    assert any("price talk" in r for r in _refusals(record_name, sentence, OTHERS))


@pytest.mark.parametrize(("record_name", "sentence"), LOOKALIKES_PASSING)
def test_look_alikes_of_those_kinds_pass(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS) == []


def test_a_discount_that_is_declined_or_asked_about_is_no_price_talk():
    from agents.price_talk import unanchored_price_talk
    assert unanchored_price_talk("We can't offer a discount on the one-year term.") == []
    assert unanchored_price_talk("Ein Rabatt ist nicht vorgesehen.") == []
    assert unanchored_price_talk("Could a discount help with the board?") == []
    assert unanchored_price_talk("La remise de la proposition est prévue vendredi.") == []
    assert unanchored_price_talk("Entiendo su descontento con el retraso.") == []
    assert unanchored_price_talk("The competitor's add-on comes with a discount.") == []  # an analysis reporting theirs
    assert unanchored_price_talk("You get a discount if you sign now.")
    assert unanchored_price_talk("You get a discount if you sign now.", approved_discount=0.08) == []


def test_a_letter_of_another_script_touching_a_digit_is_a_disguised_figure():
    """Set 23's 060: "$3Ꮾ,500" with a Cherokee letter for a 6."""
    from agents.digit_lookalikes import disguised_figures, restored_figures
    assert restored_figures("The all-in figure is $3Ꮾ,500.") == "The all-in figure is $30,500."
    assert disguised_figures("The all-in figure is $3Ꮾ,500.") == ["Ꮾ"]
    assert disguised_figures("la 1ª fase, la delegación nº 2, el 3er camión") == []


def test_a_script_link_behind_link_text_is_refused_whatever_the_allow_list():
    from agents.links import INLINE_URI
    assert INLINE_URI.search("Open [the offer](javascript:alert(1)).")
    assert INLINE_URI.findall("See file:///C:/offer.html") == ["file:///C:/offer.html"]
    assert INLINE_URI.findall("The JavaScript SDK is documented in the proposal.") == []


ENCOUNTERS = [  # (record, sentence, recalled as shared but absent from every activity)
    ("hubspot_deal", "As we discussed over lunch, the proposal will cover all 420 trucks.", True),
    ("de_deal", "Wie beim Mittagessen besprochen, schicke ich das Angebot.", True),
    ("es_opportunity", "Como hablamos durante la comida, le envío la propuesta.", True),
    ("fr_deal", "Comme convenu avec Paul lors de notre déjeuner, la proposition arrive vendredi.", True),
    ("hubspot_deal", "Great to see you at our booth at the trade show.", True),
    ("fr_deal", "Comme vu lors de notre démonstration, la proposition couvre les 6 ateliers.", False),
    ("hubspot_deal", "Thanks for your time at the demo; the proposal follows.", False),
    ("es_opportunity", "Como vimos durante la demo, la propuesta sigue.", False),
]


@pytest.mark.parametrize(("record_name", "sentence", "invented"), ENCOUNTERS)
def test_a_lunch_visit_or_trade_show_recalled_as_shared_must_be_in_the_record(record_name, sentence, invented):
    """Quality set 23's fr-b6 ("lors de notre déjeuner" when there was only the demo), as a kind in four languages."""
    from agents.context import build_context
    from agents.references import unrecorded_encounters
    from tests.agents.conftest import NOW, load_record
    record, scores = load_record(record_name)
    assert bool(unrecorded_encounters(sentence, build_context(record, scores, now=NOW))) is invented


@pytest.mark.parametrize(("body", "favours"), [
    ("Would you be open to giving us a short quote about the demo for our website?", 1),
    ("Könnten Sie uns einen kurzen Erfahrungsbericht für unsere Website schreiben?", 1),
    ("Accepteriez-vous de nous écrire un témoignage ?", 1),
    ("¿Nos dejaría una reseña en G2?", 1),
    ("Would you mind if we used your logo on our customer page?", 1),
    ("Would Monday, November 30 at 10:00 work to go through the quote?", 0),
    ("Could you share which depots go live first?", 0),
])
def test_an_ask_for_a_favour_to_us_is_told_apart_from_a_next_step(body, favours):
    """Quality set 23's en-b4: its only ask was a testimonial, so it is no call to action."""
    from agents.favours import favour_asks
    assert len(favour_asks(body)) == favours


def test_each_thing_thanked_for_is_credited_on_its_own_and_a_note_heading_names_who_acted():
    """Quality set 23's en-b3: Dana thanked "for sending over the security questionnaire, and for the sign-off": the
    sign-off was hers, the questionnaire Priya's ("Call with Priya: she sent the security questionnaire")."""
    from agents.context import build_context
    from agents.thanks import thanks_problems
    from tests.agents.conftest import NOW, load_record
    record, scores = load_record("hubspot_deal")
    ctx = build_context(record, scores, now=NOW)
    both = "Thank you for sending over the security questionnaire, and for the sign-off on November 18."
    assert thanks_problems(both, ctx, "501") == ["thanks the recipient for what the record credits to Priya"]
    assert thanks_problems("Thank you for the sign-off on November 18.", ctx, "501") == []


# Set 24's misses, fixed by kind after its first measurement (in-sample), with look-alikes of each kind.
SET24_KINDS_REFUSED = [
    ('es_opportunity', "Li fem un descompte del dotze per cent si signa aquest mes."),
    ('fr_deal', "Comme convenu avec votre directeur général, M. Bernard, la proposition lui sera adressée."),
    ('hubspot_deal', "Marcus booked the order yesterday."),
]
SET24_KINDS_PASSING = [
    ('salesforce_opportunity', "Tom has booked the review with the partners, so the decision stays on track for December."),
    ("hubspot_deal", "Marcus has booked a call with his team to go through the proposal."),
]


@pytest.mark.parametrize(("record_name", "sentence"), SET24_KINDS_REFUSED)
def test_set_24s_kinds_are_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS)


@pytest.mark.parametrize(("record_name", "sentence"), SET24_KINDS_PASSING)
def test_set_24s_look_alikes_pass(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS) == []


def test_a_word_of_the_records_own_company_name_shortens_no_other_customers_name():
    """Set 24's 042: "Harbor Dental Group" is not "Harbour Dental Care Ltd" shortened; "Grp Delorme" still is."""
    from agents.name_abbreviations import abbreviated_first
    assert not abbreviated_first("harbour", "dental", "the harbor dental group partners", frozenset({"harbor"}))
    assert abbreviated_first("harbour", "dental", "the harbor dental group partners")
    assert abbreviated_first("groupe", "delorme", "le grp delorme a tout déployé", frozenset({"harbor"}))


def test_a_us_citys_time_in_german_is_read_in_the_recipients_zone():
    """Quality set 24's de-b7: "14 Uhr Chicagoer Zeit" is 21:00 in Berlin."""
    from agents.clock_times import clock_hours
    assert clock_hours("Dienstag, 1. Dezember, um 14 Uhr Chicagoer Zeit") == [
        ("um 14 Uhr Chicagoer Zeit", 14.0, "America/Chicago")]
