"""What the app12 trial found (a tracker for users writing in German, French and Spanish).

1. Every string an app shows a user is in the user's language: a `Violation`
   (`audit`, `audit_many`, `new_violations`, `Recorded.violations` and their
   JSON) says what went wrong with `Violation.describe(locale)`, its days,
   times and counts in that language's words, as `AgendaItem.why(locale)`
   does; a `Message`'s warnings are in the message's language.  English
   stays the sentence it always was.
2. A team's own subclass of `Policy` comes back as that class where the app
   names it (``policy_class=``), never by a name read from the data.
3. `PRESETS`' factories pickle.

Each class is tested across every sentence of its kind, through the public API.
"""

from __future__ import annotations

import json
import pickle
import random
import re
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    PRESETS,
    ActionKind,
    Application,
    Candidate,
    Channel,
    Contact,
    Event,
    FollowupError,
    FormatError,
    Interview,
    Interviewer,
    InvalidArgument,
    Outcome,
    OutOfOffice,
    Policy,
    Reply,
    Standing,
    Update,
    Violation,
    audit,
    audit_many,
    plan,
    render,
)
from followup_rules import serialize as s
from followup_rules.files import HistoryFile, load_many

BERLIN = "Europe/Berlin"
LANGUAGES = ("de", "fr", "es")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def interview(
    language: str = "de", *, deadline: bool = True, invited: bool = False, **changes: Any
) -> Interview:
    return Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=BERLIN),
        "Muster GmbH",
        "Entwicklerin",
        [
            Interviewer("Jörg Müller", email="j@muster.example", phone="+49 30 1234567"),
            Interviewer("Bo Chen", email="bo@muster.example"),
        ],
        decision_by=date(2026, 7, 15) if deadline else None,
        invited_to_call=invited,
        candidate=Candidate("Lena Vogel", language=language),
        **changes,
    )


# -- 1. violations in the candidate's language -------------------------------------------

_KINDS = (
    ActionKind.THANK_YOU,
    ActionKind.CHECK_IN,
    ActionKind.CHECK_IN,
    ActionKind.CHECK_IN,
    ActionKind.FEEDBACK_REQUEST,
    ActionKind.ASK_TIMELINE,
)


def _history(chance: random.Random) -> list[Event]:
    """A contact log of any shape: contacts of every kind (some too soon, some calls at
    odd hours), news, replies and out-of-office answers."""
    moment = pendulum.datetime(2026, 7, 7, 14, 30, tz=BERLIN).subtract(
        minutes=chance.choice([0, 40])
    )
    events: list[Event] = []
    for _ in range(chance.randint(1, 9)):
        moment = moment.add(hours=chance.choice([1, 5, 20, 30, 50, 100, 200]))
        roll = chance.random()
        if roll < 0.04:
            events.append(Update(moment, Outcome.NEXT_ROUND, moment.add(days=5).date()))
        elif roll < 0.12:
            events.append(Update(moment, chance.choice(list(Outcome))))
        elif roll < 0.16:
            events.append(OutOfOffice(moment, moment.add(days=chance.randint(1, 9)).date()))
        elif roll < 0.2:
            events.append(Reply(moment))
        else:
            channel = chance.choice([Channel.EMAIL, Channel.PHONE])
            recipient = chance.choice([None, "Bo Chen"])
            events.append(Contact(moment, channel, chance.choice(_KINDS), recipient))
    return events


def _violations(language: str, count: int = 700) -> list[Violation]:
    """What `audit` finds in *count* logs of any shape, the candidate writing *language*."""
    chance = random.Random(12)
    found: list[Violation] = []
    for _ in range(count):
        made = interview(language, deadline=chance.random() < 0.5, invited=chance.random() < 0.3)
        history = _history(chance)
        try:
            found.extend(audit(made, history))
        except FollowupError:  # a log the interview refuses (a contact before it)
            continue
    return found


@pytest.fixture(scope="module")
def english() -> list[Violation]:
    return _violations("en")


@pytest.fixture(scope="module", params=LANGUAGES)
def translated(request: pytest.FixtureRequest) -> tuple[str, list[Violation]]:
    return request.param, _violations(request.param)


_ENGLISH_WORDS = re.compile(
    r"\b(check-in on|before the first|the policy|business days?|thank-you sent|"
    r"call at|call number|recipient time|a second|out of office|feedback request on|"
    r"too soon|outcome|was already asked|in all|without an answer|only \w+ business)\b"
)


def test_every_violation_is_said_in_the_candidates_language(
    english: list[Violation], translated: tuple[str, list[Violation]]
) -> None:
    """The same logs give the same findings in every language (the English text, the rule
    and the events unchanged), each described in the candidate's words: no English
    phrase, no ISO day (dates are the language's: "Do., 16. Juli 2026")."""
    language, found = translated
    assert [(v.rule, v.events, v.message) for v in found] == [
        (v.rule, v.events, v.message) for v in english
    ]
    rules = {v.rule for v in found}
    assert {"thank-you", "one-call", "stop", "cap", "retry-gap", "next-steps"} <= rules
    for violation in found:
        assert violation.locale == language
        said = violation.describe(violation.locale)
        assert said != violation.message, violation
        assert not _ENGLISH_WORDS.search(said), said
        assert not ISO_DAY.search(said), said
        assert violation.describe() == violation.message  # English by default


def test_english_reads_as_it_always_did(english: list[Violation]) -> None:
    """English is the msgid: `message`, `str()` and `describe()` are the old sentences."""
    assert english
    for violation in english:
        assert violation.locale == "en"
        assert violation.describe() == violation.describe("en") == violation.message
        assert str(violation) == f"[{violation.rule}] {violation.message}"
    messages = {v.message for v in english}
    assert "a check-in after the OFFER outcome" in messages
    assert "check-in on 2026-07-08, before the first allowed day 2026-07-16" in messages


def test_one_sentence_in_each_language() -> None:
    history = [Contact(pendulum.datetime(2026, 7, 8, 9, tz=BERLIN), Channel.EMAIL)]
    said = {lang: audit(interview(lang), history)[0] for lang in ("en", *LANGUAGES)}
    assert said["en"].describe() == (
        "check-in on 2026-07-08, before the first allowed day 2026-07-16"
    )
    assert said["de"].describe("de") == (
        "Nachfrage am Mi., 8. Juli 2026, vor dem ersten erlaubten Tag Do., 16. Juli 2026"
    )
    assert said["fr"].describe("fr") == (
        "relance le mer. 8 juil. 2026, avant le premier jour autorisé, le jeu. 16 juil. 2026"
    )
    assert said["es"].describe("es") == (
        "seguimiento el mié. 8 jul. 2026, antes del primer día permitido, el jue. 16 jul. 2026"
    )
    # any locale, whoever the candidate: the app may show another language
    assert said["en"].describe("de_AT") == said["de"].describe("de")
    assert said["de"].describe("en_GB") == said["en"].message


def test_a_gap_across_applications_in_the_candidates_language() -> None:
    """`audit_many`'s finding (a follow-up to the same person in another application)."""
    first = Application(interview("fr"))
    later = pendulum.datetime(2026, 7, 8, 10, tz=BERLIN)
    second = Application(attrs.evolve(interview("fr"), starts_at=later))
    at = pendulum.datetime(2026, 7, 20, 9, tz=BERLIN)
    apps = [
        attrs.evolve(first, history=(Contact(at, Channel.EMAIL),)),
        attrs.evolve(second, history=(Contact(at.add(days=1), Channel.EMAIL),)),
    ]
    found = [v for each in audit_many(apps) for v in each]
    assert found and all(v.locale == "fr" for v in found)
    said = [v.describe(v.locale) for v in found]
    assert any("dans une autre candidature" in text for text in said), said
    assert not any(ISO_DAY.search(text) for text in said)


def test_recorded_violations_carry_their_description_in_json() -> None:
    """What an app's "recorded, with warnings" response holds: the English as before, and
    the description and locale beside it."""
    app = Application(interview("es"))
    done = app.record(
        Contact(pendulum.datetime(2026, 7, 8, 9, tz=BERLIN), Channel.EMAIL),
        now=pendulum.datetime(2026, 7, 8, 10, tz=BERLIN),
    )
    data = json.loads(json.dumps(s.unstructure(done)))
    (violation,) = data["violations"]
    assert violation["locale"] == "es"
    assert violation["description"] == done.violations[0].describe("es")
    assert violation["description"].startswith("seguimiento el mié. 8 jul. 2026")
    assert violation["message"] == done.violations[0].message
    assert violation["text"] == str(done.violations[0])


def test_a_violation_pickles_with_its_words() -> None:
    history = [Contact(pendulum.datetime(2026, 7, 8, 9, tz=BERLIN), Channel.EMAIL)]
    (found,) = audit(interview("de"), history)
    again = pickle.loads(pickle.dumps(found))
    assert again == found and again.locale == "de"
    assert again.describe("fr") == found.describe("fr") != found.message


def test_a_violation_made_by_hand_is_said_as_given() -> None:
    made = Violation("retry-gap", (), (), "too soon, by my own rule")
    assert made.describe("de") == made.message and made.locale == "en"
    with pytest.raises(InvalidArgument) as error:
        made.describe("xx")
    assert error.value.key == "locale"


def test_every_sentence_of_the_audit_and_of_a_warning_is_translated() -> None:
    """Each sentence `audit` or a message's warnings can say (those no log above reaches,
    the planner's own waits, too), filled with every kind of value, is in each
    language's words: the catalogs hold every one of them."""
    from followup_rules import limits
    from followup_rules._said import (
        BusinessDay,
        CallTime,
        Days,
        Kind,
        Moment,
        OutcomeName,
        Said,
        Window,
        phrases,
    )
    from followup_rules._step_words import words

    moment = pendulum.datetime(2026, 7, 11, 9, tz=BERLIN)
    values: dict[str, object] = {
        "day": date(2026, 7, 8),
        "first": date(2026, 7, 16),
        "until": date(2026, 7, 20),
        "skipped": date(2026, 7, 9),
        "previous": date(2026, 7, 9),
        "apart": Days(2),
        "gap": Days(3),
        "min_gap": 3,
        "number": 4,
        "allowed": 3,
        "outcome": OutcomeName("rejected"),
        "what": Kind("thank_you"),
        "name": "Jörg Müller",
        "agency": "SelecSource",  # words26b: a check-in's agency-recruiter warning
        "sent": Moment(moment),
        "at": Moment(moment),
        "ended": Moment(moment),
        "due": Moment(moment),
        "limit": Moment(moment),
        "time": CallTime(moment),
        "window": Window(pendulum.time(10), pendulum.time(11, 30)),
        "business_day": BusinessDay(Policy(holidays="IL").business_holidays, date(2026, 7, 11)),
        "phone": "+1 212 555 0142",
        "code": "1",
        "zone": BERLIN,
    }
    english = phrases(words(None))
    for key, phrase in english.items():
        names = re.findall(r"%\((\w+)\)s", phrase)
        said = Said(key, **{name: values[name] for name in names})
        assert "%(" not in said and said.key == key
        for language in LANGUAGES:
            text = said.in_language(words(language))
            assert text != str(said), (key, language)
            assert not ISO_DAY.search(text), (key, language, text)
            assert "%(" not in text
    # the planner's own waits, which `audit` does not judge by, are said too
    assert isinstance(limits.SKIPPED, limits.Limit) and limits.SKIPPED.audited is False


def test_a_message_warning_is_in_the_messages_language() -> None:
    """A posted card that would arrive after the decision: the German message's warning is
    German, its day the language's; English as before."""
    card = Policy(thank_you_channel=Channel.POSTAL)
    warned = {}
    for language in ("en", *LANGUAGES):
        made = attrs.evolve(interview(language), decision_by=date(2026, 7, 9))
        made = attrs.evolve(
            made,
            interviewers=[attrs.evolve(made.interviewers[0], address="Str. 1, 10115 Berlin")],
        )
        note = next(a for a in plan(made, policy=card) if a.channel is Channel.POSTAL)
        (warned[language],) = render(note, made).warnings
    assert warned["en"] == (
        "a card in the post is likely to arrive after the decision date (2026-07-09): career "
        "advice warns that a posted card may sit unopened until after the decision, so "
        "consider sending the thank-you by e-mail"
    )
    for language in LANGUAGES:
        assert warned[language] != warned["en"]
        assert not ISO_DAY.search(warned[language])
        assert "decision date" not in warned[language]
    assert "Do., 9. Juli 2026" in warned["de"]


# -- 2. a team's policy comes back as itself ----------------------------------------------


@attrs.frozen
class TeamPolicy(Policy):
    """A house policy: a wider gap, and a field of the team's own."""

    min_gap: int = 5
    team: str = "blue"


@attrs.frozen
class WiderGap(Policy):
    """A house policy that only changes a default."""

    min_gap: int = 6


def test_an_application_with_a_team_policy_round_trips_as_its_class() -> None:
    app = Application(interview(), policy=TeamPolicy(team="red"), key=("lena", 3))
    data = json.loads(json.dumps(s.unstructure(app)))
    assert data["policy"]["team"] == "red"  # its own field is written
    back = s.structure(data, Application, policy_class=TeamPolicy)
    assert back == app and type(back.policy) is TeamPolicy
    assert back.policy.team == "red" and back.policy.min_gap == 5


def test_a_policy_of_another_class_is_never_read_as_a_plain_policy_silently() -> None:
    """Read without its class, a subclass's own field is an unknown key, named: nothing is
    dropped without a word; an application without a policy reads either way."""
    data = json.loads(json.dumps(s.unstructure(Application(interview(), policy=TeamPolicy()))))
    with pytest.raises(FormatError) as error:
        s.structure(data, Application)
    assert error.value.key == "team" and error.value.field == "<data>: $.policy.team"
    plain = json.loads(json.dumps(s.unstructure(Application(interview()))))
    assert s.structure(plain, Application, policy_class=TeamPolicy).policy is None
    wider = json.loads(json.dumps(s.unstructure(Application(interview(), policy=WiderGap()))))
    assert s.structure(wider, Application).policy == Policy(min_gap=6)  # as before
    assert type(s.structure(wider, Application, policy_class=WiderGap).policy) is WiderGap


def test_a_bad_value_of_a_team_policy_is_named_by_its_path() -> None:
    data = json.loads(json.dumps(s.unstructure(Application(interview(), policy=TeamPolicy()))))
    data["policy"]["min_gap"] = -1
    with pytest.raises(FormatError) as error:
        s.structure(data, Application, policy_class=TeamPolicy, source="upload.json")
    assert error.value.field == "upload.json: $.policy.min_gap"


@pytest.mark.parametrize("given", [dict, "TeamPolicy", TeamPolicy(), None])
def test_the_class_is_the_apps_never_a_name(given: Any) -> None:
    data = s.unstructure(Application(interview()))
    with pytest.raises(InvalidArgument) as error:
        s.structure(data, Application, policy_class=given)
    assert error.value.key == "policy_class"
    with pytest.raises(InvalidArgument):
        s.policy_from({}, policy_class=given)


def test_the_loaders_read_a_team_policy_as_its_class(tmp_path: Path) -> None:
    assert type(s.policy_from({"team": "green"}, policy_class=TeamPolicy)) is TeamPolicy
    preset = s.policy_from({"preset": "cautious", "team": "x"}, policy_class=TeamPolicy)
    assert preset == attrs.evolve(TeamPolicy.preset("cautious"), team="x")
    assert preset.min_gap == 5  # cautious keeps the house's wider gap
    file = tmp_path / "team.toml"
    file.write_text(s.dumps_toml(TeamPolicy(team="green")), encoding="utf-8")
    assert s.load_policy(file, policy_class=TeamPolicy) == TeamPolicy(team="green")
    path = tmp_path / "acme.toml"
    with pytest.raises(InvalidArgument) as refused:  # it could not be read back as a Policy
        HistoryFile(path).create(interview(), policy=TeamPolicy(team="z"))
    assert refused.value.key == "policy" and "policy_class=TeamPolicy" in refused.value.problem
    assert not path.exists()
    made = HistoryFile(path, policy_class=TeamPolicy).create(
        interview(), policy=TeamPolicy(team="z")
    )
    assert made.policy == TeamPolicy(team="z")
    assert s.load_interview_file(path, policy_class=TeamPolicy).policy == TeamPolicy(team="z")
    assert HistoryFile(path, policy_class=TeamPolicy).read().policy == TeamPolicy(team="z")
    (loaded,) = load_many([path], policy_class=TeamPolicy)
    assert type(loaded.policy) is TeamPolicy
    with pytest.raises(FormatError) as error:
        HistoryFile(path).read()
    assert error.value.key == "team"


# -- 3. presets pickle ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_pickles(name: str) -> None:
    factory = pickle.loads(pickle.dumps(PRESETS[name]))
    assert factory == PRESETS[name]
    assert factory(Policy) == Policy.preset(name) == PRESETS[name](Policy)
    assert type(factory(TeamPolicy)) is TeamPolicy
    assert pickle.loads(pickle.dumps(PRESETS)) == PRESETS


# -- 4. the names of choices, and what a message lacks, in words --------------------------


@pytest.mark.parametrize("choices", [Channel, Outcome, Standing])
def test_every_choice_has_a_label_in_every_language(choices: Any) -> None:
    """A form's drop-down (an outcome, a channel) or a badge (a standing) in the user's
    language: one label per member, none the raw value, German's all translated."""
    english = [member.label() for member in choices]
    assert len(set(english)) == len(english)
    for language in LANGUAGES:
        labels = [member.label(language) for member in choices]
        assert len(set(labels)) == len(labels)
        assert all(
            label and label != member.value for label, member in zip(labels, choices, strict=True)
        )
    assert all(member.label("de") != member.label() for member in choices)
    with pytest.raises(InvalidArgument) as error:
        next(iter(choices)).label("xx")
    assert error.value.key == "locale"


def test_what_a_message_lacks_is_named_in_words() -> None:
    """Every detail a message can lack (an address, a number, topics, fit, a title, the
    user's feedback) has words in every language, in `missing_details`' order."""
    bare = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=BERLIN),
        "Muster GmbH",
        "Entwicklerin",
        [Interviewer("Jörg Müller", preferred_channel=Channel.PHONE)],
        decision_by=date(2026, 7, 15),
        invited_to_call=True,
        candidate=Candidate("Lena Vogel"),
    )
    history = [Update(pendulum.datetime(2026, 7, 9, 9, tz=BERLIN), Outcome.FEEDBACK_REQUESTED)]
    names: set[str] = set()
    reachable = attrs.evolve(bare, interviewers=[Interviewer("Jörg Müller", phone="+49 30 1")])
    call = next(a for a in plan(reachable) if a.channel is Channel.PHONE)
    lost = attrs.evolve(call, recipient=bare.interviewers[0])  # planned before it was lost
    said = render(lost, bare).missing_words("es")
    assert said["phone"] == "el número de teléfono de la persona"
    names.add("phone")
    for made, events, policy in [
        (bare, [], Policy()),
        (bare, history, Policy()),
        (bare, [], Policy(thank_you_channel=Channel.POSTAL)),
    ]:
        for action in plan(made, policy, history=events):
            message = render(action, made)
            said = message.missing_words()
            assert list(said) == list(message.missing_details)
            names.update(said)
            for language in LANGUAGES:
                words = message.missing_words(language)
                assert list(words) == list(said)
                assert all(words[name] for name in said)
            assert all(message.missing_words("de")[name] != said[name] for name in said)
    assert {"email", "phone", "address", "topics", "fit", "honorific", "feedback"} <= names
