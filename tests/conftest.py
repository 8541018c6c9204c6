"""Hypothesis profiles (thorough and derandomized in CI, quick locally), and cold caches."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import HealthCheck, settings

from followup_rules import _calendar


@pytest.fixture(autouse=True)
def _cold_caches() -> None:
    """Every test starts with empty window and local-time caches.

    So each test runs the calendar code itself rather than answers cached by
    an earlier test: a test's outcome never depends on the order of tests,
    and a mutation of a cached function cannot hide behind the cache.  Under
    mutation testing every cache of the package is emptied too (the built-in
    packs, compiled templates, formatted days, the converter...): mutmut
    runs each mutant in a process forked after the first run filled them.
    """
    _calendar.clear_caches()
    if os.environ.get("HYPOTHESIS_PROFILE") == "followup-mutation":
        _forget_everything()


def _forget_everything() -> None:
    for name, module in list(sys.modules.items()):
        if not name.startswith("followup_rules"):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", "") == name:
                clear()
    messages = sys.modules.get("followup_rules.messages")
    if messages is not None:
        messages._PACKS.clear()
        messages._SHAPES.clear()


settings.register_profile(
    "followup-ci",
    parent=settings.get_profile("ci"),
    max_examples=500,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.register_profile(
    "followup-dev",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# Mutation testing runs the suite once per mutant: few examples, always the
# same ones, so a mutant is killed or not for a reason that can be replayed.
settings.register_profile(
    "followup-mutation",
    parent=settings.get_profile("followup-dev"),
    max_examples=25,
    derandomize=True,
    database=None,
    # mutmut runs a test class's tests from more than one instance.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.differing_executors,
    ],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "followup-ci" if os.environ.get("CI") else "followup-dev")
)
