"""English business words German writers use as nouns ("den Business Case", "die Roadmap", "beim Go-live"): in a German
draft they are capitalised like every noun, so two of them in a row ("als Business Case") read as a person's name to the
name check. They are words of the language the draft is written in, not names (wave 14's left-over look-alike, set
23's 030)."""

from __future__ import annotations

GERMAN_ANGLICISMS = frozenset("""
business case use case cases roadmap rollout roll-out go-live golive kick-off kickoff deadline dashboard dashboards
onboarding offboarding workshop workshops meeting meetings team teams feedback update updates call calls service level
agreement proof concept pilot slot slots tool tools software hardware cloud account manager management controlling
reporting report reports fleet tracking tracker app apps login single sign-on sso setup set-up support backlog sprint
review reviews status quo benchmark budget budgets forecast pipeline lead leads deal deals pricing performance
""".split())
"""Lower-cased; a word here is no evidence of a name in a German draft."""

ACCENTED_LOANWORDS: dict[str, frozenset[str]] = {
    # French and German words English keeps with their marks ("A résumé of Priya's review is attached", set 37's 092)
    "en": frozenset("""
    résumé résumés resumé resumés café cafés naïve naïvely naïveté naïf façade façades déjà fiancé fiancée fiancés
    rôle rôles über cliché clichés entrée entrées soirée soirées touché protégé protégée décor exposé exposés attaché
    attachés communiqué débâcle passé crème brûlée tête née élan éclair piñata jalapeño señor señora smörgåsbord
    doppelgänger à
    """.split()),
    # French words German keeps with their accents ("das Exposé", "ein kurzes Résumé")
    "de": frozenset("""
    café cafés crème résumé séance entrée négligé exposé exposés varieté dekolleté soufflé praliné déjà attaché
    communiqué renommée rosé canapé canapés purée dragée frappé glacé chargé à
    """.split()),
    # Spanish and Nordic words French keeps with letters French does not write
    "fr": frozenset("jalapeño jalapeños piñata piñatas señor señora cañon smörgåsbord".split()),
    # French words Spanish keeps with marks Spanish does not write ("un déjà vu", "la crème de la crème")
    "es": frozenset("déjà crème brûlée maître première tête à naïf naïve être".split()),
}
"""Lower-cased loanwords that keep accents their borrowing language does not write: each is one word of that language,
and no evidence that the sentence around it is in another one (agents.sentence_language skips them)."""

DIAERESIS = str.maketrans("äëïöü", "aeiou")
"""English marks a second vowel said apart with a diaeresis ("coöperate", "reëlect", "naïve"): read without it."""
