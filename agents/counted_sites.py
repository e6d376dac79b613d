"""A count of the buyer's sites the record never gives, or their sites called what the record never calls them
(issue 11, wave 29: set 38's de-b10 "das Angebot deckt Ihre hundertzwanzig Lkw an den drei Standorten ab", to a fleet
the record knows only as 120 vehicles; fr-b10 "La proposition couvre vos 6 salons de coiffure", for a buyer whose
record counts 6 workshops and says nothing of hairdressing).

agents.facts vouches for small numbers that any text may hold ("two weeks", "drei Punkte"), and agents.german_nouns
lets "Standorte" pass as a word every company has. A count *with* a noun of premises is another thing: how many sites,
depots, clinics or workshops the buyer runs, and what they are, is a fact about this buyer, and the buyer knows it.
So a count (in digits or in words) before a noun of premises is refused when no activity of the record counts the
buyer's premises with that number; and a specific kind of premises (salons, warehouses, clinics, "Filialen") is
refused when the record never names that kind. A general word ("your 6 sites", "Ihre 6 Standorte", "vos 6
établissements" for the record's "6 depots") names nothing new and passes. A question asks rather than states.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.counted_things import counted_things
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.site_splits import splits_a_recorded_count

_GENERAL = re.compile(
    r"^(?:sites?|locations?|premises|branch(?:es)?|facilit(?:y|ies)|"
    r"standort\w*|niederlassung\w*|betriebsstätte\w*|"
    r"établissements?|sites?|implantations?|"
    r"sedes?|centros?|instalacion\w*|ubicacion\w*|ubicación\w*)$",
    re.I,
)
"""Words for premises of any kind: a count of them is judged, their name is not."""
_SPECIFIC = re.compile(
    r"^(?:depots?|clinics?|offices?|warehouses?|plants?|stores?|shops?|salons?|yards?|hubs?|workshops?|practices|"
    r"filiale\w*|depots?|werke[n]?|lager[n]?|betriebsh[oö]f\w*|praxen|klinik\w*|läden|geschäfte[n]?|salons?|"
    r"werkstätte[n]?|"
    r"agences?|dépôts?|entrepôts?|ateliers?|cliniques?|succursales?|magasins?|boutiques?|salons?|cabinets?|"
    r"bases?|sucursal\w*|delegacion\w*|almac[eé]n\w*|clínicas?|talleres?|plantas?|tiendas?|peluquerías?|salones)$",
    re.I,
)
"""Kinds of premises: what the buyer's sites are, which only the record can say."""


_SAME_KIND = (
    ("depot", "dépôt", "depos"),
    ("clini", "klini", "praxe", "pract", "cabin"),
    ("works", "ateli", "werks", "talle"),
    ("wareh", "lager", "entre", "almac"),
    ("store", "shops", "shop", "laden", "läden", "gesch", "magas", "bouti", "tiend"),
    ("offic", "büro", "burea", "ofici"),
    ("salon", "peluq"),
    ("branc", "filia", "succu", "agenc", "sucur", "deleg"),
    ("plant", "werk", "werke", "usine"),
)
"""One kind of premises in en/de/fr/es: "workshops" in English names the record's "ateliers"."""


def _stem(noun: str) -> str:
    """The kind of premises a noun names: its group in _SAME_KIND, else its first five letters (folded)."""
    low = noun.lower()
    group = next(
        (g for g in _SAME_KIND if any(low.startswith(s) or _fold(low).startswith(_fold(s)) for s in g)), None
    )
    return group[0] if group else _fold(low)[:5]


def invented_site_counts(body: str, ctx: Context) -> list[str]:
    """Counts of the buyer's premises the draft states that no activity of the record gives, and kinds of premises the
    record never names."""
    said = [
        normalise(f"{a.get('subject') or ''} {a.get('text') or ''}")
        for a in ctx.activities.values()
        if not a.get("withheld")
    ]
    recorded = {
        n
        for text in said
        for n, noun in counted_things(text)
        if _GENERAL.match(noun) or _SPECIFIC.match(noun)
    }
    kinds = {_stem(w) for text in said for w in re.findall(r"[^\W\d_]{4,}", text) if _SPECIFIC.match(w)}
    # one reason per count and noun ("Standorte" in the subject, "Standorten" in the body)
    out: dict[tuple[str, str], str] = {}
    for sentence in sentence_parts(normalise(body)):
        if "?" in sentence:
            continue
        for n, noun in sorted(counted_things(sentence)):
            if not (_GENERAL.match(noun) or _SPECIFIC.match(noun)):
                continue
            if n not in recorded:
                if splits_a_recorded_count(sentence, n, recorded):
                    continue  # wave 36: "wave one for the five clinics ..., wave two for the other four" (of 9)
                out.setdefault(
                    (n, _stem(noun)),
                    f"counts the buyer's {noun} as {n}, which no activity of the record does",
                )
            elif _SPECIFIC.match(noun) and _stem(noun) not in kinds:
                out.setdefault(
                    (n, _stem(noun)), f"calls the buyer's {n} sites {noun!r}, which the record never does"
                )
    return list(out.values())
