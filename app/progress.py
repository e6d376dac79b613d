"""Progress on stderr: a live bar on a terminal, a few plain lines otherwise.

    progress = Progress(sys.stderr)
    progress.say("installed")
    with progress.bar("enriched", total=15, unit="deal") as bar:
        bar.update(done)

On a terminal the bar redraws in place (tqdm). Anywhere else (a file, a pipe, CI) it prints one
plain line when the count first moves past each PLAIN_STEP_FRACTION of the total, at most every
PLAIN_MIN_SECONDS, plus the final count, so a redirected log stays short and readable.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

PLAIN_STEP_FRACTION = 0.25
"""Off a terminal, a progress line is printed each time another quarter of the work is done ..."""

PLAIN_MIN_SECONDS = 10.0
"""... but at most once per this many seconds (the final count is always printed)."""


class PlainBar:
    """The off-terminal bar: a handful of "enriched: 8/15 deals" lines."""

    def __init__(self, write: Callable[[str], None], desc: str, total: int, unit: str,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.write, self.desc, self.total, self.unit, self.clock = write, desc, total, unit, clock
        self.n = 0
        self._shown = 0  # nothing to say before the first quarter is done
        self._last = clock()  # a bar that finishes within PLAIN_MIN_SECONDS prints only its total

    def update(self, n: int) -> None:
        """Set the count done so far (not an increment: callers poll a total)."""
        self.n = max(0, min(n, self.total))
        if self.total <= 0:
            return
        step = int(self.n / self.total / PLAIN_STEP_FRACTION)
        if self.n < self.total and step > self._shown and self.clock() - self._last >= PLAIN_MIN_SECONDS:
            self._shown, self._last = step, self.clock()
            self.write(f"{self.desc}: {self.n}/{self.total} {self.unit}s")

    def close(self) -> None:
        self.write(f"{self.desc}: {self.n}/{self.total} {self.unit}s")


class TtyBar:
    """The terminal bar (tqdm), updated to an absolute count."""

    def __init__(self, stream: TextIO, desc: str, total: int, unit: str) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, desc=desc, unit=unit, file=stream, dynamic_ncols=True, leave=True)

    def update(self, n: int) -> None:
        self._bar.n = max(0, n)
        self._bar.refresh()

    def close(self) -> None:
        self._bar.close()


class Progress:
    """Messages and bars for one command, on one stream (stderr)."""

    def __init__(self, stream: TextIO, *, tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty

    def say(self, message: str) -> None:
        if self.tty:
            from tqdm import tqdm

            tqdm.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    @contextmanager
    def bar(self, desc: str, *, total: int, unit: str = "item") -> Iterator[Any]:
        bar: TtyBar | PlainBar = (TtyBar(self.stream, desc, total, unit) if self.tty
                                  else PlainBar(self.say, desc, total, unit))
        try:
            yield bar
        finally:
            bar.close()
