"""Timing in one process: contenders run in interleaved rounds and each keeps its best round,
so a slow moment of the machine does not favour one of them.

Each round times every function once (in a rotated order, so none always runs first after a
switch), each for a calibrated number of calls. The best round is the estimate; the median's
distance from it is the spread, the noise the numbers carry.

The clock is this process's CPU time (`time.process_time`), not wall time: on a shared 2-core
VM other processes take the CPU away at random, which wall time counts and CPU time does not.
Measured here under a load average of 5 (one packet, five contenders, two runs each), the
spread was 4-47% with wall time and 2-7% with CPU time, and ratios between contenders moved by
up to 15% between wall-time runs and by 2% between CPU-time runs. The timed code is
single-threaded and runs with the garbage collector off. Only code that waits on other
processes needs wall time (`per_call`'s default, for webide).
"""

from __future__ import annotations

import gc
import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Sample:
    """Seconds per call of one function, one value per round."""

    rounds: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.rounds)

    @property
    def median(self) -> float:
        return statistics.median(self.rounds)

    @property
    def spread(self) -> float:
        """(median - best) / best: 0.03 means the typical round was 3% slower than the best."""
        return self.median / self.best - 1


def sample(funcs: dict[str, Callable[[], object]], rounds: int = 7, min_time: float = 0.02,
           clock: Callable[[], float] = time.process_time) -> dict[str, Sample]:
    """Per-call times of each function over `rounds` interleaved rounds of >= min_time each."""
    numbers = {name: _calibrate(func, min_time, clock) for name, func in funcs.items()}
    times: dict[str, list[float]] = {name: [] for name in funcs}
    order = list(funcs)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for r in range(rounds):
            shift = r % len(order)
            for name in order[shift:] + order[:shift]:
                func, number = funcs[name], numbers[name]
                start = clock()
                for _ in range(number):
                    func()
                times[name].append((clock() - start) / number)
            gc.collect()
    finally:
        if gc_was_enabled:
            gc.enable()
    return {name: Sample(tuple(t)) for name, t in times.items()}


def per_call(funcs: dict[str, Callable[[], object]], rounds: int = 7, min_time: float = 0.02,
             clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    """Seconds per call of each function: best of `rounds` interleaved rounds. Wall time by
    default: calls that wait on another process (webide's node runner) spend their time there,
    where this process's CPU clock does not see it."""
    return {name: s.best for name, s in sample(funcs, rounds, min_time, clock).items()}


def _calibrate(func: Callable[[], object], min_time: float,
               clock: Callable[[], float]) -> int:
    number = 1
    while True:
        start = clock()
        for _ in range(number):
            func()
        if clock() - start >= min_time:
            return number
        number *= 2
