"""What the sixteenth mutation pass found untested in `_why` and `export` (issue 20).

Each test reads what a person or a calendar reads: an item's lines and
properties (icalendar, read back) and the "Why:" line of a step.
"""

from __future__ import annotations

import pytest

from followup_rules._languages import language
from followup_rules._step_words import rule_summaries
from followup_rules.catalogue import RULES

from .test_export_mut15 import TestAStepCitingAnyRule, whys_citing


@pytest.mark.parametrize("locale", ["en", "de", "fr", "es"])
def test_no_rule_is_worded_with_code_marks(locale: str) -> None:
    """The "Why:" line shows a rule's summary as it is: no summary, in any language,
    holds a code mark (`_reason` stripped backticks that none has; mut16a deleted it)."""
    summaries = rule_summaries(language(locale))
    assert set(summaries) >= set(RULES)
    assert [rule for rule, text in summaries.items() if "`" in text] == []
    said = whys_citing(
        list(RULES), TestAStepCitingAnyRule.POLICY, None if locale == "en" else locale
    )
    assert [line for line in said if "`" in line] == []
