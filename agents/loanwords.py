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
