"""Pausing Python's cyclic garbage collector while a document is rendered.

Rendering allocates a great many small objects (output-tree nodes, tokens, contexts) and frees them by reference
counting: none of them form reference cycles.  The cyclic collector still runs every few hundred allocations
and walks every live container object (the caller's records included), which measured a quarter of the time of
a 1,000-entry bibliography.  So the processor pauses it for the length of one call and restores it afterwards,
and ``citekit.format_bibliography`` for the whole of its call (checking and recasing records included).

The pause is counted across threads: the collector is turned off by the first call to enter (if it was on) and
back on when the last one leaves, so concurrent calls never leave it off, and a program that turned it off
itself keeps it off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0
_restore = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _active, _restore
    with _lock:
        if _active == 0:
            _restore = gc.isenabled()
            if _restore:
                gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _restore:
                gc.enable()
