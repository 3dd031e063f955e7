"""A rich progress display on stderr: articles done, articles/s, records.

The CLI shows it only when stderr is a terminal.  With the LLM extractor in
one process, a second line counts its chunks (``chunk``).
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn


class RunProgress:
    """Call ``article(records)`` after each article; ``stop()`` at the end."""

    def __init__(self, console: Console | None = None) -> None:
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed:,.0f} {task.fields[unit]}"),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[records]}"),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            transient=True,
        )
        self.task: TaskID = self.bar.add_task("extract", total=None, unit="articles", rate="- articles/s", records="0 records")
        self.chunks: TaskID | None = None
        self.records = 0
        self.started = False

    def _start(self) -> None:
        if not self.started:
            self.bar.start()
            self.started = True

    def article(self, records: int) -> None:
        """One more article done, with this many records."""
        self._start()
        self.records += records
        self.bar.advance(self.task)
        task = self.bar.tasks[self.task]
        elapsed = task.elapsed or 0.0
        rate = f"{task.completed / elapsed:,.1f}" if elapsed > 0 else "-"
        self.bar.update(self.task, rate=f"{rate} articles/s", records=f"{self.records:,} records")

    def skipped(self, count: int) -> None:
        """Articles already done by an interrupted run (``--resume``)."""
        if count:
            self._start()
            self.bar.update(self.task, description=f"extract (resumed after {count:,})")

    def chunk(self, done: int, total: int) -> None:
        """The LLM extractor's progress callback: chunks done of total so far."""
        self._start()
        if self.chunks is None:
            self.chunks = self.bar.add_task("LLM", total=None, unit="chunks", rate="", records="")
        self.bar.update(self.chunks, completed=done, total=total)

    def say(self, line: str) -> None:
        """A line on stderr above the bar (printing around a live bar garbles it)."""
        if self.started:
            self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            self.bar.console.file.write(line + "\n")

    def stop(self) -> None:
        if self.started:
            self.bar.stop()
