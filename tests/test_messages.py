"""Messages: the built-in template pack, rendering safety, overrides, tone checks."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    Action,
    ActionKind,
    Candidate,
    Channel,
    Interview,
    Interviewer,
    Outcome,
    Policy,
    Recruiter,
    TemplateError,
    TemplatePack,
    Update,
    plan,
    render,
)
from followup_rules.messages import default_pack, thank_you_turn

from .factories import at
from .test_words13 import COMPANIES

SAM = Candidate("Sam Lee", email="sam@example.com", phone="+1 917 555 0100")
TEMPLATES = {
    "ask_for_cards",
    "ask_permission",
    "ask_timeline",
    "closing_statement",
    "thank_you_email",
    "thank_you_card",
    "requested_items_email",
    "check_in_email",
    "next_steps_email",
    "check_in_call",
    "recruiter_debrief_call",
    "recruiter_debrief_email",
    "feedback_request_email",
    "feedback_response_email",
}


def full_interview(**changes: object) -> Interview:
    fields: dict[str, object] = {
        "starts_at": at(2026, 7, 7, 14),
        "company": "Acme Analytics",
        "role": "Data Engineer",
        "interviewers": [
            # Each with a topic of their own: with two interviewers the interview's are
            # recalled by no note (words7 class 1: nothing says who discussed them)
            Interviewer(
                "Ana Ruiz",
                email="ana@acme.example",
                phone="+1 212 555 0142",
                topics=("the move to streaming pipelines",),
            ),
            Interviewer("Bo Chen", timezone="Europe/Berlin", topics=("the on-call rota",)),
        ],
        "decision_by": date(2026, 7, 15),
        "recruiter": Recruiter("Rita Cole", agency="SelecSource", phone="+1 404 555 0199"),
        "candidate": SAM,
        "topics": ("the move to streaming pipelines",),
        "missed": ("my AWS certification",),
        "requested": ("two code samples",),
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


def every_message_action(interview: Interview) -> list[Action]:
    """One action for each template: the plan, a postal variant, a no-deadline one, feedback."""
    from followup_rules import Policy

    found: dict[str, Action] = {}
    histories: list[list[object]] = [
        [],
        [Update(interview.ends_at.add(days=1), Outcome.FEEDBACK_REQUESTED)],
        [Update(interview.ends_at.add(days=1), Outcome.REJECTED)],
    ]
    unreachable = attrs.evolve(
        interview, recruiter=Recruiter("Rita Cole", email="rita@agency.example")
    )
    for policy in (Policy(), Policy.traditional()):
        for variant in (interview, attrs.evolve(interview, decision_by=None), unreachable):
            for history in histories:
                for action in plan(variant, policy, history=history):
                    if action.template is not None:
                        found.setdefault(action.template, action)
    return list(found.values())


def by_template(name: str, interview: Interview | None = None) -> Action:
    interview = interview or full_interview()
    return next(a for a in every_message_action(interview) if a.template == name)


class TestBuiltInPack:
    def test_every_template_is_shipped(self) -> None:
        """Issue 3: every action that sends or says something has a template."""
        assert set(default_pack().names()) == TEMPLATES
        assert {a.template for a in every_message_action(full_interview())} == TEMPLATES

    def test_thank_you_follows_the_seeds(self) -> None:
        """Rule thank-you (seeds 000-004): thanks, recap, interest, fit, missed, requested."""
        iv = full_interview()
        message = render(by_template("thank_you_email"), iv, fit="five years of Kafka")
        assert message.subject == "Thank you: Data Engineer interview at Acme Analytics"
        assert message.to == "Ana Ruiz <ana@acme.example>"
        assert message.channel is Channel.EMAIL
        text = message.text
        assert text.startswith(
            "Dear Ana Ruiz,\n\nThank you for speaking with me about the Data Engineer position"
        )
        assert "the move to streaming pipelines" in text
        assert "I am very interested in joining the company." in text
        assert "I can bring my five years of Kafka to the role." in text
        assert "One thing I did not get to mention is my AWS certification, and I" in text
        assert "As requested at the interview, I have attached two code samples." in text
        assert message.enclosures == ("two code samples",)
        assert text.endswith("Sam Lee\nsam@example.com\n+1 917 555 0100")
        assert message.html is not None
        assert "<p>Dear Ana Ruiz,</p>" in message.html

    def test_thank_you_without_optional_details(self) -> None:
        """The truth rule: no topics, fit, missed or requested items: nothing is invented."""
        iv = full_interview(topics=(), missed=(), requested=())
        iv = attrs.evolve(iv, interviewers=[attrs.evolve(p, topics=()) for p in iv.interviewers])
        message = render(by_template("thank_you_email", iv), iv)
        text = message.text
        assert "thoughts on" not in text and "conversation about" not in text
        assert "believe" not in text and "contribute" not in text
        assert "mention" not in text and "included" not in text
        assert message.missing_details == ("topics", "fit", "honorific")

    def test_check_in_refers_to_the_timeline_and_asks_next_steps(self) -> None:
        """Issue 3: the check-in refers to the timeline they gave and asks about next steps."""
        iv = full_interview(interviewers=[Interviewer("Ana Ruiz", preferred_channel="email")])
        action = next(a for a in plan(iv) if a.template == "check_in_email")
        text = render(action, iv).text
        assert "decision was expected by Wednesday, July 15" in text
        assert "next steps" in text

    def test_call_script_has_voicemail(self) -> None:
        """Rule one-call: talking points for the single call, with a voicemail message."""
        iv = full_interview()
        message = render(by_template("check_in_call", iv), iv)
        assert message.subject is None and message.html is None
        assert message.to == "+1 212 555 0142"
        assert "between 10:00 AM and 11:30 AM New York time (EDT)" in message.text
        assert "If you reach voicemail" in message.text

    def test_recruiter_debrief_points(self) -> None:
        """Rule recruiter (seed 000): what to tell the recruiter."""
        iv = full_interview()
        message = render(by_template("recruiter_debrief_call", iv), iv)
        assert message.to == "+1 404 555 0199"
        assert "Ana Ruiz and Bo Chen" in message.text

    def test_postal_card_has_no_subject(self) -> None:
        """A mailed card has a body only."""
        iv = full_interview()
        message = render(by_template("thank_you_card", iv), iv)
        assert message.subject is None
        assert message.channel is Channel.POSTAL
        assert "With best wishes,\nSam Lee" in message.text

    def test_dates_are_in_the_recipients_zone_and_locale(self) -> None:
        """Dates read like "Tuesday, July 7", or per locale, in the recipient's zone; the
        interview's day, when the two calendars differ, as both lived it (words10 class 6)."""
        iv = full_interview(starts_at=at(2026, 7, 7, 22), contact="Bo Chen")  # Wednesday in Berlin
        first = next(a for a in plan(iv) if a.kind is ActionKind.CHECK_IN)
        assert (
            "At my interview on Tuesday, July 7 (Wednesday, July 8, your time), I understood"
            in render(first, iv).text
        )
        gb = TemplatePack(locale="en_GB").render(first, iv).text
        assert (
            "At my interview on Tuesday 7 July (Wednesday 8 July, your time), I understood" in gb
        )


class TestSafety:
    def test_missing_candidate_is_named(self) -> None:
        """StrictUndefined: a missing signature raises TemplateError naming it and the template."""
        iv = full_interview(candidate=None)
        with pytest.raises(TemplateError, match="candidate") as raised:
            render(by_template("thank_you_email", iv), iv)
        assert raised.value.template == "thank_you_email.txt"

    def test_an_action_without_template_has_no_message(self) -> None:
        """An action with no template: a clear TemplateError naming its kind."""
        iv = full_interview()
        card = attrs.evolve(
            next(a for a in plan(iv) if a.kind is ActionKind.ASK_FOR_CARDS), template=None
        )
        with pytest.raises(TemplateError, match="ASK_FOR_CARDS"):
            render(card, iv)

    def test_unknown_template(self) -> None:
        """An unknown template name is a TemplateError."""
        iv = full_interview()
        action = attrs.evolve(by_template("thank_you_email", iv), template="nope")
        with pytest.raises(TemplateError, match="no such template"):
            render(action, iv)

    def test_header_injection_is_flattened(self, tmp_path: Path) -> None:
        """A variable with CR/LF cannot break the subject line."""
        pack = user_pack(
            tmp_path,
            thank_you_email="{% block subject %}{{ note }}{% endblock %}"
            "{% block body %}Hi{% endblock %}",
        )
        iv = full_interview()
        message = pack.render(
            by_template("thank_you_email", iv), iv, note="Engineer\r\nBcc: victim@example.com"
        )
        assert message.subject == "Engineer Bcc: victim@example.com"

    def test_html_escapes_user_text(self) -> None:
        """HTML output escapes everything user-given."""
        iv = full_interview(company="<script>alert(1)</script> & Co")
        html = render(by_template("thank_you_email", iv), iv).html
        assert html is not None
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html

    def test_a_long_subject_takes_a_shorter_wording_never_a_cut(self) -> None:
        """Issue 19.9: subjects stay under 80 characters by dropping the company, then the
        role: never cut mid-phrase with an ellipsis."""
        iv = full_interview(company="The Very Long Name " * 10)
        subject = render(by_template("thank_you_email", iv), iv).subject
        assert subject == "Thank you: Data Engineer interview"
        iv = full_interview(company="The Very Long Name " * 10, role="Principal " * 9 + "Engineer")
        subject = render(by_template("thank_you_email", iv), iv).subject
        assert subject == "Thank you for the interview"


def user_pack(folder: Path, **templates: str) -> TemplatePack:
    """A pack over *folder* holding the given ``<name>.txt`` templates."""
    for name, source in templates.items():
        (folder / f"{name}.txt").write_text(source, encoding="utf-8")
    return TemplatePack(folder)


class TestUserTemplates:
    def test_user_template_wins_and_extends_the_builtin(self, tmp_path: Path) -> None:
        """User templates override built-ins; {% extends %} reaches the built-in one."""
        pack = user_pack(
            tmp_path,
            thank_you_email='{% extends "builtin/thank_you_email.txt" %}'
            "{% block subject %}Many thanks, {{ recipient_name|first_name }}{% endblock %}",
        )
        iv = full_interview()
        message = pack.render(by_template("thank_you_email", iv), iv)
        assert message.subject == "Many thanks, Ana"
        assert message.text.startswith("Dear Ana Ruiz,")  # the built-in body

    def test_super_and_top_level_variables_reach_the_blocks(self, tmp_path: Path) -> None:
        """A block may call super(), and a top-level {% set %} is seen inside the blocks."""
        pack = user_pack(
            tmp_path,
            check_in_email='{% extends "builtin/check_in_email.txt" %}'
            "{% block body %}{{ super() }}\n\nP.S. Still keen.{% endblock %}",
            thank_you_card='{% set greeting = "Hello" %}'
            "{% block body %}{{ greeting }} {{ recipient_name|first_name }}!{% endblock %}",
        )
        iv = full_interview()
        check_in = pack.render(by_template("check_in_email", iv), iv)
        assert check_in.text.endswith("P.S. Still keen.")
        assert check_in.text.startswith("Dear Ana")
        card_iv = full_interview()
        card = next(
            a
            for a in plan(card_iv, Policy(thank_you_channel="postal"))
            if a.template == "thank_you_card"
        )
        assert pack.render(card, card_iv).text == "Hello Ana!"

    def test_user_templates_are_sandboxed(self, tmp_path: Path) -> None:
        """User templates run in Jinja's sandbox: no reaching into Python internals."""
        (tmp_path / "thank_you_email.txt").write_text(
            "{% block body %}{{ ''.__class__.__mro__[1].__subclasses__() }}{% endblock %}",
            encoding="utf-8",
        )
        iv = full_interview()
        with pytest.raises(TemplateError, match="unsafe"):
            TemplatePack(tmp_path).render(by_template("thank_you_email", iv), iv)

    def test_syntax_error_is_reported_with_the_line(self, tmp_path: Path) -> None:
        """A template with a syntax error: TemplateError naming the file and the line."""
        (tmp_path / "check_in_email.txt").write_text(
            "{% block body %}\n{% if %}\n{% endblock %}", encoding="utf-8"
        )
        with pytest.raises(TemplateError, match=r"check_in_email\.txt: syntax error on line 2"):
            TemplatePack(tmp_path).get("check_in_email")

    def test_user_can_add_a_new_template(self, tmp_path: Path) -> None:
        """New names become available; the built-ins remain as fallback."""
        (tmp_path / "linkedin_note.txt").write_text("{% block body %}Hi{% endblock %}")
        pack = TemplatePack([tmp_path])
        assert "linkedin_note" in pack.names()
        assert "thank_you_email" in pack.names()

    def test_bad_pack_arguments(self, tmp_path: Path) -> None:
        """A missing directory or unknown locale is refused at construction."""
        with pytest.raises(TemplateError, match="does not exist"):
            TemplatePack(tmp_path / "missing")
        with pytest.raises(TemplateError, match="locale"):
            TemplatePack(locale="xx")

    def test_environment_is_created_once(self) -> None:
        """The default pack and its Jinja environment are reused."""
        assert default_pack() is default_pack()
        pack = TemplatePack()
        assert pack.get("thank_you_email") is pack.get("thank_you_email")


# -- tone and length over generated interviews ------------------------------------

_letters = st.characters(categories=("Lu", "Ll", "Lo", "Nd"), exclude_characters="\x85")
words = st.text(_letters, min_size=1, max_size=12)
names = st.lists(words, min_size=1, max_size=3).map(" ".join).filter(lambda s: "None" not in s)
companies = st.one_of(names, st.lists(words, min_size=10, max_size=30).map(" ".join)).filter(
    lambda s: "None" not in s
)


@st.composite
def rich_interviews(draw: st.DrawFn) -> Interview:
    people = draw(st.lists(names, min_size=1, max_size=4, unique_by=str.casefold))
    return Interview(
        pendulum.datetime(2026, 3, 2, 9, tz="Europe/Paris")
        + timedelta(days=draw(st.integers(0, 400)), hours=draw(st.integers(0, 10))),
        draw(companies),
        draw(names),
        [
            Interviewer(
                person,
                email=draw(st.none() | st.just("someone@example.com")),
                phone=draw(st.none() | st.just("+33 1 23 45 67 89")),
                timezone=draw(st.none() | st.sampled_from(("Asia/Tokyo", "America/Denver"))),
            )
            for person in people
        ],
        decision_by=draw(st.none() | st.just(date(2027, 6, 1))),
        recruiter=draw(st.none() | st.builds(Recruiter, names)),
        candidate=Candidate(
            draw(names),
            email=draw(st.none() | st.just("me@example.com")),
            phone=draw(st.none() | st.just("+1 555 0100")),
        ),
        topics=draw(st.lists(names, max_size=3)),
        missed=draw(st.lists(names, max_size=2)),
        requested=draw(st.lists(names, max_size=2)),
        invited_to_call=draw(st.booleans()),
    )


@given(interview=rich_interviews())
def test_every_template_reads_cleanly(interview: Interview) -> None:
    """Issue 3: no leftover tags, no 'None', no double spaces or blank salutations."""
    for action in every_message_action(interview):
        message = render(action, interview)
        for part in (message.subject or "", message.text, message.html or ""):
            assert "{{" not in part and "{%" not in part
            assert "None" not in part
        assert not re.search(r"\S  +\S", message.text), message.text
        assert "Dear ," not in message.text and "Dear  " not in message.text
        if message.subject is not None:
            assert 0 < len(message.subject) < 80
            assert "\n" not in message.subject
        if action.kind is ActionKind.THANK_YOU:
            assert len(message.text.split()) < 200


class TestDetailsAndEdges:
    """The corners of rendering: details, names, zones, windows, broken packs."""

    def test_template_errors_pickle(self) -> None:
        import pickle

        error = TemplateError("missing value: 'x'", "thank_you_email.txt")
        again = pickle.loads(pickle.dumps(error))
        assert (str(again), again.template) == (str(error), error.template)

    def test_details_are_checked_and_normalised(self) -> None:
        iv = full_interview()
        note = by_template("thank_you_email", iv)
        assert "the roadmap" in render(note, iv, topics="the roadmap").text  # one string: one item
        assert render(note, iv, fit=None).text == render(note, iv).text
        with pytest.raises(TemplateError, match="'fit' must be a non-empty string"):
            render(note, iv, fit="  ")
        with pytest.raises(TemplateError, match="'missed' must be a list"):
            render(note, iv, missed=["", "x"])

    def test_the_article_of_the_role_can_be_overridden(self) -> None:
        """The a/an rule is a rule; a user who knows better says so."""
        # the wording takes no turn of the application's (`thank_you_turn`, words14)
        iv = next(
            iv
            for iv in (full_interview(role="Ukulele Engineer", company=c) for c in COMPANIES)
            if thank_you_turn(iv) == 0
        )  # "you": "a Ukulele Engineer"
        card_policy = Policy.traditional()
        plan_ = plan(iv, card_policy)
        bo_card = next(a for a in plan_ if a.kind is ActionKind.THANK_YOU and a.facts.variant == 1)
        assert bo_card.facts.variant == 1  # the wording "I would be glad to join you as a ..."
        assert "as a Ukulele Engineer" in render(bo_card, iv).text
        assert "as an Ukulele Engineer" in render(bo_card, iv, role_article="an").text

    def test_a_window_is_worded_by_its_shape(self) -> None:
        """Said on a later day, a window names its dates, or the day an approximate span
        runs from (issue 19, second round, class 2)."""
        pack = default_pack()
        from followup_rules import parse_timeframe

        day = date(2026, 7, 7)
        words = {
            phrase: pack.decision_words(None, parse_timeframe(phrase, day))  # type: ignore[arg-type]
            for phrase in (
                "in a week",
                "within 15 days",
                "in a couple of weeks",
                "in a few days",
                "next week",
                "by the end of the month",
                "in September",
                "mid-August",
            )
        }
        assert words == {
            "in a week": "within a week of Tuesday, July 7",
            "within 15 days": "within 15 days of Tuesday, July 7",
            "in a couple of weeks": "within a couple of weeks of Tuesday, July 7",
            "in a few days": "within a few days of Tuesday, July 7",
            "next week": "in the week of Monday, July 13",
            "by the end of the month": "by the end of July",
            "in September": "in September",
            "mid-August": "in mid-August",
        }
        between = full_interview(decision_by=(date(2026, 7, 13), date(2026, 7, 17)))
        assert pack.decision_words(between.decision_date, between.decision_by) == (  # type: ignore[arg-type]
            "between Monday, July 13, and Friday, July 17"
        )
        assert pack.decision_words(None, None) is None

    def test_names_for_nobody_are_empty(self) -> None:
        pack = default_pack()
        from followup_rules import Salutation

        assert pack.addressee(None, Salutation.HONORIFIC) == ""
        assert pack.spoken_name(None, Salutation.HONORIFIC) == ""
        rita = Recruiter("Rita Cole")
        assert pack.addressee(rita, Salutation.FIRST_NAME) == "Rita"
        assert pack.spoken_name(rita, Salutation.HONORIFIC) == "Rita"

    def test_a_fixed_offset_zone_is_named_by_its_offset(self) -> None:
        """A call to an interviewer on -03:00, from a candidate in New York."""
        kolkata = Interviewer("Ana Ruiz", phone="+55 11 5550 0100", timezone="-03:00")
        iv = full_interview(interviewers=[kolkata], invited_to_call=True)
        call = next(
            a for a in plan(iv) if a.channel is Channel.PHONE and a.kind is ActionKind.CHECK_IN
        )
        text = render(call, iv).text
        assert "between 10:00 AM and 11:30 AM UTC-03:00." in text
        assert "For you, that is between 9:00 AM and 10:30 AM New York time (EDT)" in text

    def test_noon_and_midnight_are_named(self) -> None:
        from datetime import datetime

        pack = default_pack()
        assert pack._time(datetime(2026, 7, 7, 12)) == "noon"
        assert pack._time(datetime(2026, 7, 7, 0)) == "midnight"
        assert TemplatePack(locale="en_GB")._time(datetime(2026, 7, 7, 12)) == "12:00"

    def test_a_pack_reads_for_people_and_joins_with_or(self, tmp_path: Path) -> None:
        pack = user_pack(
            tmp_path, choice="{% block body %}{{ ['a', 'b', 'c']|join_or }}{% endblock %}"
        )
        assert repr(pack) == f"TemplatePack(search_path=({str(tmp_path)!r},), locale='en')"
        iv = full_interview()
        action = attrs.evolve(by_template("thank_you_card", iv), template="choice")
        assert pack.render(action, iv).text == "a, b or c"

    def test_broken_packs_are_template_errors(self, tmp_path: Path) -> None:
        iv = full_interview()
        note = by_template("thank_you_email", iv)
        empty = user_pack(tmp_path, thank_you_email="{% block body %}  {% endblock %}")
        with pytest.raises(TemplateError, match="the body block is empty"):
            empty.render(note, iv)
        (tmp_path / "thank_you_email.txt").write_text("{% block body %}Hi{% endblock %}")
        (tmp_path / "thank_you_email.html").write_text("{% if %}")
        with pytest.raises(TemplateError, match=r"thank_you_email\.html: syntax error on line 1"):
            TemplatePack(tmp_path).render(note, iv)
        (tmp_path / "thank_you_email.html").write_text("{{ nowhere.x }}")
        with pytest.raises(TemplateError, match=r"thank_you_email\.html: missing value"):
            TemplatePack(tmp_path).render(note, iv)
        with pytest.raises(TemplateError, match="non-empty string"):
            default_pack().get("")

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ({"search_path": 5}, "search_path must be a directory"),
            ({"search_path": [5]}, "a template directory must be a path"),
            ({"locale": 5}, "locale must be a name like"),
            ({"locale": "../.."}, "locale must be a name like"),
            ({"locale": "it"}, "no translation for locale 'it'"),
            ({"locale": "de_XX"}, "no translation for locale 'de_XX'"),
        ],
    )
    def test_bad_pack_arguments_are_named(
        self, arguments: dict[str, object], message: str
    ) -> None:
        with pytest.raises(TemplateError, match=message):
            TemplatePack(**arguments)  # type: ignore[arg-type]

    def test_double_spaces_are_squeezed(self, tmp_path: Path) -> None:
        pack = user_pack(
            tmp_path, thank_you_card="{% block body %}Hello   {{ company }}.{% endblock %}"
        )
        iv = full_interview()
        card = by_template("thank_you_card", iv)
        assert pack.render(card, iv).text == "Hello Acme Analytics."


class TestTemplateContext:
    """Issue 20: the variables a template reads are a pure function, testable without Jinja."""

    @staticmethod
    def _interview() -> Interview:
        return Interview(
            at(2024, 7, 2, 14),
            "Acme Analytics",
            "Data Engineer",
            [Interviewer("Ana Ruiz", honorific="Dr.", email="ana@acme.example")],
            decision_by=date(2024, 7, 10),
            candidate=SAM,
        )

    @pytest.mark.parametrize("locale", ["en", "de"])
    def test_a_pack_sees_the_function_in_its_language(self, locale: str) -> None:
        """`TemplatePack.context` is `template_context` in the pack's language, step by step."""
        from followup_rules.messages import template_context

        iv = self._interview()
        pack = TemplatePack(locale=locale)
        for action in plan(iv):
            assert template_context(action, iv, locale) == pack.context(action, iv)

    def test_days_are_words_made_from_the_facts(self) -> None:
        """A fresh reply's day is the facts' date, worded once, in the language asked for."""
        from followup_rules import Contact, Reply
        from followup_rules.messages import template_context

        iv = self._interview()
        history = [Contact(at(2024, 7, 11, 9), Channel.EMAIL), Reply(at(2024, 7, 12, 9))]
        step = next(a for a in plan(iv, history=history) if a.kind is ActionKind.CHECK_IN)
        assert step.facts.replied_on == date(2024, 7, 12)
        assert template_context(step, iv)["replied_day"] == "Friday, July 12"
        assert template_context(step, iv, "de")["replied_day"] == "Freitag, dem 12. Juli"
        assert template_context(step, iv)["facts"] is step.facts

    def test_an_unknown_locale_is_refused(self) -> None:
        """A language the messages are not written in is a TemplateError, as for a pack."""
        from followup_rules.messages import template_context

        iv = self._interview()
        with pytest.raises(TemplateError, match="no translation for locale 'pt'"):
            template_context(plan(iv)[0], iv, "pt")
