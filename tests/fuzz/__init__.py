"""A differential fuzzer: random operation sequences run on ``unittest.mock`` and on
turbomock, observations compared after every step, failures shrunk to a minimal
sequence and printed as a runnable reproduction.

Run it from the repository root, with turbomock installed in the interpreter::

    python -m tests.fuzz --cases 100000 --seed 1        # a long run
    python -m tests.fuzz --cases 5000 --no-known        # suppress nothing at all
    python -m tests.fuzz --seed 9 --start 1312 --cases 1  # one case again

``--max-ops N`` bounds the operations per case (10), ``--quiet`` drops the progress
lines. The run prints how often each KNOWN difference was met, then every other
difference: how many cases met it and a reproduction of its smallest case (a script
to run once with ``from unittest import mock`` and once with ``import turbomock as
mock``). Exit status 1 when a difference outside KNOWN was met (not with
``--no-known``, which reports everything, each with the KNOWN entry it matches).
``tests/test_fuzz.py`` runs 2,000 cases of seed 9 in the test suite.

The parts:

- ``case`` and ``ops``: an operation is a few lines of source; a case is a sequence of
  them drawn from ``(seed, index)`` alone. The kinds are in ``kinds_make`` (every
  mock kind and keyword argument, mock_open, create_autospec, patch forms), ``kinds_use``
  (attribute paths, calls and side effects, attach_mock, mock_add_spec,
  configure_mock, reset_mock, seal, assert_* on perturbed histories, hand-set
  bookkeeping), ``kinds_magic`` and ``kinds_class`` (``type(m)`` edits in every code
  shape, copies, frames, names); ``model`` is what the generator knows meanwhile.
- ``prelude``: the specs and helpers every case can use.
- ``runner``: runs a case on each library and compares, step by step, what
  ``observe`` records (values and exceptions, call state, reprs, dir, class
  relations, bystander mocks made before and after).
- ``shrink`` and ``report``: the smallest failing case, as a checked script.
- ``known`` and ``matchers``: the differences not fixed yet, skipped by the fixed-seed
  run; ``session``: a run over many cases.
"""

from __future__ import annotations

import os
import sys

# ``engine_support`` (the scrubbing both harnesses share) lives beside this package in
# tests/, which pytest puts on sys.path and ``python -m tests.fuzz`` does not.
_TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
