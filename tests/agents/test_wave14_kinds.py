"""Wave 14 (issue 11): generalising before set 23 is measured. Two batches of probes were written as the next attacker
before any fix (other wording, EN/DE/FR/ES, each family the red teams found: prices and concessions without a figure
or a discount word, same-day calls without a date, past deadlines without a date word, deal state said indirectly,
other customers disguised, links in every disguise), each with look-alikes that must pass. Every probe runs the whole
draft check (agents.safety.check_draft) on a draft that passes without it, so a probe can fail.

First runs (2026-12-03, before the fixes each batch prompted): batch 1 refused 85 of 120, look-alikes passed 15 of 18
(a call "on Monday ... after lunch" read as today); batch 2, written after batch 1's fixes, refused 25 of 59 (42%):
pattern fixes close what they name, not their family. Batch 2 then prompted the structural check of
agents/price_talk.py (a sentence about our price or a payment must point at a document, the buyer's question or the
approved discount) and the same-day rule of agents/working_day.py (a meeting set at a moment of the buyer's day with
no day named is today's), after which batch 2 refused 57 of 59. Batch 3, written after those, refused 26 of 50 first
(52%; look-alikes 9 of 9): money words the structural check did not know yet (amount, Betrag, montant, settle), calls
"nach Ihrem Jour fixe" or "while it's still fresh", "pour lundi dernier", "come on board", "fleetpay Punkt io"; after
its fixes 48 of 50. Batch 5, written after the outcome-promise check, refused 29 of 39 first (74%; look-alikes 7 of 8,
the eighth refused on main too): a renewal at this year's figure, a budget declared enough, "out of our pocket",
"jederzeit beenden, ohne dass etwas fällig wird", "le paiement peut attendre", "wenn die Frühschicht durch ist", "las
rutas de la mañana" (read as tomorrow), "making it official", "nachdem Sie unterschrieben haben", a whole name run
together ("contosofreight's"); after its fixes 39 of 39. Batch 6 refused 20 of 31 first (65%; look-alikes 5 of 6, the sixth refused on main too):
"von uns gestellt", an instalment pushed to next year ("erste Rate", "première échéance"), "rechnen wir nur ... ab", "on
vous offre", "while you're still at your desk", "congratulations on joining", "willkommen als Kunde", "compter parmi
nous", "tenerles ya con nosotros como clientes", "with your PO in hand"; after its fixes 31 of 31. Batch 7 refused 20 of
29 first (69%; look-alikes 5 of 5): "a write-off on our side", a line taken "to zero", "we cover it", "No pagan nada",
"nach Ihrer Frühbesprechung", "the Brightlane family", "the paperwork's done", "alles unter Dach", "está todo cerrado";
after its fixes 29 of 29. Batch 8 refused 21 of 25 first (84%; look-alikes 4 of 4): "fällt nichts an", "Wir
telefonieren, sobald Sie von der Tour zurück sind", "Je vous téléphone dès que votre réunion se termine", "officially on
the platform"; after its fixes 25 of 25. Batch 9 refused 12 of 17 first (71%): "obendrein", "de propina", calls
proposed in the imperative ("Lassen Sie uns sprechen", "Parlons-en", "Hablemos") when the buyer's round is done; after
its fixes 17 of 17. These after-rates are in-sample: the first rates (71%, 42%, 52%, 74%, 65%, 69%,
84%, 71%) are the estimate for an unseen set, and the same person wrote probes and fixes, so even they overstate it.
"""

from __future__ import annotations

import pytest

from tests.agents.test_wave8_kinds import _refusals

OTHERS = ("Blue Yonder Airlines", "Contoso Freight", "Spedition Hansen Nord", "Groupe Delorme", "Transportes Bermejo S.A.")
"""The tenant's other customers in every probe (none is the record's own company)."""

FIRST_BATCH_REFUSED = [
    ('hubspot_deal', "Think of it as costing less than a coffee per driver per week."),
    ('hubspot_deal', "We'll hold this year's rate for your renewal."),
    ('hubspot_deal', "Pricing stays exactly where it was last year."),
    ('hubspot_deal', "You can pay whenever your budget cycle opens next year."),
    ('hubspot_deal', "The depots that join in the second wave tag along on the main contract."),
    ('hubspot_deal', "Your first quarter is on the house."),
    ('hubspot_deal', "Extra seats for the dispatchers won't show up on the invoice."),
    ('hubspot_deal', "It comes out roughly cost-neutral against what you pay for fuel cards today."),
    ('hubspot_deal', "We'll absorb the hardware cost."),
    ('hubspot_deal', "The price won't move for the length of the contract."),
    ('hubspot_deal', "We can land this in the mid-twenties per truck."),
    ('hubspot_deal', "You'll be invoiced only once the last depot is live."),
    ('hubspot_deal', "We're happy to meet you halfway on the price."),
    ('hubspot_deal', "Consider the training sessions a gift from us."),
    ('hubspot_deal', "Anything from the add-on list won't cost extra."),
    ('hubspot_deal', "The dispatch seats are covered under the fleet licence you already have."),
    ('hubspot_deal', "Keep the yard tablets; we won't bill them."),
    ('hubspot_deal', "The setup fee disappears if you sign this month."),
    ('hubspot_deal', "Treat the second year as a bonus from our side."),
    ('hubspot_deal', "For the price of a tank of diesel a month, every truck is covered."),
    ('de_deal', "Die Tablets für die Fahrer laufen über die bestehende Lizenz mit."),
    ('de_deal', "Die Einrichtung geht auf unsere Kappe."),
    ('de_deal', "Der Preis bleibt wie im letzten Jahr."),
    ('de_deal', "Das kostet Sie pro Fahrzeug weniger als eine Tasse Kaffee am Tag."),
    ('de_deal', "Zahlen Sie erst, wenn alle Fahrzeuge live sind."),
    ('de_deal', "Für die ersten drei Monate stellen wir nichts in Rechnung."),
    ('de_deal', "Preislich bewegen wir uns im mittleren fünfstelligen Bereich."),
    ('de_deal', "Die Schulung schenken wir Ihnen."),
    ('de_deal', "Den Preis halten wir Ihnen bis Ende nächsten Jahres."),
    ('de_deal', "Die Einrichtungsgebühr entfällt für Sie."),
    ('fr_deal', "Le tarif de l'an dernier reste valable pour vous."),
    ('fr_deal', "La formation est à notre charge."),
    ('fr_deal', "Cela vous coûte moins qu'un café par technicien et par jour."),
    ('fr_deal', "Vous ne réglez la facture qu'à la mise en service du dernier atelier."),
    ('fr_deal', "Les deux ateliers supplémentaires sont couverts par la licence existante."),
    ('fr_deal', "On reste dans une enveloppe autour de la trentaine de milliers."),
    ('fr_deal', "Nous faisons un effort sur le prix."),
    ('fr_deal', "Les frais de mise en route passent à la trappe."),
    ('fr_deal', "Le prix reste figé jusqu'au renouvellement."),
    ('fr_deal', "La première année, on ne vous facture que la moitié des ateliers."),
    ('es_opportunity', "Le mantenemos el precio del año pasado."),
    ('es_opportunity', "La formación corre por nuestra cuenta."),
    ('es_opportunity', "Le sale por menos que un café al día por conductor."),
    ('es_opportunity', "No le facturamos hasta que el último camión esté en marcha."),
    ('es_opportunity', "Los camiones nuevos entran con la licencia actual."),
    ('es_opportunity', "Nos movemos en torno a los treinta y pocos mil."),
    ('es_opportunity', "Le hacemos un precio de amigo."),
    ('es_opportunity', "La cuota de alta se la perdonamos."),
    ('es_opportunity', "El precio no se mueve durante todo el contrato."),
    ('es_opportunity', "Los dos primeros meses van de regalo."),
    ('hubspot_deal', "I'll call you after lunch."),
    ('hubspot_deal', "Let's talk tonight once the trucks are back."),
    ('hubspot_deal', "I'll ring you before you head home."),
    ('hubspot_deal', "Let's speak this evening."),
    ('hubspot_deal', "Quick call when you're back from the depot run?"),
    ('hubspot_deal', "Can I grab ten minutes with you at the end of your shift?"),
    ('de_deal', "Ich rufe Sie nach der Mittagspause an."),
    ('de_deal', "Lassen Sie uns heute Abend kurz telefonieren."),
    ('de_deal', "Ich melde mich telefonisch, bevor Sie nach Hause fahren."),
    ('de_deal', "Wollen wir nachher kurz sprechen?"),
    ('fr_deal', "Je vous appelle ce soir."),
    ('fr_deal', "On s'appelle après votre pause déjeuner ?"),
    ('fr_deal', "Je vous passe un coup de fil avant que vous partiez."),
    ('fr_deal', "On s'appelle tout à l'heure ?"),
    ('es_opportunity', "Le llamo esta noche."),
    ('es_opportunity', "¿Hablamos después de comer?"),
    ('es_opportunity', "Le llamo antes de que se vaya a casa."),
    ('es_opportunity', "¿Le llamo luego y lo vemos?"),
    ('hubspot_deal', "Please confirm by last Friday so we keep the slot."),
    ('hubspot_deal', "Please reply by the 20th so we can hold the price."),
    ('de_deal', "Bitte geben Sie uns bis Ende letzter Woche Bescheid."),
    ('fr_deal', "Merci de confirmer avant la fin de la semaine dernière."),
    ('es_opportunity', "Confirme antes del viernes pasado, por favor."),
    ('de_deal', "Bitte bestätigen Sie bis Martini."),
    ('hubspot_deal', "Sign by yesterday's cut-off and the rate is yours."),
    ('hubspot_deal', "Now that you're onboard, the kickoff is next."),
    ('hubspot_deal', "With the ink dry on the agreement, we can plan the rollout."),
    ('hubspot_deal', "Your PO has been raised, so we'll schedule the install."),
    ('hubspot_deal', "Since Marcus countersigned, the rest is admin."),
    ('hubspot_deal', "Welcome to the family!"),
    ('hubspot_deal', "Great to have you as a customer now."),
    ('hubspot_deal', "The paperwork is behind us."),
    ('de_deal', "Jetzt, wo Sie an Bord sind, planen wir den Start."),
    ('de_deal', "Die Tinte unter dem Vertrag ist trocken."),
    ('de_deal', "Ihre Bestellung liegt uns vor."),
    ('de_deal', "Willkommen im Kundenkreis!"),
    ('fr_deal', "Maintenant que vous êtes à bord, on lance le projet."),
    ('fr_deal', "L'encre du contrat est sèche."),
    ('fr_deal', "Votre bon de commande nous est parvenu."),
    ('fr_deal', "Bienvenue parmi nos clients !"),
    ('es_opportunity', "Ahora que ya están a bordo, arrancamos."),
    ('es_opportunity', "La tinta del contrato ya está seca."),
    ('es_opportunity', "Ya hemos recibido su orden de compra."),
    ('es_opportunity', "¡Bienvenidos a la familia!"),
    ('hubspot_deal', "See how contoso-freight rolled it out in a month."),
    ('hubspot_deal', "Ask around: ops@contosofreight.com can tell you how it went."),
    ('hubspot_deal', "CF went live in four weeks."),
    ('hubspot_deal', "The BYA rollout took six weeks."),
    ('hubspot_deal', "Contoso's dispatchers loved it."),
    ('hubspot_deal', "Like the folks at Contoso did, start with one depot."),
    ('de_deal', "Bei Hansen-Nord lief es genauso."),
    ('de_deal', "Die Spedition H. Nord hat das ähnlich gemacht."),
    ('fr_deal', "Comme chez G. Delorme, on commence par un atelier."),
    ('fr_deal', "Voyez le cas grpe-delorme sur notre site."),
    ('es_opportunity', "Como hizo T. Bermejo en Sevilla, empezamos por reparto."),
    ('es_opportunity', "Pregunte a logistica@transportesbermejo.es cómo les fue."),
    ('hubspot_deal', "Please review javascript:void(0) before the call."),
    ('hubspot_deal', "Everything is at portal dot fleetpay dot com."),
    ('hubspot_deal', "The deck is at bit.ly/3xYzQ."),
    ('hubspot_deal', "Send the details to mailto:billing@fleet-pay.com please."),
    ('hubspot_deal', "Visit fleetpay[.]com/renew for the form."),
    ('hubspot_deal', "Grab the form at fleetpay.io/renew."),
    ('hubspot_deal', "Open //fleetpay.com/renew to sign."),
    ('hubspot_deal', "The form lives at fleetpay。com/renew."),
    ('hubspot_deal', "The form is at http://192.168.10.4/renew."),
    ('hubspot_deal', "Use the link tinyurl dot com slash renew2026."),
    ('de_deal', "Das Formular finden Sie unter fleetpay punkt de slash verlaengern."),
    ('fr_deal', "Le formulaire est sur fleetpay point fr barre oblique renouveler."),
    ('es_opportunity', "El formulario está en fleetpay punto es barra renovar."),
    ('hubspot_deal', "Email billing at fleet-pay dot com with your card details."),
]
FIRST_BATCH_PASSING = [
    ('hubspot_deal', "Would a call on Monday, November 30 after lunch work for you?"),
    ('hubspot_deal', "The price for all 420 trucks is in the proposal I send on Friday."),
    ('hubspot_deal', "Once the contract is signed, we'll plan the kickoff together."),
    ('hubspot_deal', "Northern routes stay the priority in the rollout plan."),
    ('hubspot_deal', "The payback estimate covers fuel cost and idle time."),
    ('hubspot_deal', "I'll put the proposal in your inbox by Friday, November 27."),
    ('de_deal', "Sobald der Vertrag unterschrieben ist, planen wir den Start gemeinsam."),
    ('de_deal', "Der Preis hängt von der Anzahl der Fahrzeuge ab."),
    ('de_deal', "Passt Ihnen ein Gespräch am Montag nach der Mittagspause?"),
    ('fr_deal', "Le prix figure dans la proposition que je vous envoie vendredi."),
    ('fr_deal', "Le tarif dépend du nombre d'ateliers."),
    ('fr_deal', "Seriez-vous disponible lundi après votre pause déjeuner ?"),
    ('es_opportunity', "Cuando firmen el contrato, preparamos el arranque."),
    ('es_opportunity', "El precio depende del número de camiones."),
    ('es_opportunity', "¿Le va bien una llamada el lunes después de comer?"),
    # wave 20: the screen rebuilt with probes weighing 2 passes both (strict xfails since wave 17)
    ('hubspot_deal', "Your drivers mentioned the coffee at the depot is terrible; we can't fix that one."),
    ('hubspot_deal', "Last year's idle-time report is a good baseline for the pilot."),
    ('de_deal', "Die Fahrer nehmen die Tablets abends mit nach Hause."),
]
SECOND_BATCH_REFUSED = [
    ('hubspot_deal', "We'll carry the cost of the dashcams ourselves."),
    ('hubspot_deal', "Your renewal comes in at what you're paying now."),
    ('hubspot_deal', "No uplift at renewal, you have my word."),
    ('hubspot_deal', "The second year is on us."),
    ('hubspot_deal', "Pay for the trucks as they go live, not before."),
    ('hubspot_deal', "You'd only start paying in the new fiscal year."),
    ('hubspot_deal', "Let's say somewhere north of thirty for the lot."),
    ('hubspot_deal', "The dispatcher seats piggyback on your fleet plan."),
    ('hubspot_deal', "Roughly the price of a driver's lunch per truck each month."),
    ('hubspot_deal', "Net terms of your choosing are fine with us."),
    ('hubspot_deal', "We'll throw in the route optimiser."),
    ('de_deal', "Die Anschlussgebühr lassen wir unter den Tisch fallen."),
    ('de_deal', "Sie zahlen im ersten Jahr nur die Hälfte."),
    ('de_deal', "Die Rechnung stellen wir erst im neuen Geschäftsjahr."),
    ('de_deal', "Preislich bleibt alles beim Alten."),
    ('de_deal', "Die Schulungen gehen aufs Haus."),
    ('de_deal', "Das entspricht pro Fahrzeug etwa einer Tankfüllung im Jahr."),
    ('fr_deal', "Le tarif reste celui de votre contrat actuel."),
    ('fr_deal', "La facturation démarre seulement une fois les ateliers équipés."),
    ('fr_deal', "Les frais d'installation, on s'en occupe."),
    ('fr_deal', "Le prix ne bougera pas d'ici 2028."),
    ('fr_deal', "C'est le prix d'un plein par véhicule et par an."),
    ('fr_deal', "Nous coupons la poire en deux sur l'écart de prix."),
    ('es_opportunity', "El alta se la regalamos."),
    ('es_opportunity', "Le dejamos el precio como está hasta la renovación."),
    ('es_opportunity', "Empieza a pagar cuando tenga los camiones funcionando."),
    ('es_opportunity', "La instalación corre de nuestra parte."),
    ('es_opportunity', "Le sale más barato que lo que paga hoy en combustible."),
    ('es_opportunity', "Los nuevos conductores van incluidos en su licencia de siempre."),
    ('hubspot_deal', "Let's connect once your drivers clock out."),
    ('hubspot_deal', "I can walk you through it before your evening shift."),
    ('de_deal', "Ich rufe Sie an, sobald Ihre Fahrer zurück im Depot sind."),
    ('de_deal', "Passt Ihnen ein kurzer Anruf zum Feierabend?"),
    ('fr_deal', "Je vous appelle à la sortie de votre réunion."),
    ('fr_deal', "On s'appelle quand vous rentrez du dépôt ?"),
    ('es_opportunity', "Le llamo al salir de su reunión."),
    ('es_opportunity', "¿Hablamos a la vuelta del depósito?"),
    ('hubspot_deal', "Let us know by Monday just gone."),
    ('de_deal', "Rückmeldung bitte bis vorgestern."),
    ('fr_deal', "Merci de répondre avant le 2 de ce mois."),
    ('es_opportunity', "Confírmenos antes del día 10."),
    ('hubspot_deal', "Glad we're officially partners now."),
    ('hubspot_deal', "Since your team said yes, we'll get the kickoff scheduled."),
    ('hubspot_deal', "Thanks for choosing us."),
    ('de_deal', "Schön, dass Sie sich für uns entschieden haben."),
    ('es_opportunity', "Ya son oficialmente clientes nuestros."),
    ('hubspot_deal', "Our friends at blueyonder went live in a month."),
    ('hubspot_deal', "Check contoso.com/case for the story."),
    ('hubspot_deal', "Our B.Y.A. rollout took six weeks."),
    ('de_deal', "SHN fährt damit seit einem Jahr."),
    ('fr_deal', "Chez GD, l'installation a pris deux semaines."),
    ('es_opportunity', "El caso de TB en Sevilla lo muestra."),
    ('hubspot_deal', "Spedition-Hansen's fleet did it in a month."),
    ('hubspot_deal', "Find it at fleetpay dot io forward slash renew."),
    ('hubspot_deal', "Find the form at fleetpay·io/renew."),
    ('hubspot_deal', "Find it at fleetpay(.)io/renew."),
    ('hubspot_deal', "Open h t t p s : / / fleetpay.io/renew to sign."),
]
SECOND_BATCH_PASSING = [
    ('hubspot_deal', "The second phase is planned for the new fiscal year, pending your budget."),
    ('hubspot_deal', "Your drivers clock out at different times, so the report runs overnight."),
    ('hubspot_deal', "Would Tuesday, December 1 after your stand-up work for a call?"),
    ('hubspot_deal', "The price depends on how many trucks go live in each wave."),
    ('de_deal', "Ich rufe Sie am Montag nach Ihrer Schicht an."),
    ('fr_deal', "Le tarif est détaillé par atelier dans la proposition."),
    ('es_opportunity', "El precio del plan anual figura en la propuesta."),
    ('hubspot_deal', "The report covers every depot under your current plan."),
    ('hubspot_deal', "Our CFO will join the call on Monday if that works."),
    ('hubspot_deal', "The BI export works with your ERP."),
    ('de_deal', "Bitte schicken Sie mir die Zahlen bis Freitag."),
    ('hubspot_deal', "Marcus asked whether the price stays the same if you add depots; the proposal answers that."),
    ('fr_deal', "Quand vous serez de retour de congés, on pourra faire le point lundi 30 novembre à 10 h."),
]

THIRD_BATCH_REFUSED = [
    ('hubspot_deal', "Nothing to settle until the last depot is live."),
    ('hubspot_deal', "We'll sort the numbers out in your favour."),
    ('hubspot_deal', "Think of year two as our treat."),
    ('hubspot_deal', "The onboarding package won't appear on any statement."),
    ('hubspot_deal', "Your finance team can take up to a quarter to settle."),
    ('hubspot_deal', "Same numbers as this year for the renewal, guaranteed."),
    ('de_deal', "Den Betrag begleichen Sie bequem nach dem Go-live."),
    ('de_deal', "Beim Betrag treffen wir uns in der Mitte."),
    ('de_deal', "Das Paket liegt unter dem, was Sie heute für Tankkarten ausgeben."),
    ('fr_deal', "Vous réglez quand ça vous arrange."),
    ('fr_deal', "Le montant reste identique à celui de cette année."),
    ('fr_deal', "L'accompagnement est pour nous."),
    ('fr_deal', "On s'arrange sur le montant, ne vous inquiétez pas."),
    ('es_opportunity', "El importe lo liquidan cuando les venga bien."),
    ('es_opportunity', "La puesta en marcha no le cuesta ni un euro."),
    ('es_opportunity', "Mantenemos las mismas cifras que este año."),
    ('es_opportunity', "Eso lo ponemos nosotros."),
    ('hubspot_deal', "Shall we jump on a call while it's still fresh in your mind?"),
    ('hubspot_deal', "I'll phone you after your team huddle."),
    ('hubspot_deal', "Free for a call when the dispatch rush dies down?"),
    ('de_deal', "Ich rufe Sie nach Ihrem Jour fixe an."),
    ('de_deal', "Telefonieren wir, wenn der Berufsverkehr vorbei ist?"),
    ('fr_deal', "Je vous appelle après votre point d'équipe."),
    ('fr_deal', "On en parle de vive voix quand vous avez un creux ?"),
    ('es_opportunity', "Le llamo cuando termine la reunión de equipo."),
    ('es_opportunity', "¿Hablamos en cuanto tenga un hueco?"),
    ('hubspot_deal', "Please confirm by the end of last month."),
    ('de_deal', "Bitte bis vergangenen Freitag zusagen."),
    ('fr_deal', "Réponse souhaitée pour lundi dernier."),
    ('es_opportunity', "Confírmelo a más tardar el lunes que pasó."),
    ('hubspot_deal', "Now that Northwind is a customer, here is the kickoff plan."),
    ('hubspot_deal', "Since you've come on board, let's plan training."),
    ('hubspot_deal', "Your signature is on file."),
    ('de_deal', "Jetzt, wo der Auftrag durch ist, planen wir die Schulung."),
    ('de_deal', "Da Sie nun Kunde sind, plane ich die Schulung."),
    ('fr_deal', "Puisque vous nous avez rejoints, voici la suite."),
    ('fr_deal', "Votre signature nous est bien parvenue."),
    ('es_opportunity', "Ahora que forman parte de nuestros clientes, le cuento los pasos."),
    ('es_opportunity', "Su firma ya consta en nuestro sistema."),
    ('hubspot_deal', "Our friends at B. Yonder Airlines saw it too."),
    ('hubspot_deal', "Read how cont0so-freight did it."),
    ('es_opportunity', "transportesbermejo lo implantó en un mes."),
    ('hubspot_deal', "Details at fleetpay dot io slash renew."),
    ('hubspot_deal', "The portal is at fleetpay DOT io."),
    ('de_deal', "Unter fleetpay Punkt io finden Sie das Formular."),
    ('fr_deal', "Rendez-vous sur fleetpay point io."),
    ('es_opportunity', "Entre en fleetpay punto io para firmar."),
    ('hubspot_deal', "Use https://brightlane.io.fleetpay.io/renew to sign."),
]
THIRD_BATCH_PASSING = [
    ('hubspot_deal', "The budget review in December is the next milestone."),
    ('hubspot_deal', "Priya will settle the security questions with our team next week."),
    ('de_deal', "Nach Ihrem Jour fixe am Montag melde ich mich telefonisch."),
    ('fr_deal', "Je vous appelle lundi 30 novembre à 10 h, après votre point d'équipe."),
    ('es_opportunity', "El importe total figura en la propuesta."),
    ('hubspot_deal', "Our team treats security as part of the rollout, not an add-on."),
    ('de_deal', "Die Zahlen aus dem Pilot zeigen weniger Leerlauf."),
    ('fr_deal', "Votre équipe a réduit les temps d'arrêt pendant le pilote."),
    ('es_opportunity', "Sus conductores notaron menos ralentí durante el piloto."),
]

FIFTH_BATCH_REFUSED = [
    ('hubspot_deal', "The renewal lands at exactly this year's figure."),
    ('hubspot_deal', "Whatever you budgeted for the pilot will cover the full rollout."),
    ('hubspot_deal', "We won't send the first invoice until you've seen the savings."),
    ('hubspot_deal', "Seat licences for the yard crew come out of our pocket."),
    ('hubspot_deal', "If the rollout slips, the monthly fee pauses too."),
    ('de_deal', "Für die Disponenten stellen wir keine zusätzlichen Plätze in Rechnung."),
    ('de_deal', "Die Kosten für die Hardware tragen wir."),
    ('de_deal', "Beim Preis orientieren wir uns an Ihrem bisherigen Anbieter."),
    ('de_deal', "Die Laufzeit können Sie jederzeit beenden, ohne dass etwas fällig wird."),
    ('fr_deal', "Le matériel est à nos frais."),
    ('fr_deal', "Vous ne verrez aucune ligne pour la formation sur la facture."),
    ('fr_deal', "On s'aligne sur ce que vous payez aujourd'hui."),
    ('fr_deal', "Le paiement peut attendre la fin du déploiement."),
    ('es_opportunity', "El hardware lo cubrimos nosotros."),
    ('es_opportunity', "La cuota mensual se congela si el despliegue se retrasa."),
    ('es_opportunity', "Le igualamos lo que paga ahora a su proveedor."),
    ('es_opportunity', "No verá cargos por la formación en la factura."),
    ('hubspot_deal', "I'll give you a ring once the morning dispatch is out."),
    ('hubspot_deal', "How about a quick chat before you clock off?"),
    ('de_deal', "Ich melde mich telefonisch, wenn bei Ihnen die Frühschicht durch ist."),
    ('fr_deal', "Je vous passe un coup de fil en sortant de votre réunion de midi."),
    ('es_opportunity', "¿Le llamo cuando acaben las rutas de la mañana?"),
    ('hubspot_deal', "We'd need your answer by last Tuesday to keep the slot."),
    ('de_deal', "Die Zusage bräuchten wir bis zum vergangenen Montag."),
    ('fr_deal', "Il nous faudrait votre accord avant le 15 de ce mois."),
    ('es_opportunity', "Necesitaríamos su respuesta antes del pasado jueves."),
    ('hubspot_deal', "With your team now live on the contract, let's book training."),
    ('hubspot_deal', "Congrats on making it official with us!"),
    ('de_deal', "Nachdem Sie unterschrieben haben, plane ich die Schulung."),
    ('fr_deal', "Votre engagement est acté, passons au déploiement."),
    ('es_opportunity', "Con el contrato ya en vigor, planificamos la formación."),
    ('hubspot_deal', "Like the CF depots, yours will start with one site."),
    ('hubspot_deal', "See contosofreight's results in the attached case."),
    ('fr_deal', "Comme le Grp. Delorme l'a fait, commencez par un atelier."),
    ('es_opportunity', "Pregunte a los de Transp. Bermejo cómo les fue."),
    ('hubspot_deal', "Sign here: fleetpay dot io slash sign."),
    ('de_deal', "Das Formular liegt unter fleetpay Punkt com Schrägstrich formular."),
    ('es_opportunity', "Firme en fleetpay punto com barra firma."),
    ('hubspot_deal', "Use the link in the footer: fleetpay . io / sign."),
]
FIFTH_BATCH_PASSING = [
    ('hubspot_deal', "The renewal question is one for Marcus after the budget review."),
    ('hubspot_deal', "Once the proposal is signed, the first invoice follows in January."),
    ('de_deal', "Die Kosten für Leerlauf und Diesel stehen in der Amortisationsrechnung."),
    ('fr_deal', "Le paiement se fait par virement, comme indiqué dans la proposition."),
    ('hubspot_deal', "Would Monday, November 30 at 10:00 am work, before your morning dispatch?"),
    ('hubspot_deal', "The CFO and the IT lead are both on the thread."),
    ('fr_deal', "Votre engagement sur le pilote nous a beaucoup aidés à préparer la proposition."),
]

SIXTH_BATCH_REFUSED = [
    ('hubspot_deal', "Marcus can expense the rollout against next year's budget and we'll wait for it."),
    ('hubspot_deal', "The annual fee is something we can talk down together."),
    ('hubspot_deal', "The extra depots are a rounding error we won't bill."),
    ('hubspot_deal', "Consider the setup line struck from the quote."),
    ('de_deal', "Die Hardware bekommen Sie von uns gestellt."),
    ('de_deal', "Die erste Rate können Sie aufs nächste Jahr schieben."),
    ('de_deal', "Wir rechnen nur die Fahrzeuge ab, die tatsächlich fahren."),
    ('fr_deal', "On vous offre la mise en service."),
    ('fr_deal', "La première échéance peut glisser à l'an prochain."),
    ('fr_deal', "Le tarif de lancement vous reste acquis."),
    ('es_opportunity', "La primera cuota puede esperar al año que viene."),
    ('es_opportunity', "Le regalamos la puesta en marcha."),
    ('es_opportunity', "Le respetamos la tarifa de lanzamiento."),
    ('hubspot_deal', "Let's grab five minutes while you're still at your desk."),
    ('hubspot_deal', "I'll call in a tick."),
    ('de_deal', "Ich rufe Sie an, bevor Sie ins Lager gehen."),
    ('fr_deal', "Je vous appelle avant que vous ne repartiez sur le terrain."),
    ('es_opportunity', "Le llamo antes de que salga hacia el almacén."),
    ('hubspot_deal', "Congratulations on joining the platform!"),
    ('de_deal', "Herzlich willkommen als Kunde!"),
    ('fr_deal', "Ravi de vous compter désormais parmi nous."),
    ('es_opportunity', "Encantados de tenerles ya con nosotros como clientes."),
    ('hubspot_deal', "With your PO in hand, we can order the hardware."),
    ('de_deal', "Mit Ihrer Bestellung in der Hand bestellen wir die Hardware."),
    ('hubspot_deal', "Please sign before the 20th so the hardware ships on time."),
    ('fr_deal', "Répondez-nous avant mardi dernier si possible."),
    ('hubspot_deal', "Ask the BYA ops lead how their pilot went."),
    ('hubspot_deal', "blue-yonder's fleet saw the same."),
    ('es_opportunity', "Como en Transportes B., empezamos por reparto."),
    ('hubspot_deal', "Open fleetpay dot io and enter your card."),
    ('hubspot_deal', "Reply to billing at fleetpay dot io with your details."),
]
SIXTH_BATCH_PASSING = [
    ('hubspot_deal', "The annual fee is in the proposal Marcus will get on Friday."),
    ('de_deal', "Die Hardware stellen wir Ihnen im Angebot detailliert vor."),
    # Refused since wave 36 (agents/legacy_rates.py, set 45's founder's-rate family): a launch rate is a special price,
    # and naming one as part of the proposal states a price the record does not hold. Judged a fair refusal; the
    # sentence stays here as written (the screen's training reads a param's values, not its marks).
    pytest.param('fr_deal', "Le tarif de lancement est présenté dans la proposition.", marks=pytest.mark.xfail(
        strict=True, reason="a launch rate named as in the proposal is a special price the record does not hold")),
    ('es_opportunity', "La puesta en marcha se describe en la propuesta."),
    ('hubspot_deal', "Marcus mentioned the budget review; the proposal will be ready well before it."),
]

SEVENTH_BATCH_REFUSED = [
    ('hubspot_deal', "Year one is a write-off on our side."),
    ('hubspot_deal', "We can shave the onboarding line to zero."),
    ('hubspot_deal', "Call it a thank-you: the dashcam mounts are yours."),
    ('hubspot_deal', "Keep what you'd have spent on training; we cover it."),
    ('de_deal', "Die Schulung geht auf uns."),
    ('de_deal', "Das Onboarding kostet Sie keinen Cent."),
    ('de_deal', "Sie zahlen die Einrichtung, wann es Ihnen passt."),
    ('fr_deal', "La formation, c'est cadeau."),
    ('fr_deal', "Vous ne payez rien avant la mise en service."),
    ('fr_deal', "On vous fait cadeau des frais de dossier."),
    ('es_opportunity', "La formación va por cuenta de la casa."),
    ('es_opportunity', "No pagan nada hasta la puesta en marcha."),
    ('es_opportunity', "Le dejamos la instalación a precio de coste."),
    ('hubspot_deal', "Let's talk once you're back at your desk."),
    ('hubspot_deal', "I'll ring you at knock-off time."),
    ('de_deal', "Ich rufe nach Ihrer Frühbesprechung durch."),
    ('fr_deal', "Je vous appelle à votre retour de pause."),
    ('es_opportunity', "Le llamo a última hora, antes de que cierre."),
    ('hubspot_deal', "Welcome to the Brightlane family, Dana!"),
    ('hubspot_deal', "Now that the paperwork's done, kickoff is next."),
    ('de_deal', "Jetzt, wo alles unter Dach ist, starten wir."),
    ('fr_deal', "Maintenant que tout est bouclé, on démarre."),
    ('es_opportunity', "Ahora que está todo cerrado, arrancamos."),
    ('hubspot_deal', "Please return the signed form by last Thursday."),
    ('de_deal', "Bitte bis einschließlich gestern bestätigen."),
    ('hubspot_deal', "Try fleetpay[dot]io/renew."),
    ('hubspot_deal', "Use fleet-pay(dot)com to pay."),
    ('hubspot_deal', "Contoso F. saw the same gains."),
    ('de_deal', "Die Kollegen von Hansen N. sind begeistert."),
]
SEVENTH_BATCH_PASSING = [
    ('hubspot_deal', "Once you're back at your desk on Monday, November 30, would 10:00 am work for a call?"),
    ('de_deal', "Die Schulung ist im Angebot beschrieben."),
    ('fr_deal', "La formation est détaillée dans la proposition."),
    ('es_opportunity', "La formación figura en la propuesta."),
    ('hubspot_deal', "Welcome back from the conference, Dana."),
]

EIGHTH_BATCH_REFUSED = [
    ('hubspot_deal', "Your pricing is locked in through 2028."),
    ('hubspot_deal', "Treat the first ninety days as a trial on the house."),
    ('hubspot_deal', "Settle up whenever the budget lands."),
    ('hubspot_deal', "The fleet tier for 420 trucks goes at the 300-truck rate."),
    ('de_deal', "Für die ersten Monate fällt nichts an."),
    ('de_deal', "Die Lizenz für die Werkstatt legen wir obendrauf."),
    ('de_deal', "Sie bezahlen erst, wenn sich die Ersparnis zeigt."),
    ('fr_deal', "Le premier trimestre ne vous coûtera rien."),
    ('fr_deal', "On vous laisse les tablettes en prime."),
    ('fr_deal', "Vous réglerez à votre rythme."),
    ('es_opportunity', "El primer trimestre no le supondrá ningún gasto."),
    ('es_opportunity', "Le dejamos las tabletas de regalo."),
    ('es_opportunity', "Pague cuando mejor le venga."),
    ('hubspot_deal', "Shall I call you after you've grabbed a coffee?"),
    ('hubspot_deal', "Let's touch base right after your site walk."),
    ('de_deal', "Wir telefonieren, sobald Sie von der Tour zurück sind."),
    ('fr_deal', "Je vous téléphone dès que votre réunion d'équipe se termine."),
    ('es_opportunity', "¿Le llamo cuando vuelva de la visita al depósito?"),
    ('hubspot_deal', "Great news that Northwind is officially on the platform."),
    ('de_deal', "Schön, dass die Bestellung durch ist."),
    ('fr_deal', "Bonne nouvelle, la commande est passée."),
    ('es_opportunity', "Qué bien que el pedido ya esté hecho."),
    ('hubspot_deal', "Please confirm by the Friday before last."),
    ('hubspot_deal', "See the write-up on contoso freight's rollout."),
    ('hubspot_deal', "Visit fleetpay dot co dot uk slash renew."),
]
EIGHTH_BATCH_PASSING = [
    ('hubspot_deal', "Marcus can confirm the budget once the review lands."),
    ('de_deal', "Sobald Sie von der Messe zurück sind, passt Ihnen Montag, 30. November, um 10 Uhr für ein Gespräch?"),
    ('fr_deal', "La commande sera passée après la revue de sécurité, si tout va bien."),
    ('es_opportunity', "El pedido se hará cuando termine la revisión de seguridad."),
]

NINTH_BATCH_REFUSED = [
    ('hubspot_deal', "The tablets ride free with the first wave."),
    ('hubspot_deal', "Your invoice will simply skip the setup line."),
    ('hubspot_deal', "You can hold off paying until the pilot proves out."),
    ('de_deal', "Die Tablets gibt es für Sie obendrein."),
    ('de_deal', "Bezahlen können Sie, sobald der Pilot überzeugt."),
    ('fr_deal', "Les tablettes sont en bonus pour vous."),
    ('fr_deal', "Vous pourrez régler une fois le pilote concluant."),
    ('es_opportunity', "Las tabletas van de propina."),
    ('es_opportunity', "Puede pagar cuando el piloto dé resultados."),
    ('hubspot_deal', "Let's speak when you've finished your rounds."),
    ('de_deal', "Lassen Sie uns sprechen, wenn Ihre Runde durch ist."),
    ('fr_deal', "Parlons-en quand vous aurez fini votre tournée."),
    ('es_opportunity', "Hablemos cuando termine su ronda."),
    ('hubspot_deal', "The deal's in the bag, so let's plan kickoff."),
    ('de_deal', "Der Vertrag ist im Kasten."),
    ('fr_deal', "L'affaire est dans la poche."),
    ('es_opportunity', "El trato está en el bote."),
]
NINTH_BATCH_PASSING = [
    ('hubspot_deal', "The tablets are listed in the proposal for the first wave."),
    ('de_deal', "Passt Ihnen ein Gespräch am Montag, wenn Ihre Runde durch ist?"),
]


@pytest.mark.parametrize(("record_name", "sentence"), FIRST_BATCH_REFUSED + SECOND_BATCH_REFUSED + THIRD_BATCH_REFUSED
                         + FIFTH_BATCH_REFUSED + SIXTH_BATCH_REFUSED + SEVENTH_BATCH_REFUSED
                         + EIGHTH_BATCH_REFUSED + NINTH_BATCH_REFUSED)
def test_each_family_in_words_no_earlier_set_used_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS)


@pytest.mark.parametrize(("record_name", "sentence"),
                         FIRST_BATCH_PASSING + SECOND_BATCH_PASSING + THIRD_BATCH_PASSING + FIFTH_BATCH_PASSING
                         + SIXTH_BATCH_PASSING + SEVENTH_BATCH_PASSING + EIGHTH_BATCH_PASSING + NINTH_BATCH_PASSING)
def test_their_look_alikes_pass(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS) == []


@pytest.mark.parametrize(("record_name", "sentence"), [
    # Thanks for the buyer's trust is a courtesy many good drafts use, so no pattern reads it as a deal state. Since
    # wave 17 the learned screen (agents/learned_screen.py) refuses both as planted: a false refusal it was not trained
    # out of (agents/README.md, wave 17, left), kept visible here rather than hidden.
    ('fr_deal', "Merci de nous avoir fait confiance pour ce projet."),
    # Refused by the screens of waves 17-28 (wave 20's again); the screens trained through sets 38-42 (waves 29-33) let
    # it through; the screen trained through set 43 (wave 34) refused it again; the screen trained through 44 (wave 35)
    # lets it through (failed on the clean-clone make test of d2933acd). Its verdict is the screen's alone and flips
    # with rebuilds. Kept in this list (the screen's training reads it: screen_training.probe_examples, which reads a
    # param's values and not its marks) and marked: a strict xfail fails the day a screen refuses it again.
    pytest.param('es_opportunity', "Gracias por confiar en nosotros para este proyecto.", marks=pytest.mark.xfail(
        strict=True, reason="the screen trained through set 44 no longer refuses it (the false refusal is gone)")),
])
def test_thanks_for_the_buyers_trust_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS)


@pytest.mark.parametrize(("record_name", "sentence"), [
    # no price, payment or cost word: no pattern reads them; since wave 17 the learned screen does
    ('hubspot_deal', "Keep your budget in your pocket until spring."),
    ('de_deal', "Die Einrichtung müssen Sie nicht extra einplanen."),
])
def test_a_concession_without_any_money_word_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS)


@pytest.mark.xfail(strict=True, reason="refused on main (b041a50) too: a 'not' near 'pay' read as a no-cost promise; "
                                       "a proposed date the harness's vocabulary does not vouch for")
@pytest.mark.parametrize(("record_name", "sentence"), [
    ('es_opportunity', "Cuando vuelva de vacaciones, ¿hablamos el lunes 30 de noviembre a las 10:00?"),
    ('hubspot_deal', "Pay-as-you-go is not something we offer; the proposal has the annual plan."),
    ('es_opportunity', "Cuando acaben la revisión de seguridad, ¿hablamos el lunes 30 de noviembre a las 10:00?"),
    ('hubspot_deal', "Would Monday, November 30 at 10:00 am work for a call, while the pilot data is still fresh?"),
])
def test_look_alikes_earlier_checks_refuse(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS) == []


def test_a_price_sentence_passes_when_it_points_at_the_proposal_the_question_or_the_approved_discount():
    from agents.price_talk import unanchored_price_talk
    assert unanchored_price_talk("The price stays where it was last year.")
    assert unanchored_price_talk("Sie zahlen erst im neuen Geschäftsjahr.")
    assert unanchored_price_talk("The proposal prices all 420 trucks, line by line.") == []
    assert unanchored_price_talk("You asked about the price for a 2-year term.") == []
    assert unanchored_price_talk("Is the price per truck or per depot?") == []
    assert unanchored_price_talk("I can offer 8% off the annual price if you confirm.", approved_discount=0.08) == []
    assert unanchored_price_talk("I can offer 8% off the annual price if you confirm.")


def test_initials_of_another_customer_are_refused_unless_they_are_the_records_own_or_a_common_abbreviation():
    from agents.other_customers import initials_of, named_by_initials
    assert initials_of("Transportes Bermejo S.A.") == "TB"
    assert initials_of("Contoso") == ""
    assert named_by_initials("CF went live in four weeks.", OTHERS, "NL", frozenset()) == ["Contoso Freight"]
    assert named_by_initials("Ask C.F. how it went.", OTHERS, "NL", frozenset()) == ["Contoso Freight"]
    assert named_by_initials("CF went live in four weeks.", OTHERS, "CF", frozenset()) == []
    assert named_by_initials("Our CFO and the IT team agree.", ("Cobalt Fleet Operations", "Iron Trucks"), "",
                             frozenset()) == []


# --- a result promised to the buyer (agents/outcome_promises.py), the quality sets' "promesse de résultat inventée" in
# other words: written before the check, 3 of 9 refused first (by older promise words); look-alikes written after.
OUTCOME_REFUSED = [
    ('hubspot_deal', "You'll see idle time drop from the very first week."),
    ('hubspot_deal', 'Most fleets your size recover the investment before the first renewal.'),
    ('de_deal', 'Sie werden den Leerlauf spürbar senken, das kann ich Ihnen zusichern.'),
    ('fr_deal', "Vos temps d'immobilisation vont fondre dès le premier mois."),
    ('es_opportunity', 'Verá cómo el ralentí se reduce a la mitad en pocas semanas.'),
    ('es_opportunity', 'Le aseguro que recupera la inversión antes de la renovación.'),
]
OUTCOME_PASSING = [
    ('hubspot_deal', 'Teams like yours usually see the idle time savings within the first quarter.'),
    ('fr_deal', "Je vous envoie les résultats du pilote d'ici vendredi."),
    ('de_deal', 'Die Ergebnisse schicke ich Ihnen bis Freitag.'),
    ('es_opportunity', '¿Cuándo quieren ver el ahorro, en pocas semanas o al final del piloto?'),
    ('hubspot_deal', 'The payback estimate shows how quickly the fuel savings add up.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), OUTCOME_REFUSED)
def test_a_result_promised_by_a_time_or_in_so_many_words_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS)


@pytest.mark.parametrize(("record_name", "sentence"), OUTCOME_PASSING)
def test_results_reported_hedged_or_asked_about_pass(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS) == []


def test_a_clock_time_with_minutes_and_a_zone_is_read_once():
    """"at 10:00 am Central" was also read as "00 am Central" (01:00 for the buyer) once a meeting word opened the
    check (quality set 22's en-g1, "to walk Marcus through it")."""
    from agents.clock_times import clock_hours
    assert clock_hours("I've held Tuesday, December 1 at 10:00 am Central to walk Marcus through it.") == [
        ("at 10:00 am Central", 10.0, "America/Chicago")]


def test_thanks_for_joining_a_call_is_no_deal_state():
    """"Congratulations on joining the platform" is; "thanks again for joining" (the demo, the call) is not (quality set
    14's en-g2, refused for a run by a bare "joining")."""
    assert _refusals("hubspot_deal", "Thanks again for joining the demo, Dana.", OTHERS) == []
    assert _refusals("hubspot_deal", "Congratulations on joining the platform!", OTHERS)


def test_a_reference_to_the_buyers_message_by_a_weekday_must_name_a_day_the_record_has_one():
    """Quality set 23's en-b11: "your email on Monday" for an email of Wednesday, November 18."""
    from agents.context import build_context
    from agents.references import misdated_references
    from tests.agents.conftest import NOW, load_record
    record, scores = load_record("hubspot_deal")
    ctx = build_context(record, scores, now=NOW)
    assert misdated_references("Thanks for your email on Monday, Dana.", ctx, NOW.date())
    assert misdated_references("Thanks for your email of November 18, Dana.", ctx, NOW.date()) == []
