"""Where a sentence ends, one notion for every rule check (wave 39, split39): agents.sentence_ends.

Before, the checks cut text three ways (a plain split at any full stop before a space, agents.sentence_ends and
agents.sentence_breaks); each kept some of these sentences whole and cut others.
"""

from __future__ import annotations

import pytest

from agents.sentence_ends import sentence_parts, sentences

# --- a full stop that ends no sentence ---

@pytest.mark.parametrize("text", [
    "Das Angebot vom 28. Oktober gilt weiter.",
    "Wir treffen uns am 20. Nov. und gehen die Rechnung durch.",
    "Der Termin am 20. Nov. 2026 bleibt.",
    "Die Lieferung ist für die 48. KW geplant.",
    "Es geht z. B. um die Leerlaufzeiten.",
    "Die Rechnung Nr. 4512 ist bezahlt.",
    "Hr. Weber hat die Rechnung d. h. schon geprüft.",
    "Dr. med. Hartmann bestätigt den Termin.",
    "Mr. Ortiz signs the order on Nov. 20 at 2.30 pm.",
    "We sized it for 3.785 trucks, e.g. the ones in Ohio.",
    "Write to dana@northwind.example or see www.northwind.example for the plan.",
    "M. Dupont a reçu la facture n.º 12 le 1er décembre.",
    "La Sra. Ruiz firma p. ej. el anexo.",
    "El pedido núm. 12 llega el lunes.",
    "Voir p. ex. la démo du 3 décembre.",
    "The buyer asked about the signs '?' and ':' in the export.",
    "Wait... the order is still open.",
])
def test_a_date_an_abbreviation_or_a_dotted_address_keeps_its_sentence_whole(text):
    assert sentences(text) == [text]


# --- a full stop that ends one ---

@pytest.mark.parametrize(("text", "parts"), [
    ("No. We sign Friday.", ["No.", "We sign Friday."]),
    ("Wir haben 28. Das ist gut.", ["Wir haben 28.", "Das ist gut."]),
    ("Das Angebot kommt am 3. Dezember. Danach rufe ich an.", ["Das Angebot kommt am 3. Dezember.",
                                                               "Danach rufe ich an."]),
    ("Wir sprechen am 20. Nov. Danach schicke ich es.", ["Wir sprechen am 20. Nov.", "Danach schicke ich es."]),
    ('She wrote "We sign." Then she called.', ['She wrote "We sign."', "Then she called."]),
    ("(See the annex.) The price stands.", ["(See the annex.)", "The price stands."]),
    ("Visit northwind.example. The plan is there.", ["Visit northwind.example.", "The plan is there."]),
    ("Well... We sign Friday.", ["Well...", "We sign Friday."]),
    ("Is it signed? Yes! Good.", ["Is it signed?", "Yes!", "Good."]),
    ("Merci.\nÀ bientôt", ["Merci.", "À bientôt"]),
])
def test_any_other_full_stop_or_mark_before_a_space_ends_a_sentence(text, parts):
    assert sentences(text) == parts


def test_a_semicolon_ends_no_sentence_its_halves_say_one_thing():
    text = "Das Angebot kommt Freitag; der Preis bleibt."
    assert sentences(text) == [text]


def test_the_parts_are_what_a_plain_split_returns_empty_lines_kept():
    assert sentence_parts("\nHallo.  Danke.\n\nGut") == ["", "Hallo.", "Danke.", "Gut"]
