"""A hook for counts derived from signals: a write wraps its change in `hertellen(ids)`, and every
registered counter (inzicht's pre-aggregated figures) sees the signals before and after, in the
same transaction. Signalen never imports the counters; they register in their apps.ready."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager

HERTELLEN: list[Callable[[list[int]], AbstractContextManager]] = []


@contextmanager
def hertellen(signaal_ids: Iterable[int]) -> Iterator[None]:
    """Around a change to these signals (triage, terugkoppeling, destruction): counters follow it."""
    ids = list(signaal_ids)
    with ExitStack() as stack:
        for hook in HERTELLEN:
            stack.enter_context(hook(ids))
        yield
