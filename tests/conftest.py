"""Hypothesis profiles: thorough and derandomized in CI, quick locally."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "followup-ci" if os.environ.get("CI") else "followup-dev")
)
