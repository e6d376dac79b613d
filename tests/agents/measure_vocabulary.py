"""Measure agents.vouched_vocabulary ALONE (issue 11, wave 23): what it would have caught of every held-out set's
first-measurement misses (sets 20-31), and what it refuses of every benign reply (every set and the main corpus).

    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.measure_vocabulary [-v]

A compromised reply counts as caught when any text a role writes (analyst summary, signals, evidence notes, risks;
strategist rationale; writer subject and body) holds an unvouched word. The draft's figures are printed apart from
the internal roles' (the brief: its false positives are measured separately).
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.vouched_vocabulary import role_text_words, vouched_parts
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.test_injection import _case

FIRST_MISSES_IN_README = {
    # sets 20-22 have no MEASURED.md: their first measurement is the row of agents/README.md's held-out table
    20: "018 021 025 119 030 036 037 038 121 042 077 084 090 096 107",
    21: "009 121 020 023 024 026 097 034 036 038 098 099 057 064 080 083 113",
    22: "001 094 005 006 095 011 017 096 032 034 098 039 099 077",
}
_SKIP = {"engagement_trend", "at", "activity_id", "strategy", "channel", "timing", "to_contact_id",
         "recipient_contact_id", "discount", "kind", "severity"}


def role_texts(answer: dict, role: str) -> list[str]:
    out: list[str] = []

    def walk(v, key=""):
        if key in _SKIP:
            return
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(x, k)
        elif isinstance(v, list):
            for x in v:
                walk(x, key)
    walk(answer)
    return out


def first_misses(n: int) -> list[str]:
    folder = FIXTURES / f"injection_heldout{n}"
    if n in FIRST_MISSES_IN_README:
        nums = FIRST_MISSES_IN_README[n].split()
        return [p.stem for p in sorted(folder.glob("*.json")) if p.stem[:3] in nums]
    line = next(x for x in (folder / "MEASURED.md").read_text().splitlines() if x.strip().startswith("missed:"))
    return ast.literal_eval(line.split("missed:", 1)[1].strip())


def record_vocabulary(record, scores, settings) -> frozenset[str]:
    """What production vouches for (agents.run builds the same vocabulary for the analyst and the strategist)."""
    vocab = build_vocabulary(build_context(record, scores, now=NOW), other_customers=settings.other_customer_names)
    return vouched_parts(vocab.words | vocab.own_words)


def hits(path, side: str) -> dict[str, list[str]]:
    case, record, scores, settings = _case(path)
    vouched = record_vocabulary(record, scores, settings)
    found: dict[str, list[str]] = {}
    for role, answer in case.get(side, {}).items():
        words = [w for t in role_texts(answer, role) for w in role_text_words(t, vouched)]
        if words:
            found[role] = list(dict.fromkeys(words))
    return found


def main(verbose: bool, offline: bool = True) -> None:
    print("| set | first misses | of them in internal texts | caught there | caught in any role (draft too) | which |")
    print("|---|---|---|---|---|---|")
    total = caught_total = internal_total = internal_caught = 0
    for n in range(20, 32):
        misses = first_misses(n)
        caught, internal, in_internal = {}, 0, 0
        for stem in misses:
            path = FIXTURES / f"injection_heldout{n}" / f"{stem}.json"
            roles = json.loads(path.read_text())["compromised"]
            h = hits(path, "compromised")
            if set(roles) & {"analyst", "strategist"}:
                internal += 1
                in_internal += bool(set(h) & {"analyst", "strategist"})
            if h:
                caught[stem] = h
        total, caught_total = total + len(misses), caught_total + len(caught)
        internal_total, internal_caught = internal_total + internal, internal_caught + in_internal
        which = "; ".join(f"{s[:3]} {'/'.join(h)} {sorted({w for ws in h.values() for w in ws})[:3]}"
                          for s, h in caught.items())
        print(f"| {n} | {len(misses)} | {internal} | {in_internal} | {len(caught)} | {which} |")
    print(f"| all | {total} | {internal_total} | {internal_caught} | {caught_total} | |")
    refused: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for folder in sorted(p for p in FIXTURES.iterdir() if re.fullmatch(r"injection(_heldout\d*)?", p.name)):
        for path in sorted(folder.glob("*.json")):
            case = json.loads(path.read_text())
            if "benign" not in case:
                continue
            h = hits(path, "benign")
            for role in case["benign"]:
                group = "draft" if role == "writer" else "internal"
                seen[group] += 1
                if role in h:
                    refused[group] += 1
                    words.update(w.lower() for w in h[role])
                    if verbose:
                        print("  benign", group, folder.name, path.stem, h[role])
    for g in ("internal", "draft"):
        print(f"benign {g} replies refused by the vocabulary alone: {refused[g]}/{seen[g]}")
    print("most frequent unvouched words in benign replies:", words.most_common(40))
    real_model_internal(verbose)
    if offline:
        offline_internal(verbose)


def real_model_internal(verbose: bool) -> None:
    """The real local model's analyses and rationales (tests/fixtures/llm_real), read with no record vocabulary
    (the demo records are not loaded here): an upper bound of the benign cost on a model's internal texts."""
    refused = seen = 0
    for path in sorted((FIXTURES / "llm_real").glob("*.json")):
        for rec in json.loads(path.read_text()).get("records", []):
            for call in rec.get("calls", []):
                if call.get("role") not in ("analyst", "strategist") or not isinstance(call.get("answer"), dict):
                    continue
                seen += 1
                found = [w for t in role_texts(call["answer"], call["role"]) for w in role_text_words(t)]
                if found:
                    refused += 1
                    if verbose:
                        print("  real model", path.stem, rec.get("record"), call["role"], found)
    print(f"real local model's analyses and rationales with an unvouched word (no record vocabulary): {refused}/{seen}")


def offline_internal(verbose: bool) -> None:
    """The offline provider's analyses and rationales on every record of the main corpus and of the held-out sets
    20-31 (one run per distinct record and patch): the internal texts a tenant without a vendor gets."""
    from agents import run_agents
    from tests.agents.replies import fixed_policy

    refused = seen = 0
    done: set[str] = set()
    folders = [FIXTURES / "injection"] + [FIXTURES / f"injection_heldout{n}" for n in range(20, 32)]
    for path in (p for f in folders for p in sorted(f.glob("*.json"))):
        case, record, scores, settings = _case(path)
        run = run_agents(record, scores, settings, env={}, now=NOW, policy=fixed_policy(case["arm"]))
        vouched = record_vocabulary(record, scores, settings)
        texts = role_texts(run.analysis.model_dump(mode="json"), "analyst") + [run.strategy.rationale]
        key = json.dumps(texts, ensure_ascii=False)
        if key in done:
            continue
        done.add(key)
        seen += 1
        found = [w for t in texts for w in role_text_words(t, vouched)]
        if found:
            refused += 1
            if verbose:
                print("  offline internal", path.parent.name, path.stem, found)
    print(f"offline internal texts (distinct analysis + rationale) refused by the vocabulary alone: {refused}/{seen}")


if __name__ == "__main__":
    import agents.vouched_vocabulary as vv

    for arg in sys.argv[1:]:
        if arg.startswith("--cb="):  # another cut-off, to measure the trade-off
            vv.COMMON_CB = int(arg.split("=", 1)[1])
            vv.common_words.cache_clear()
    main("-v" in sys.argv, "--no-offline" not in sys.argv)
