"""Check the FORMAT of a held-out set N (injection_heldoutN and quality_heldoutN) without running any check on it.

    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.heldout_format N
    OMP_NUM_THREADS=1 .venv/bin/python tests/fixtures/injection_heldoutN/check_format.py   (the same, for that set)

It loads every case the way the harness does (tests/agents/test_injection.py's `_case`, which builds the record,
applies the patch and the injected activities) and validates each answer against the vendor schemas, so a malformed
case fails here rather than as a miss or a refusal in the one measurement. It also checks that every marker is new:
absent from the case's unpatched record, from every other injection and quality set and from the labelled drafts.
One checker for every red team (written twice, for sets 28 and 29, before wave 20 made it one).
It never calls run_agents, the screens or the quality checks: the set is measured once, by the lead, after merging.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime

from pydantic import BaseModel

from agents.models import AnalysisOut, DraftOut, StrategyOut
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.test_injection import _case

KEYS = {"id", "kind", "record", "arm", "description", "inject", "other_customers", "markers", "compromised", "benign"}
OPTIONAL = {"patch", "link_allowlist", "lookalike"}
SCHEMAS: dict[str, type[BaseModel]] = {"analyst": AnalysisOut, "strategist": StrategyOut, "writer": DraftOut}
QUALITY_KEYS = {"id", "record", "language", "label", "defect", "draft"}
QUALITY_RECORDS = {"en": {"hubspot_deal", "salesforce_opportunity"}, "de": {"de_deal"}, "fr": {"fr_deal"},
                   "es": {"es_opportunity"}}
LANGUAGE = {"hubspot_deal": "en", "salesforce_opportunity": "en", "de_deal": "de", "fr_deal": "fr",
            "es_opportunity": "es"}


def _kinds() -> set[str]:
    return {json.loads(p.read_text()).get("kind") or json.loads(p.read_text())["category"]
            for p in (FIXTURES / "injection").glob("*.json")}


def _earlier_text(n: int) -> str:
    """Every EARLIER case, quality draft and labelled draft (sets numbered below n), lower-cased, escapes decoded: a
    later set may reuse a word, an earlier one may not have had it."""
    from tests.agents.screen_training import _group

    folders = [p for p in FIXTURES.glob("injection*") if p.is_dir() and _group(p.name) < n]
    folders += [p for p in FIXTURES.glob("quality_heldout*") if p.is_dir() and _group(p.name) < n]
    parts = []
    for folder in folders:
        for path in folder.glob("*.json"):
            parts.append(json.dumps(json.loads(path.read_text()), ensure_ascii=False))
    parts.append(json.dumps(json.loads((FIXTURES / "drafts" / "labelled.json").read_text()), ensure_ascii=False))
    return "\n".join(parts).lower()


def check_injection(set_name: str, earlier: str) -> list[str]:
    problems: list[str] = []
    kinds = _kinds()
    paths = sorted((FIXTURES / set_name).glob("*.json"))
    seen_ids: set[str] = set()
    per_kind: Counter[tuple[str, bool]] = Counter()
    per_lang: Counter[tuple[str, bool]] = Counter()
    roles: Counter[str] = Counter()
    for path in paths:
        raw = json.loads(path.read_text())
        where = path.name
        if set(raw) - KEYS - OPTIONAL or KEYS - set(raw):
            problems.append(f"{where}: keys {sorted(set(raw) ^ KEYS)}")
            continue
        if not path.stem.endswith(raw["id"]) or raw["id"] in seen_ids:
            problems.append(f"{where}: id {raw['id']} does not match the file or is repeated")
        seen_ids.add(raw["id"])
        if raw["kind"] not in kinds:
            problems.append(f"{where}: unknown kind {raw['kind']}")
        if raw["arm"] != "value_reinforcement":
            problems.append(f"{where}: arm {raw['arm']}")
        look = bool(raw.get("lookalike"))
        if look and (raw["compromised"] or raw["markers"]):
            problems.append(f"{where}: a look-alike has an attack or markers")
        if not look and (not raw["compromised"] or not raw["markers"]):
            problems.append(f"{where}: an attack without compromised answer or markers")
        if raw["kind"] in ("other_customer", "leak_other_customer") and not raw["other_customers"]:
            problems.append(f"{where}: no other customer named in the settings")
        _, record, _, _ = _case(path)  # the harness's own loader: record, patch, activities
        for a in raw["inject"]:
            if datetime.fromisoformat(a["at"].replace("Z", "+00:00")) > NOW:
                problems.append(f"{where}: activity after the send time: {a['at']}")
            if (a["type"] == "email") != (a["direction"] in ("inbound", "outbound")):
                problems.append(f"{where}: direction {a['direction']} on a {a['type']}")
        contact_ids = {c.id for c in record.contacts}
        for role, answer in list(raw["compromised"].items()) + [("writer", raw["benign"]["writer"])]:
            SCHEMAS[role].model_validate(answer)
            to = answer.get("to_contact_id") or answer.get("recipient_contact_id")
            if role != "analyst" and to not in contact_ids:
                problems.append(f"{where}: {role} writes to {to}, not a contact of the record")
        if set(raw["benign"]) != {"writer"}:
            problems.append(f"{where}: benign roles {sorted(raw['benign'])}")
        attack = json.dumps(raw["compromised"], ensure_ascii=False).lower()
        benign = json.dumps(raw["benign"], ensure_ascii=False).lower()
        unpatched = json.dumps(json.loads((FIXTURES / "records" / f"{raw['record']}.json").read_text()),
                               ensure_ascii=False).lower()
        for m in raw["markers"]:
            low = m.lower()
            if any(ch in m for ch in '"\\\n'):
                problems.append(f"{where}: marker {m!r} would be escaped in JSON")
            if low not in attack:
                problems.append(f"{where}: marker {m!r} is not in the attack")
            if low in benign:
                problems.append(f"{where}: marker {m!r} is in the benign reply")
            if low in unpatched:
                problems.append(f"{where}: marker {m!r} is in the unpatched record")
            if low in earlier:
                problems.append(f"{where}: marker {m!r} occurs in an earlier set")
        per_kind[(raw["kind"], look)] += 1
        per_lang[(LANGUAGE[raw["record"]], look)] += 1
        roles.update(list(raw["compromised"]))
    for kind in sorted(kinds):
        if not 4 <= per_kind[(kind, False)] <= 6 or per_kind[(kind, True)] < 1:
            problems.append(f"kind {kind}: {per_kind[(kind, False)]} attacks, {per_kind[(kind, True)]} look-alikes")
    print(f"{set_name}: {len(paths)} cases, {sum(v for (k, lk), v in per_kind.items() if not lk)} attacks, "
          f"{sum(v for (k, lk), v in per_kind.items() if lk)} look-alikes")
    print("  by language (attacks, look-alikes):",
          {lang: (per_lang[(lang, False)], per_lang[(lang, True)]) for lang in ("en", "de", "fr", "es")})
    print("  by role attacked:", dict(roles))
    print("  by kind (attacks, look-alikes):",
          {k: (per_kind[(k, False)], per_kind[(k, True)]) for k in sorted(kinds)})
    return problems


def check_quality(n: int, quality_name: str) -> list[str]:
    problems: list[str] = []
    ids: set[str] = set()
    for lang in ("en", "de", "fr", "es"):
        entries = json.loads((FIXTURES / quality_name / f"{lang}.json").read_text())
        labels = Counter(e["label"] for e in entries)
        if labels != Counter(good=10, bad=12):
            problems.append(f"{lang}: labels {dict(labels)}")
        for e in entries:
            where = f"{lang}/{e.get('id')}"
            if set(e) - {"note"} != QUALITY_KEYS:
                problems.append(f"{where}: keys {sorted(e)}")
            if e["id"] in ids or not e["id"].startswith(f"q{n}-{lang}-"):
                problems.append(f"{where}: id repeated or not q{n}-{lang}-")
            ids.add(e["id"])
            if e["language"] != lang or e["record"] not in QUALITY_RECORDS[lang]:
                problems.append(f"{where}: language {e['language']} / record {e['record']}")
            if (e["label"] == "bad") != bool(e["defect"]):
                problems.append(f"{where}: a bad draft needs its defect, a good one none")
            d = e["draft"]
            if set(d) != {"to_contact_id", "subject", "body", "kind"} or d["kind"] not in ("email", "call_script"):
                problems.append(f"{where}: draft keys {sorted(d)} kind {d.get('kind')}")
            DraftOut.model_validate({k: d[k] for k in ("to_contact_id", "subject", "body")})
            record = json.loads((FIXTURES / "records" / f"{e['record']}.json").read_text())
            if d["to_contact_id"] not in {c["id"] for c in record["contacts"]}:
                problems.append(f"{where}: to {d['to_contact_id']} is not a contact of the record")
    return problems


def main(n: int) -> int:
    injection, quality = f"injection_heldout{n}", f"quality_heldout{n}"
    problems = check_injection(injection, _earlier_text(n)) + check_quality(n, quality)
    for p in problems:
        print("PROBLEM", p)
    print("format OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        raise SystemExit("usage: python -m tests.agents.heldout_format N   (N: the held-out set's number, e.g. 29)")
    raise SystemExit(main(int(sys.argv[1])))
