"""Build agents/models_data/common_words.json.gz: the common vocabulary of English, German, French and Spanish.

Source: the wordfreq package's `large_<lang>` frequency lists (wordfreq 3.1.1, Robyn Speer et al.; data CC BY-SA 4.0,
code Apache-2.0; https://github.com/rspeer/wordfreq). A word is kept when its frequency is at least 10^-CUTOFF_CB/100
(the list is bucketed in centibels): 10^-6.5, about 50,000-90,000 words per language, kept by bucket so the
check can choose a stricter cut-off at load time. Lower-frequency words (slang,
other languages' words, jargon) are what the check in agents/vouched_vocabulary.py exists to notice.

Reproduce (msgpack is needed only here, never at run time):

    pip download --no-deps wordfreq==3.1.1 msgpack -d /tmp/wf && cd /tmp/wf && unzip -q 'wordfreq-*.whl' \
        && unzip -q 'msgpack-*.whl' -d mp
    PYTHONPATH=/tmp/wf/mp .venv/bin/python tools/build_common_words.py /tmp/wf/wordfreq/data
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import msgpack  # type: ignore[import-not-found]

LANGUAGES = ("en", "de", "fr", "es")
CUTOFF_CB = 650
OUT = Path(__file__).resolve().parents[1] / "agents" / "models_data" / "common_words.json.gz"


def main(data_dir: str) -> None:
    out: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        with gzip.open(Path(data_dir) / f"large_{lang}.msgpack.gz") as f:
            buckets = msgpack.load(f, raw=False, strict_map_key=False)
        # one line per centibel: the check picks its cut-off (agents.vouched_vocabulary.COMMON_CB) at load time
        out[lang] = [" ".join(sorted(w for w in bucket if w.isalpha())) for bucket in buckets[:CUTOFF_CB + 1]]
    meta = {"source": "wordfreq 3.1.1 large lists (CC BY-SA 4.0)", "cutoff_centibels": CUTOFF_CB}
    data = json.dumps({"meta": meta, "words": out}, ensure_ascii=False, sort_keys=True).encode()
    # mtime=0: the same input gives the same bytes
    OUT.write_bytes(gzip.compress(data, mtime=0))
    print({k: sum(len(b.split()) for b in v) for k, v in out.items()}, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1])
