"""Accessibility checks run inside Debian's chromium: axe-core's automatic rules plus the checks axe
cannot make (keyboard order and visible focus, reflow at 320 CSS px, forced colours, headings,
landmarks). Used by the tests in tests/a11y/ against the real pages.

axe-core is pinned in tests/a11y/package-lock.json and installed with `npm ci --prefer-offline`
(the npm cache before the registry), as ui_extensions/*/run-checks.sh install theirs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
BARRED = ("serious", "critical")
"""The impacts that fail a page: WCAG A/AA failures axe is sure of."""
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
DISABLED: dict[str, str] = {}
"""Rules turned off, with why. None: every serious/critical finding of these tags fails a page."""


def _required() -> bool:
    return os.environ.get("AGENTIC_SALES_REQUIRE_SERVICES") == "1"


def axe_source() -> str:
    """axe-core's script, installed from the lock file when missing (fails in CI when it cannot be)."""
    lock = HERE / "package-lock.json"
    stamp = HERE / "node_modules" / ".package-lock.json"
    if not AXE.exists() or (stamp.exists() and lock.stat().st_mtime > stamp.stat().st_mtime):
        npm = shutil.which("npm")
        if npm is None:
            message = "npm is not installed: axe-core (tests/a11y/package-lock.json) cannot be installed"
            pytest.fail(message) if _required() else pytest.skip(message)
        done = subprocess.run([npm, "ci", "--prefer-offline", "--no-audit", "--no-fund"], cwd=HERE,
                              capture_output=True, text=True, timeout=180)
        if done.returncode != 0 or not AXE.exists():
            message = f"npm ci in tests/a11y failed: {done.stderr.strip()[-400:]}"
            pytest.fail(message) if _required() else pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.impact} {self.rule}: {self.help} at {', '.join(self.targets[:4])}"


def run_axe(page: Any, source: str) -> list[Finding]:
    """axe-core's WCAG 2.2 A/AA and best-practice rules on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    result = page.evaluate(
        """([tags, off]) => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               rules: Object.fromEntries(off.map(r => [r, {enabled: false}])),
                                               resultTypes: ['violations']})""",
        [TAGS, list(DISABLED)])
    return [Finding(v["id"], v.get("impact") or "", v["help"],
                    tuple(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                          for n in v["nodes"]))
            for v in result["violations"]]


def barred(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings if f.impact in BARRED]


# What the keyboard reaches, in order, and whether each stop shows where focus is: the focused
# element's outline or box-shadow must differ from its unfocused look (WCAG 2.4.7 / 2.4.11).
_FOCUS_STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.id || el.name || '').trim().slice(0, 60);
  return {tag: el.tagName.toLowerCase(), id: el.id, name, testid: el.getAttribute('data-testid'),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 ? s.outlineStyle + ' ' + s.outlineWidth : '',
          shadow: s.boxShadow !== 'none' ? s.boxShadow : '',
          visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0};
}"""


def tab_stops(page: Any, limit: int = 80, *, backwards: bool = False) -> list[dict[str, Any]]:
    """Press Tab (or Shift+Tab) from the top of the page until focus comes back round; every stop."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        stop = page.evaluate(_FOCUS_STOP)
        if stop is None or (stops and stop == stops[0]):
            break
        stops.append(stop)
    return stops


def without_focus_indicator(stops: list[dict[str, Any]]) -> list[str]:
    return [f"{s['tag']}#{s['id'] or s['testid'] or s['name']}" for s in stops
            if not (s["outline"] or s["shadow"]) or not s["visible"]]


def horizontal_overflow(page: Any) -> list[str]:
    """Elements whose text would need horizontal scrolling (WCAG 1.4.10): wider than the viewport.

    Data tables are exempt by the criterion (two-dimensional content) when they scroll in their own
    container, so a table inside an element with overflow-x:auto is not counted."""
    return page.evaluate("""() => {
      const width = document.documentElement.clientWidth;
      const out = [];
      if (document.documentElement.scrollWidth > width + 1) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' px > ' + width);
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right <= width + 1 || r.width === 0) continue;
        let p = el, exempt = false;
        while (p && p !== document.body) {
          const ox = getComputedStyle(p).overflowX;
          if (p !== el && (ox === 'auto' || ox === 'scroll' || ox === 'hidden')) { exempt = true; break; }
          p = p.parentElement;
        }
        if (!exempt) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' ends at ' + Math.round(r.right));
      }
      return out.slice(0, 10);
    }""")


def outline(page: Any) -> list[tuple[int, str]]:
    """The heading outline: (level, text) in document order."""
    return [(int(h["level"]), h["text"]) for h in page.evaluate(
        "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(h => h.offsetParent !== null || h.closest('details'))"
        ".map(h => ({level: h.tagName[1], text: h.innerText.trim()}))")]


def skipped_levels(headings: list[tuple[int, str]]) -> list[str]:
    """Headings that skip a level down (an h3 straight after an h1), and a page without exactly one h1."""
    found = []
    if [lvl for lvl, _ in headings].count(1) != 1:
        found.append(f"{[lvl for lvl, _ in headings].count(1)} h1 elements")
    previous = 0
    for lvl, text in headings:
        if lvl > previous + 1:
            found.append(f"h{lvl} {text!r} after h{previous}")
        previous = lvl
    return found
