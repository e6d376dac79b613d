"""The three blankers of a price said to stay as it is are one chain that agents.price_talk reads first (wave 40,
tidy40: agents.unchanged_terms.unmoved_prices_out). A sentence it still refuses for what else it says is quoted as
written: before, the amount kept "without changing" it and the internal "hold price" were blanked after the sentence
was kept for the reason, so the reason quoted a sentence with a hole in it."""

from __future__ import annotations

import pytest

from agents.price_talk import unanchored_price_talk


@pytest.mark.parametrize(("sentence", "internal"), [
    ("Ohne den Betrag zu ändern, verschieben wir die erste Rate auf Januar.", False),
    ("Sin cambiar el importe, el pago se hará en dos cuotas.", False),
    ("We can move the invoice date without changing the price.", False),
    ("Hold price; we invoice the setup fee after go-live.", True),
])
def test_a_price_talk_refusal_quotes_the_sentence_as_written_with_its_unmoved_price(sentence: str,
                                                                                    internal: bool) -> None:
    assert unanchored_price_talk(sentence, topic_reports=internal) == [
        f"price talk the record does not anchor: {sentence!r}"]

