"""Mutation pass 22 (issue 20, item 9), mut22b: `_grammar`, `_locale`, `_regional`,
`sources`, `catalogue` and `_rules_page`, never mutated before.

Each test pins what a user reads: the article before a role, the locale a candidate's
notes are written in, Quebec's words, and the rule catalogue's quotes and citations
checked against the five articles themselves.
"""

from __future__ import annotations

import re

import attrs
import pytest

from followup_rules._grammar import indefinite_article, join_words
from followup_rules._locale import LOCALES
from followup_rules._regional import quebec
from followup_rules.catalogue import RULES, Rule, rules_page
from followup_rules.messages import candidate_locale
from followup_rules.sources import DISAGREEMENTS, SEED_001, SEED_004, SEEDS, SOURCES, Source

from .test_messages import SAM, full_interview
from .test_sources import _article, _plain, needs_seeds

SOURCE_IDS = ("| 000", "| 001", "| 002", "| 003", "| 004")


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        # a number is said as a whole: eleven or eighteen thousand (five digits) take
        # "an", a hundred and ten thousand (six) takes "a"
        ("11000-strong team", "an"),
        ("18500-member union", "an"),
        ("12000-person firm", "a"),
        ("110000-euro budget", "a"),
        ("180000-dollar package", "a"),
        ("11000000-user platform", "an"),
        # the number at the head of a word: "an eleven a.m. call", "an 18th-century"
        ("11am call", "an"),
        ("18th-century archive", "an"),
        ("12th-floor office", "a"),
        # a lone lower-case letter is read by its name
        ("x-ray technician", "an"),
        ("f-stop", "an"),
        ("b-roll editor", "a"),
        # five capitals are still read letter by letter, six are a word in capitals
        ("NCLEX-certified nurse", "an"),
        ("SENIOR DATA ENGINEER", "a"),
    ],
)
def test_the_article_of_numbers_letters_and_capitals(phrase: str, article: str) -> None:
    assert indefinite_article(phrase) == article


@pytest.mark.parametrize("phrase", ["²nd reviewer", "³D artist", "٣ shifts", "½-time role"])
def test_any_role_typed_gets_an_article_and_no_error(phrase: str) -> None:
    # A digit that is not a decimal digit ("²") still starts a word: no crash on
    # what a user typed, an article all the same.
    assert indefinite_article(phrase) in ("a", "an")


def test_a_single_item_or_none_is_listed_as_it_is() -> None:
    assert join_words(["Ana"]) == "Ana"
    assert join_words([]) == ""
    assert join_words(["Ana", "Ben"], "or") == "Ana or Ben"


# `_locale`: the English a candidate without a language reads, by their zone


@pytest.mark.parametrize(
    ("zone", "locale"),
    [
        ("Europe/London", "en_GB"),
        ("Europe/Dublin", "en_GB"),
        ("Europe/Isle_of_Man", "en_GB"),
        ("Australia/Perth", "en_AU"),
        ("Pacific/Chatham", "en_NZ"),
        ("America/Chicago", "en"),
        ("Asia/Tokyo", "en"),
    ],
)
def test_a_candidate_without_a_language_reads_the_english_of_their_zone(
    zone: str, locale: str
) -> None:
    candidate = attrs.evolve(SAM, language=None, timezone=zone)
    interview = full_interview(candidate=candidate)
    chosen = candidate_locale(interview)
    assert chosen == locale
    assert chosen in LOCALES  # a locale the built-in pack writes, spelt as it names it


# `_regional`: what Quebec says otherwise than France


@pytest.mark.parametrize(
    ("france", "canada"),
    [
        (
            "Si vous tombez sur la messagerie, laissez",
            "Si vous tombez sur la boîte vocale, laissez",
        ),
        ("Bien cordialement,\nSam", "Cordialement,\nSam"),
        ("Je me réjouis de connaître la suite.", "J’ai hâte de connaître la suite."),
    ],
)
def test_quebec_says_its_own_words(france: str, canada: str) -> None:
    assert quebec(france) == canada


# `sources` and `catalogue`: a citation and a rule of the user's own


def test_an_article_naming_an_author_and_a_firm_cites_both() -> None:
    source = Source("005", "005_extra.txt", "Following Up", author="Jo Park", firm="Acme Staffing")
    assert str(source) == "005 “Following Up” (Jo Park, Acme Staffing)"


def test_a_rule_quoted_as_pairs_cites_the_articles_quoted() -> None:
    # "quotes: (file, phrase) pairs", from a mapping or from pairs (as a rule's own
    # quotes are, so `attrs.evolve` keeps them)
    call_once = "call to follow up once after your interview"
    wait_a_day = "Wait at least a day after the deadline has passed before reaching out"
    own = Rule(
        "my-rule",
        "Call once, a day after the deadline.",
        quotes=[(SEED_004, wait_a_day), (SEED_001, call_once)],
    )
    assert own.quotes == ((SEED_001, call_once), (SEED_004, wait_a_day))
    assert own.sources == (SEED_001, SEED_004)
    evolved = attrs.evolve(RULES["cap"], summary="Stop after three.")
    assert evolved.quotes == RULES["cap"].quotes
    assert evolved.sources == RULES["cap"].sources


def test_a_rule_keeps_the_sources_it_is_given() -> None:
    # the sources default to the articles quoted; sources given explicitly stand
    quotes = dict(RULES["one-call"].quotes)
    own = Rule("my-call", "Call once.", sources=(SEED_001,), quotes=quotes)
    assert own.sources == (SEED_001,)
    assert len(quotes) > 1


# `_rules_page`: docs/rules.md's citations, checked against the articles themselves
# (not against the page as committed): who each line cites, and that what it quotes
# is in that article, word for word

_CITED = re.compile(r"^- (\d{3}) (“[^”]+”|untitled)(?: \(([^)]+)\))?: (.+)$")


def _cited(line: str) -> tuple[str, str] | None:
    """The article id a citation line names and what it says of it, once its title,
    author and firm are checked against that article."""
    match = _CITED.match(line)
    if match is None:
        return None
    article_id, title, by, said = match.groups()
    file = next(file for file in SEEDS if file.startswith(article_id + "_"))
    text = _article(file)
    assert (title == "untitled") == (SOURCES[file].title is None), line
    named = [] if title == "untitled" else [title[1:-1]]
    for part in [*named, *(by.split(", ") if by else [])]:
        assert _plain(part) in text, (line, part)
    for quoted in re.findall(r"“([^”]+)”", said):
        assert _plain(quoted) in text, (line, quoted)
    return article_id, said


@needs_seeds
def test_the_rules_page_cites_each_article_for_what_it_says() -> None:
    page = rules_page()
    sections = re.split(r"^## ", page, flags=re.MULTILINE)
    articles = next(part for part in sections if part.startswith("The five articles"))
    rows = [line.split(" | ") for line in articles.splitlines() if line[:5] in SOURCE_IDS]
    assert [row[0][2:] for row in rows] == ["000", "001", "002", "003", "004"]
    for row, (file, source) in zip(rows, SOURCES.items(), strict=True):
        text = _article(file)
        title, author, firm = row[1], row[2], row[3].removesuffix(" |")
        assert (title == "(the article names no title)") == (source.title is None)
        for part in (title, author, firm):
            if part not in ("—", "(the article names no title)"):
                assert _plain(part) in text, (file, part)
    table = next(part for part in sections if part.startswith("The rules\n"))
    listed = {
        cells[0].strip("|` "): set(cells[2].split(", "))
        for cells in (line.split(" | ") for line in table.splitlines() if line.startswith("| `"))
    }
    assert list(listed) == list(RULES)
    by_rule = next(part for part in sections if part.startswith("What each article says"))
    checked = 0
    for block in by_rule.split("### `")[1:]:
        rule_id = block.split("`", 1)[0]
        cited = [_cited(line) for line in block.splitlines()]
        quotes = [item for item in cited if item is not None]
        for _, said in quotes:  # a rule's line is one quote, whole
            assert said.startswith("“") and said.endswith("”") and said.count("“") == 1
        assert {article_id for article_id, _ in quotes} == listed[rule_id], rule_id
        checked += len(quotes)
    assert checked == sum(len(item.quotes) for item in RULES.values())
    disagree = next(part for part in sections if part.startswith("Where the articles disagree"))
    readings = [_cited(line) for line in disagree.splitlines()]
    assert len([item for item in readings if item]) == sum(
        len(item.readings) for item in DISAGREEMENTS
    )
