"""Issue 9.7: "a" or "an" by sound, and lists, as the messages need them."""

from __future__ import annotations

import pytest

from followup_rules._grammar import indefinite_article, join_words, with_article


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("Engineer", "an"),
        ("Operations Analyst", "an"),
        ("SRE", "an"),  # "es"
        ("MBA intern", "an"),  # "em"
        ("hourly worker", "an"),  # silent h
        ("honours graduate", "an"),
        ("UX designer", "a"),  # "you"
        ("URL expert", "a"),
        ("user researcher", "a"),
        ("university lecturer", "a"),
        ("European sales lead", "a"),
        ("one-off contractor", "a"),
        ("Uber driver", "an"),
        ("urban planner", "an"),
        ("unhappy customer", "an"),
        ("uninformed guess", "an"),
        ("FBI agent", "an"),  # "ef"
        ("HR partner", "an"),  # "aitch"
        ("QA engineer", "a"),  # "cue"
        ("VP of Sales", "a"),
        ("X-ray technician", "an"),
        ("A/B tester", "an"),
        ("iOS developer", "an"),
        ("NASA engineer", "a"),  # read as a word
        ("OSHA inspector", "an"),
        ("8-week contract", "an"),
        ("11-month role", "an"),
        ("18-month role", "an"),
        ("80-hour week", "an"),
        ("1-year fellowship", "a"),
        ("110-person team", "a"),
        ("Head of Data", "a"),
        ("Data Engineer", "a"),
        ("", "a"),
        ("---", "a"),
    ],
)
def test_the_article_goes_by_sound(phrase: str, article: str) -> None:
    assert indefinite_article(phrase) == article


def test_with_article_and_an_override() -> None:
    assert with_article("Operations Analyst") == "an Operations Analyst"
    assert with_article("Ukulele player", "an") == "an Ukulele player"


@pytest.mark.parametrize(
    ("items", "joined"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_lists_read_naturally(items: list[str], joined: str) -> None:
    assert join_words(items) == joined
