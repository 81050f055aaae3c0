"""Timing in one process: contenders run in interleaved rounds and each keeps its best round,
so a slow moment of the machine does not favour one of them."""

from __future__ import annotations

import gc
import time
from typing import Callable


def per_call(funcs: dict[str, Callable[[], object]], rounds: int = 7,
             min_time: float = 0.02) -> dict[str, float]:
    """Seconds per call of each function: best of `rounds` interleaved rounds."""
    numbers = {name: _calibrate(func, min_time) for name, func in funcs.items()}
    best = {name: float("inf") for name in funcs}
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for name, func in funcs.items():
                number = numbers[name]
                start = time.perf_counter()
                for _ in range(number):
                    func()
                elapsed = (time.perf_counter() - start) / number
                best[name] = min(best[name], elapsed)
    finally:
        if gc_was_enabled:
            gc.enable()
    return best


def _calibrate(func: Callable[[], object], min_time: float) -> int:
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            func()
        if time.perf_counter() - start >= min_time:
            return number
        number *= 2
