"""Drafts a mail client sends as they are, and links an app can show (issue 18, item 3).

Measured on 0.2: ``.eml`` To/From lost the quotes of ``Robert "Bob" Müller``
and the address of ``Zoë " Brun``; a folded accented German subject lost a
space ("Ingénieuredonnées"); drafts had no Message-ID and carried
``X-Followup-Rule``; a draft from a candidate without an address had no
``From:`` and no warning; after a phone check-in the next e-mail no longer
answered the thread; `Message.to` was RFC 2047-encoded, and there was no
``mailto:`` nor ``tel:`` link.

Drafts are read back the way mail programs read them: with the standard
library's modern parser (``email.policy.default``), and with its RFC 2047
decoder (``email.header``), which drops the white space between two encoded
words as the RFC says (Python's address parser keeps it).
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Interviewer,
    Plan,
    Policy,
    Recruiter,
    TemplateError,
    TemplatePack,
    action_ids,
    plan,
    render,
)
from followup_rules.cli import main
from followup_rules.export import Draft, drafts, eml_name, to_eml, write_drafts
from followup_rules.export import __all__ as exported
from followup_rules.serialize import FormatError

from .factories import ANA, interview

SAM = Candidate("Sam Lee", email="sam@example.com")
ROOT = Path(__file__).resolve().parent.parent


def signed(**changes: Any) -> Any:
    return interview(**{"candidate": SAM, "decision_by": date(2024, 7, 10), **changes})


def first(schedule: Any, kind: ActionKind, name: str | None = None) -> Any:
    return next(
        action
        for action in schedule
        if action.kind is kind
        and action.channel is Channel.EMAIL
        and (name is None or action.recipient.name == name)
    )


def read(draft: EmailMessage) -> Any:
    """A draft as a mail client reads the file (the standard library's modern parser)."""
    return message_from_bytes(draft.as_bytes(), policy=policy.default)


def rfc2047(draft: EmailMessage, header: str) -> list[tuple[str, str]]:
    """An address header as an RFC 2047 reader reads it: (name, address) pairs."""
    raw = message_from_bytes(draft.as_bytes())[header]
    return [
        (str(make_header(decode_header(name))), address) for name, address in getaddresses([raw])
    ]


def thank_you_to(name: str, candidate: str = "Sam Lee") -> EmailMessage:
    """The draft of the thank-you to a person called *name*, from *candidate*."""
    iv = signed(
        interviewers=[Interviewer(name, email="ana@acme.example")],
        candidate=Candidate(candidate, email="sam@example.com"),
    )
    return to_eml(first(plan(iv), ActionKind.THANK_YOU), iv)


NAMES = [
    'Robert "Bob" Müller',
    'Zoë " Brun',
    "José García",
    "Ana, Ruiz",
    "李雷",
    "Ελευθέριος Παπαδόπουλος-Καραγιαννόπουλος",
    "Anna (PhD) Müller",
    "Ana =?utf-8?q?Ruiz?=",
    "O'Brien Ünal",
    'Robert "Bob" Miller',
    "Ana \\ Ruiz",
    "José Luis García",
]


def full_lines(draft: EmailMessage, header: str) -> list[bytes]:
    """The lines of *header* that were broken before they had to be: where the first word
    of the next line would still have fitted within 78 characters."""
    head = draft.as_bytes().split(b"\n\n", 1)[0].split(b"\n")
    start = next(i for i, line in enumerate(head) if line.startswith(header.encode() + b":"))
    lines = [head[start]]
    for line in head[start + 1 :]:
        if not line.startswith(b" "):
            break
        lines.append(line)
    return [
        line
        for line, following in itertools.pairwise(lines)
        if len(line) + len(following.split()[0]) + 1 <= 78
    ]


class TestNamesAreKeptExactly:
    """Issue 18: quotes, accents and specials survive To: and From:."""

    @pytest.mark.parametrize("name", NAMES)
    def test_the_recipients_name_and_address_read_back(self, name: str) -> None:
        draft = thank_you_to(name)
        (address,) = read(draft)["To"].addresses
        assert (address.display_name, address.addr_spec) == (name, "ana@acme.example")

    @pytest.mark.parametrize("name", NAMES)
    def test_an_rfc_2047_reader_reads_the_same(self, name: str) -> None:
        """Mail programs that drop the space between encoded words read the same name."""
        assert rfc2047(thank_you_to(name), "To") == [(name, "ana@acme.example")]

    @pytest.mark.parametrize("name", NAMES)
    def test_the_candidates_name_reads_back(self, name: str) -> None:
        (address,) = read(thank_you_to("Ana Ruiz", candidate=name))["From"].addresses
        assert (address.display_name, address.addr_spec) == (name, "sam@example.com")

    @given(
        st.lists(
            st.text(
                st.characters(
                    min_codepoint=0x21, max_codepoint=0x2FF, exclude_categories=("Cc", "Zs")
                ),
                min_size=1,
                max_size=12,
            ),
            min_size=1,
            max_size=8,
        ).map(" ".join)
    )
    def test_any_name_reads_back_in_both_readers(self, name: str) -> None:
        """Property: any name of words in Latin, Greek or IPA letters and signs.

        (Words are split at spaces only: Python's parser reads ": \\xa00"
        in an encoded word as ": 0", a quirk of its own that no encoding avoids.)
        """
        try:
            draft = thank_you_to(name)
        except Exception:  # a name the model refuses (e.g. not NFC)
            return
        shown = re.sub(" +", " ", Interviewer(name).name)  # runs of spaces: one
        (address,) = read(draft)["To"].addresses
        assert (address.display_name, address.addr_spec) == (shown, "ana@acme.example")
        assert rfc2047(draft, "To") == [(shown, "ana@acme.example")]
        assert all(len(line) <= 998 for line in draft.as_bytes().splitlines())

    def test_a_no_break_space_in_a_name_is_kept(self) -> None:
        """A name written with a no-break space ("Ana\u00a0Ruiz") reads back with it: only
        plain spaces separate words."""
        draft = thank_you_to("Ana\u00a0Ruiz")
        (address,) = read(draft)["To"].addresses
        assert (address.display_name, rfc2047(draft, "To")) == (
            "Ana\u00a0Ruiz",
            [("Ana\u00a0Ruiz", "ana@acme.example")],
        )

    def test_a_long_quoted_name_is_folded_at_its_spaces(self) -> None:
        """A long name with specials (a quoted string) still keeps every line of the
        headers within 78 characters, and reads back."""
        name = "Dr. Anastasia Konstantinopoulou-Papadopoulou, Director of Engineering Recruiting"
        draft = thank_you_to(name)
        head = draft.as_bytes().split(b"\n\n", 1)[0]
        (address,) = read(draft)["To"].addresses
        assert ([line for line in head.splitlines() if len(line) > 78], address.display_name) == (
            [],
            name,
        )

    def test_a_long_address_line_is_folded_as_late_as_it_can_be(self) -> None:
        """Folded at 78 characters, not before: each line but the last is full, the next
        word would not have fitted on it."""
        name = "Dr. Anastasia Konstantinopoulou-Papadopoulou, Director of Engineering, Recruiting"
        assert full_lines(thank_you_to(name), "To") == []
        assert full_lines(thank_you_to("Ana Ruiz", candidate=name), "From") == []

    def test_runs_of_spaces_in_a_name_become_one(self) -> None:
        """Mail readers squeeze them anyway: written as one, read as one."""
        (address,) = read(thank_you_to("Ana  Ruiz"))["To"].addresses
        assert address.display_name == "Ana Ruiz"


class TestSubjects:
    """Issue 18: a folded accented subject keeps every space."""

    def german(self) -> Any:
        return signed(
            role="Ingénieure données",
            company="Müller & Söhne Datenplattform GmbH",
            candidate=Candidate("Sam Lee", email="sam@example.com", language="de"),
        )

    def test_the_measured_german_subject_keeps_its_spaces(self) -> None:
        iv = self.german()
        note = first(plan(iv), ActionKind.THANK_YOU)
        subject = render(note, iv).subject
        assert subject is not None and "Ingénieure données" in subject
        draft = to_eml(note, iv)
        assert read(draft)["Subject"] == subject
        assert (
            str(make_header(decode_header(message_from_bytes(draft.as_bytes())["Subject"])))
            == subject
        )

    def test_a_long_subject_is_folded_as_late_as_it_can_be(self, tmp_path: Path) -> None:
        """Folded at 78 characters, not before, in plain words and in encoded ones."""
        (tmp_path / "thank_you_email.txt").write_text(
            "{% block subject %}Thank you for our talk about the {{ role }} role"
            "{% endblock %}"
            "{% block body %}Thank you.{% endblock %}\n",
            encoding="utf-8",
        )
        english = signed(role="Senior Principal Data Platform Lead")
        plain = to_eml(first(plan(english), ActionKind.THANK_YOU), english, TemplatePack(tmp_path))
        encoded = to_eml(first(plan(self.german()), ActionKind.THANK_YOU), self.german())
        assert len(read(plain)["Subject"]) > 78 - len("Subject: ")  # two lines
        assert (full_lines(plain, "Subject"), full_lines(encoded, "Subject")) == ([], [])

    def test_a_line_of_exactly_78_characters_stays_whole(self) -> None:
        """The limit is 78 characters on the line, the name included: one more is folded."""
        from followup_rules.export import _text_header

        fits = " ".join(["word"] * 14)  # "Subject: word ... word": 78 characters
        over = " ".join(["word"] * 13 + ["words"])  # 79
        assert (_text_header("Subject", fits), _text_header("Subject", over)) == (
            fits,
            f"{' '.join(['word'] * 13)}\n words",
        )

    def test_a_subject_that_looks_encoded_reads_back_as_written(self) -> None:
        """Plain ASCII holding "=?...?=" is encoded itself, else readers would decode it."""
        from followup_rules.export import _text_header

        subject = "About =?utf-8?q?Hi?= and more"
        draft = EmailMessage()
        draft.set_raw("Subject", _text_header("Subject", subject))
        draft.set_content("x")
        raw = message_from_bytes(draft.as_bytes())["Subject"]
        assert (read(draft)["Subject"], str(make_header(decode_header(raw)))) == (subject, subject)

    def test_every_line_of_the_headers_is_short(self) -> None:
        iv = self.german()
        draft = to_eml(first(plan(iv), ActionKind.THANK_YOU), iv)
        head = draft.as_bytes().split(b"\n\n", 1)[0]
        assert [line for line in head.splitlines() if len(line) > 78] == []

    @given(
        st.text(
            st.characters(
                min_codepoint=0x20, max_codepoint=0x30FF, exclude_categories=("Cc", "Cs")
            ),
            max_size=78,
        )
    )
    def test_any_subject_reads_back_in_both_readers(self, subject: str) -> None:
        """Property: the header written for any one-line subject reads back as it was."""
        from followup_rules.export import _text_header

        subject = " ".join(subject.split())
        draft = EmailMessage()
        draft.set_raw("Subject", _text_header("Subject", subject))
        draft.set_content("x")
        assert read(draft)["Subject"] == subject
        raw = message_from_bytes(draft.as_bytes())["Subject"]
        assert str(make_header(decode_header(raw))) == subject

    def subject_line(self, subject: str) -> tuple[bytes, str]:
        """The Subject line of a draft with *subject*, as the file holds it and as read."""
        from followup_rules.export import _text_header

        draft = EmailMessage()
        draft.set_raw("Subject", _text_header("Subject", subject))
        draft.set_content("x")
        return draft.as_bytes().split(b"\n")[0], read(draft)["Subject"]

    def test_a_subject_with_a_few_accents_stays_legible_in_the_file(self) -> None:
        """Mostly Latin text is written quoted-printable (RFC 2047 "Q"), each ASCII word as
        it is and spaces as underscores: the file's source reads almost as the subject."""
        assert self.subject_line("Schön, Sie kennenzulernen!") == (
            b"Subject: =?utf-8?q?Sch=C3=B6n=2C_Sie_kennenzulernen!?=",
            "Schön, Sie kennenzulernen!",
        )

    def test_a_subject_in_another_script_is_written_compactly(self) -> None:
        """Text that is no Latin is written in base64 ("B"), the shorter of the two."""
        assert self.subject_line("面试之后的感谢") == (
            b"Subject: =?utf-8?b?6Z2i6K+V5LmL5ZCO55qE5oSf6LCi?=",
            "面试之后的感谢",
        )


class TestWhatADraftCarries:
    def test_a_draft_has_a_message_id_at_the_candidates_domain(self) -> None:
        iv = signed()
        draft = read(to_eml(first(plan(iv), ActionKind.THANK_YOU), iv))
        assert re.fullmatch(r"<thank_you\.[0-9a-f]{24}@example\.com>", draft["Message-ID"])

    def test_message_ids_differ_per_step_and_stay_the_same(self) -> None:
        """Each draft its own id; the same draft written twice, the same id."""
        iv = signed()
        found = drafts([(plan(iv), iv, ())])
        again = drafts([(plan(iv), iv, ())])
        ids = [draft.message_id for draft in found]
        assert (len(set(ids)), ids) == (len(found), [draft.message_id for draft in again])

    def test_notes_to_two_people_at_one_moment_get_two_ids(self) -> None:
        """Without a step id (`to_eml` alone) the id still names the person: two notes
        suggested at the same minute are two messages, not one thread's duplicate."""
        iv = signed()
        ana, bo = (first(plan(iv), ActionKind.THANK_YOU, name) for name in ("Ana Ruiz", "Bo Chen"))
        assert ana.suggested == bo.suggested
        assert to_eml(ana, iv)["Message-ID"] != to_eml(bo, iv)["Message-ID"]

    def test_two_check_ins_to_one_person_get_two_ids(self) -> None:
        """Without a step id the id still tells two steps of one kind to one person apart,
        by their times."""
        iv = signed()
        one, two = [
            a for a in plan(iv) if a.kind is ActionKind.CHECK_IN and a.channel is Channel.EMAIL
        ][:2]
        assert to_eml(one, iv)["Message-ID"] != to_eml(two, iv)["Message-ID"]

    def test_a_step_to_nobody_in_particular_gets_an_id(self) -> None:
        """A hand-made e-mail step without a recipient is a draft with a Message-ID too."""
        iv = signed()
        step = first(plan(iv), ActionKind.CHECK_IN)
        nobody = attrs.evolve(step, recipient=None)
        draft = read(to_eml(nobody, iv))
        assert (
            draft["To"],
            re.fullmatch(r"<check_in\.[0-9a-f]{24}@example\.com>", draft["Message-ID"])
            is not None,
        ) == (None, True)

    def test_after_a_step_is_done_a_draft_names_the_step_as_the_agenda_does(self) -> None:
        """The steps are numbered from the first one ever made: with the first check-in done,
        the draft of the next one names it the second (`Draft.step` as `AgendaItem.id`)."""
        iv = signed()
        whole = plan(iv)
        done = [
            first(whole, ActionKind.THANK_YOU, name).done() for name in ("Ana Ruiz", "Bo Chen")
        ]
        done.append(next(a for a in whole if a.kind is ActionKind.CHECK_IN).done())
        later = plan(iv, history=done)
        ids = dict(zip(later, action_ids(later, iv, done), strict=True))
        found = drafts([(later, iv, done)])
        assert found and [d.step for d in found] == [ids[d.action] for d in found]
        assert "check_in-ana-ruiz" in found[0].step and "-2-" in found[0].step

    def test_the_message_id_is_made_from_the_step_id(self) -> None:
        """Give the step's id (as an agenda has it): the Message-ID comes from it."""
        iv = signed()
        schedule = plan(iv)
        ids = dict(zip(schedule, action_ids(schedule, iv), strict=True))
        note = first(schedule, ActionKind.THANK_YOU)
        (draft,) = [d for d in drafts([(schedule, iv, ())]) if d.action is note]
        assert draft.message_id == str(to_eml(note, iv, step=ids[note])["Message-ID"])
        assert draft.step == ids[note]

    def test_without_a_candidates_address_the_id_says_so(self) -> None:
        iv = signed(candidate=Candidate("Sam Lee"))
        draft = to_eml(first(plan(iv), ActionKind.THANK_YOU), iv)
        assert str(draft["Message-ID"]).endswith("@followup-rules.invalid>")

    def test_the_date_is_the_suggested_time(self) -> None:
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        assert parsedate_to_datetime(read(to_eml(note, iv))["Date"]) == note.suggested

    def test_no_followup_header_unless_asked(self) -> None:
        """X-Followup-* would leave with a draft sent as it is: only with provenance=True."""
        iv = signed()
        plain = drafts([(plan(iv), iv, ())])[0].message
        marked = drafts([(plan(iv), iv, ())], provenance=True)[0]
        assert [key for key in plain if key.lower().startswith("x-followup")] == []
        assert (marked.message["X-Followup-Rule"], marked.message["X-Followup-Step"]) == (
            marked.action.rule,
            marked.step,
        )

    def test_provenance_lists_the_steps_sources(self) -> None:
        """With provenance, X-Followup-Sources names the seed files behind the step."""
        iv = signed()
        marked = drafts([(plan(iv), iv, ())], provenance=True)[0]
        assert len(marked.action.sources) > 1
        assert read(marked.message)["X-Followup-Sources"] == " ".join(marked.action.sources)

    def test_x_unsent_stays(self) -> None:
        """It makes Outlook and Thunderbird open the file as a draft."""
        iv = signed()
        assert read(to_eml(first(plan(iv), ActionKind.THANK_YOU), iv))["X-Unsent"] == "1"


class TestWarnings:
    """Issue 18: a draft that cannot be sent as it is says so."""

    def test_a_candidate_without_an_address_is_warned_about(self) -> None:
        iv = signed(candidate=Candidate("Sam Lee"))
        found = drafts([(plan(iv), iv, ())])
        assert found and all(
            any("no From: line" in warning for warning in draft.warnings) for draft in found
        )
        assert read(found[0].message)["From"] is None

    def test_the_candidates_warning_says_the_mail_client_fills_it_in(self) -> None:
        """The warning says what happens, so nobody adds an address by hand for nothing."""
        iv = signed(candidate=Candidate("Sam Lee"))
        draft = drafts([(plan(iv), iv, ())])[0]
        assert draft.warnings == (
            f"{draft.path}: no From: line, the candidate has no e-mail address "
            "(your mail client fills in your own)",
        )

    def test_a_step_to_nobody_in_particular_is_warned_about(self) -> None:
        """A hand-made e-mail step without a recipient: no To: line, "nobody" known."""
        iv = signed()
        nobody = attrs.evolve(first(plan(iv), ActionKind.CHECK_IN), recipient=None)
        (draft,) = drafts([(Plan([nobody]), iv, ())])
        assert draft.warnings == (
            f"{draft.path}: no To: line, no e-mail address is known for nobody",
        )

    def test_a_recipient_without_an_address_is_warned_about(self) -> None:
        iv = signed(interviewers=[ANA, Interviewer("Bo Chen")])
        bo = [d for d in drafts([(plan(iv), iv, ())]) if d.action.recipient.name == "Bo Chen"]
        assert [w for d in bo for w in d.warnings] == [
            f"{bo[0].path}: no To: line, no e-mail address is known for Bo Chen"
        ]

    def test_a_complete_draft_has_no_warning(self) -> None:
        iv = signed()
        assert [w for d in drafts([(plan(iv), iv, ())]) for w in d.warnings] == []


class TestThreads:
    """Issue 18: after a phone check-in the next e-mail answers the last e-mail's thread."""

    def after_a_call(self) -> tuple[Any, Any]:
        iv = signed()
        whole = plan(iv)
        history = []
        for action in whole:
            if action.kind is ActionKind.CHECK_IN:
                break
            if action.kind is ActionKind.THANK_YOU and action.recipient.name == "Ana Ruiz":
                history.append(
                    action.done(message_id="<note-1@example.com>", subject="Thank you, Ana")
                )
            else:
                history.append(action.done())
        call = next(a for a in plan(iv, history=history) if a.kind is ActionKind.CHECK_IN)
        assert call.channel is Channel.PHONE
        history.append(call.done(voicemail=True))
        email = next(a for a in plan(iv, history=history) if a.kind is ActionKind.CHECK_IN)
        assert email.channel is Channel.EMAIL
        return iv, email

    def test_the_email_after_a_call_answers_the_last_email(self) -> None:
        iv, email = self.after_a_call()
        draft = read(to_eml(email, iv))
        assert (draft["In-Reply-To"], draft["References"]) == (
            "<note-1@example.com>",
            "<note-1@example.com>",
        )

    def test_its_subject_is_a_reply(self) -> None:
        iv, email = self.after_a_call()
        assert render(email, iv).subject == "Re: Thank you, Ana"

    def test_the_fact_is_the_last_email_not_the_call(self) -> None:
        _iv, email = self.after_a_call()
        facts = email.facts
        assert (facts.previous.channel, facts.last_email.channel) == (
            Channel.PHONE,
            Channel.EMAIL,
        )

    def test_the_plan_and_the_replanned_plan_agree(self) -> None:
        """Invariant 10 holds for the new fact: a step's facts are the same after replanning."""
        iv = signed(candidate=SAM)
        whole = plan(iv, Policy())
        done = [a.done() for a in list(whole)[:8]]
        assert [a.facts for a in plan(iv, history=done)] == [a.facts for a in list(whole)[8:]]


class TestFiles:
    def test_the_file_name_helper_is_public(self) -> None:
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU, "Bo Chen")
        assert ("eml_name" in exported, eml_name(7, note)) == (True, "07-thank_you-bo-chen.eml")

    def test_drafts_of_many_applications_go_in_a_folder_each(self, tmp_path: Path) -> None:
        one, two = signed(), signed(company="Globex")
        found = drafts([(plan(one), one, (), "apps/acme.toml"), (plan(two), two, ())])
        folders = sorted({draft.path.split("/")[0] for draft in found})
        assert folders == ["acme", "globex-data-engineer"]
        written = write_drafts(found, tmp_path)
        assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
            d.path for d in found
        )
        assert (tmp_path / found[0].path).read_bytes() == found[0].message.as_bytes()

    def test_a_name_that_would_climb_out_is_not_a_folder(self) -> None:
        """A name of "..": the folder is the company and role, never the parent directory."""
        one, two = signed(), signed(company="Globex")
        found = drafts([(plan(one), one, (), ".."), (plan(two), two, (), "/")])
        assert {d.path.split("/")[0] for d in found} == {
            "acme-analytics-data-engineer",
            "globex-data-engineer",
        }

    def test_a_name_with_a_backslash_is_not_a_folder(self) -> None:
        """A Windows path given as a name on another system ("apps\\acme.toml"): its stem
        would hold a backslash, so the folder is the company and role."""
        one, two = signed(), signed(company="Globex")
        found = drafts([(plan(one), one, (), "apps\\acme.toml"), (plan(two), two, ())])
        assert {d.path.split("/")[0] for d in found} == {
            "acme-analytics-data-engineer",
            "globex-data-engineer",
        }

    def test_two_applications_for_the_same_role_get_a_folder_each(self) -> None:
        """Two applications to one company and role: the second folder is numbered,
        so no draft overwrites another's."""
        one, two = signed(), signed(interviewers=[ANA])
        found = drafts([(plan(one), one, ()), (plan(two), two, ())])
        assert sorted({d.path.split("/")[0] for d in found}) == [
            "acme-analytics-data-engineer",
            "acme-analytics-data-engineer-2",
        ]

    def test_a_file_where_the_directory_should_be_is_an_error(self, tmp_path: Path) -> None:
        iv = signed()
        target = tmp_path / "drafts"
        target.write_text("not a directory")
        with pytest.raises(NotADirectoryError, match="it is not a directory"):
            write_drafts(drafts([(plan(iv), iv, ())]), target)

    def test_missing_folders_on_the_way_are_made(self, tmp_path: Path) -> None:
        """Drafts saved into a directory that does not exist yet, nor its parent."""
        iv = signed()
        found = drafts([(plan(iv), iv, ())])
        written = write_drafts(found, tmp_path / "new" / "drafts")
        assert [p.read_bytes() for p in written] == [d.as_bytes() for d in found]

    def test_a_folder_that_cannot_be_made_is_named_with_the_reason(self, tmp_path: Path) -> None:
        """A file on the way to the drafts directory: the error names the folder and why,
        in words, without Python's error number."""
        iv = signed()
        (tmp_path / "notes").write_text("a file, not a folder")
        target = tmp_path / "notes" / "drafts"
        with pytest.raises(OSError, match="cannot write drafts into") as caught:
            write_drafts(drafts([(plan(iv), iv, ())]), target)
        assert str(caught.value) == f"cannot write drafts into {target}: Not a directory"

    def test_a_folder_that_is_not_writable_is_refused_before_any_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A read-only drafts directory (simulated: the suite may run as root, whom no
        permission stops): refused naming it, and nothing is written."""
        import followup_rules.export as export

        iv = signed()
        monkeypatch.setattr(export.os, "access", lambda path, mode: False)
        with pytest.raises(PermissionError) as caught:
            write_drafts(drafts([(plan(iv), iv, ())]), tmp_path)
        assert (str(caught.value), list(tmp_path.iterdir())) == (
            f"cannot write drafts into {tmp_path}: it is not writable",
            [],
        )

    def test_a_draft_is_data(self) -> None:
        iv = signed()
        draft = drafts([(plan(iv), iv, ())])[0]
        assert isinstance(draft, Draft) and draft.path.endswith(".eml")


class TestTheCommand:
    def test_the_command_prints_each_message_id(self, tmp_path: Path) -> None:
        """So that `followup log ... --message-id` can use it."""
        out = tmp_path / "drafts"
        result = CliRunner().invoke(
            main,
            ["plan", str(ROOT / "examples" / "interview.toml"), "--format", "eml", "-o", str(out)],
        )
        assert result.exit_code == 0
        lines = [line for line in result.stdout.splitlines() if "Message-ID: <" in line]
        names = sorted(path.name for path in out.iterdir())
        assert [line.split()[0] for line in lines] == names
        for line in lines:
            file, _, message_id = line.partition("  Message-ID: ")
            assert read_file(out / file)["Message-ID"] == message_id

    def test_provenance_on_the_command_line(self, tmp_path: Path) -> None:
        out = tmp_path / "drafts"
        args = [
            "plan",
            str(ROOT / "examples" / "interview.toml"),
            "--format",
            "eml",
            "-o",
            str(out),
        ]
        assert CliRunner().invoke(main, [*args, "--provenance"]).exit_code == 0
        assert {read_file(path)["X-Followup-Rule"] for path in out.iterdir()} <= {
            "thank-you",
            "retry-gap",
            "check-in-after-deadline",
            "one-call",
        }

    def test_every_step_as_an_event_on_the_command_line(self, tmp_path: Path) -> None:
        target = tmp_path / "plan.ics"
        args = [
            "plan",
            str(ROOT / "examples" / "interview.toml"),
            "--format",
            "ics",
            "--now",
            "2026-07-01T00:00Z",
            "-o",
            str(target),
            "--events",
        ]
        assert CliRunner().invoke(main, args).exit_code == 0
        assert b"BEGIN:VTODO" not in target.read_bytes()


def read_file(path: Path) -> Any:
    return message_from_bytes(path.read_bytes(), policy=policy.default)


class TestReadableTo:
    """Issue 18: `Message.to` as a person reads it, never RFC 2047-encoded."""

    @pytest.mark.parametrize(
        ("name", "shown"),
        [
            ("José García", "José García <ana@acme.example>"),
            ("Anna Müller", "Anna Müller <ana@acme.example>"),
            ('Robert "Bob" Müller', '"Robert \\"Bob\\" Müller" <ana@acme.example>'),
            ("Ruiz, Ana", '"Ruiz, Ana" <ana@acme.example>'),
        ],
    )
    def test_to_is_readable(self, name: str, shown: str) -> None:
        iv = signed(interviewers=[Interviewer(name, email="ana@acme.example")])
        assert render(first(plan(iv), ActionKind.THANK_YOU), iv).to == shown

    def test_address_is_the_bare_address(self) -> None:
        iv = signed(interviewers=[Interviewer("José García", email="ana@acme.example")])
        assert render(first(plan(iv), ActionKind.THANK_YOU), iv).address == "ana@acme.example"


def parse_mailto(link: str) -> tuple[str, dict[str, str]]:
    """A mailto: link read back as RFC 6068 says: address, and each field decoded."""
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    fields = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    return unquote(parts.path), {key: unquote(value) for key, value in fields.items()}


class TestMailto:
    def message(self, **changes: Any) -> Any:
        iv = signed(**changes)
        return render(first(plan(iv), ActionKind.THANK_YOU), iv)

    def test_the_link_reads_back_to_the_message(self) -> None:
        """Bare address; subject and body with accents and line breaks (as CRLF)."""
        message = self.message(
            interviewers=[Interviewer("José García", email="jose+jobs@acme.example")],
            topics=["Müller & Söhne's 50% growth? #data = café"],
        )
        address, fields = parse_mailto(message.mailto())
        assert (address, fields["subject"], fields["body"]) == (
            "jose+jobs@acme.example",
            message.subject,
            message.text.replace("\n", "\r\n"),
        )

    def test_every_character_outside_the_safe_set_is_encoded(self) -> None:
        link = self.message(topics=["a & b = c? #1 + 100% é"]).mailto()
        query = link.split("?", 1)[1]
        assert re.fullmatch(r"subject=[A-Za-z0-9%._~-]*&body=[A-Za-z0-9%._~-]*", query)

    def test_without_an_address_the_mail_client_asks_for_one(self) -> None:
        message = self.message(interviewers=[Interviewer("Ana Ruiz")])
        assert message.mailto().startswith("mailto:?subject=")

    def test_a_call_has_no_mailto_link(self) -> None:
        iv = signed()
        call = next(a for a in plan(iv) if a.channel is Channel.PHONE)
        with pytest.raises(TemplateError, match="mailto"):
            render(call, iv).mailto()


class TestTel:
    def call(self, phone: str | None) -> Any:
        iv = signed(recruiter=Recruiter("Rita Cole", phone=phone))
        debrief = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
        return render(debrief, iv)

    @pytest.mark.parametrize(
        ("phone", "link"),
        [
            ("+1 212 555 0142", "tel:+12125550142"),
            ("+1 (212) 555-0142 ext. 12", "tel:+12125550142;ext=12"),
            ("+49 (0)30 1234 567", "tel:+49301234567"),
            ("+44 20 7946 0958 x7", "tel:+442079460958;ext=7"),
        ],
    )
    def test_a_number_with_its_country_code(self, phone: str, link: str) -> None:
        assert self.call(phone).tel() == link

    def test_a_local_number_needs_its_country(self) -> None:
        message = self.call("030 1234567")
        assert (message.tel(), message.tel("+49")) == (
            None,
            "tel:0301234567;phone-context=+49",
        )

    @pytest.mark.parametrize("phone", [None, "call reception", "1-800-FLOWERS"])
    def test_no_usable_number_gives_no_link(self, phone: str | None) -> None:
        assert self.call(phone).tel() is None

    def test_a_country_code_must_look_like_one(self) -> None:
        with pytest.raises(TemplateError, match="phone_context"):
            self.call("030 1234567").tel("Germany")

    def test_an_email_has_no_tel_link(self) -> None:
        iv = signed()
        with pytest.raises(TemplateError, match="tel"):
            render(first(plan(iv), ActionKind.THANK_YOU), iv).tel()


def test_a_draft_whose_links_loop_is_refused(tmp_path: Path) -> None:
    """A draft's name taken by a link to itself: refused, naming it, nothing written."""
    iv = signed()
    found = drafts([(plan(iv), iv, ())])
    loop = tmp_path / found[-1].path
    loop.symlink_to(loop)
    with pytest.raises(FormatError, match="symbolic links loop"):
        write_drafts(found, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [loop.name]
