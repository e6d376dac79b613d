"""Which language a draft is written in, and its sentences that are in another one (issue 6's "in the buyer's language";
split out of agents.quality in wave 34).

The draft's language is guessed from function words (agents.names); a sentence in another language is one with three
function words of that language (agents.names.foreign_sentences), a neighbour language's glue word where money is spoken
of (agents.neighbour_languages), or, since wave 34, one the trained letter-trigram profiles read as another language or
none (agents.sentence_language, the safety check's reading). Set 43's en-b6 ("Quedo a su disposición para cualquier
pregunta.") and fr-b6 ("Looking forward to your feedback, have a great week!") carry only two function words each and
passed the function-word reading; the profiles read every word. They do not read names the record vouches for, short
quoted terms or a language's loanwords, and judge no sentence of fewer than four words.
"""

from __future__ import annotations

from agents.names import foreign_sentences, guess_language, language_counts
from agents.neighbour_languages import clauses_in_other_languages
from agents.sentence_language import language_violations
from agents.text_memory import TEXT_MEMORY, remembered


def written_language(body: str, language: str) -> str:
    """The language the body's function words say it is in; the buyer's when no other has more of them (wave 30, set
    39's fr-g6: "Bien reçu, merci. Vendredi 27 novembre, comme convenu." has none of any)."""
    wrote = guess_language(body)
    counts = language_counts(body)
    return language if counts.get(language, -1) == counts[wrote] else wrote


@remembered(TEXT_MEMORY)
def sentences_in_other_languages(body: str, language: str, vouched: frozenset[str]) -> list[str]:
    """Why the body's sentences (or clauses) that are not in `language` are not, one reason each; `vouched` are the
    record's own words (names and products), which no language reading counts."""
    return [*(f"{s[:60]!r} is in another language" for s in foreign_sentences(body, language)),
            *(f"{s[:60]!r} is in another language" for s in clauses_in_other_languages(body)),
            *language_violations(body, language, vouched)]
