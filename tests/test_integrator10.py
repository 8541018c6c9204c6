"""The app10 trial: an integrator's multi-user tracker (see CHANGELOG).

- A user's whole data (an `Application`) written by `serialize.unstructure`
  reads back with `serialize.structure`, whatever JSON key the app gave it,
  and a file of another version is refused naming the key.
- Two candidates of one group interview (same company, role, start and
  interviewer) never send two messages under one Message-ID, and one
  calendar of both is refused rather than silently keeping half the items.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    Application,
    Candidate,
    FormatError,
    Interview,
    Interviewer,
    InvalidArgument,
    Policy,
    Skip,
    pinned,
    serialize,
)
from followup_rules.export import drafts, to_ics_many

NOW = pendulum.datetime(2026, 7, 8, 9, tz="America/New_York")


def slot(candidate: Candidate | None) -> Interview:
    return Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme Analytics",
        "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example")],
        decision_by=pendulum.date(2026, 7, 15),
        candidate=candidate,
    )


json_keys = st.recursive(
    st.none() | st.text(max_size=5) | st.integers() | st.booleans(),
    lambda inner: st.lists(inner, max_size=3).map(tuple),
    max_leaves=6,
)


class TestWholeApplicationReadsBack:
    @given(key=json_keys)
    def test_any_key_reads_back_as_it_was(self, key: Any) -> None:
        """The old code refused every key but None (cattrs: "Unsupported type Hashable")."""
        iv = pinned(slot(Candidate("Lena Vogel", language="de")))
        skip = Skip(NOW, "thank_you-ana-ruiz-" + "x" * 6)
        app = Application(iv, (skip,), Policy(), name="acme.toml", key=key)
        data = json.loads(json.dumps(serialize.unstructure(app)))
        assert data["format_version"] == serialize.FORMAT_VERSION
        back = serialize.structure(data, Application, source="upload.json")
        assert back == app
        assert back.key == key

    @pytest.mark.parametrize(
        ("key", "path", "part"),
        [({"user": 1}, "$.key", {"user": 1}), (["u", {"row": 2}], "$.key[1]", {"row": 2})],
    )
    def test_a_key_json_cannot_mean_is_refused_naming_it(
        self, key: Any, path: str, part: Any
    ) -> None:
        data = serialize.unstructure(Application(slot(None)))
        data["key"] = key
        with pytest.raises(FormatError) as caught:
            serialize.structure(data, Application, source="upload.json")
        assert caught.value.field == f"upload.json: {path}"
        assert caught.value.key == "key"
        assert caught.value.value == part

    @pytest.mark.parametrize("where", ["$", "$.interview", "$.policy"])
    def test_a_later_version_is_refused_wherever_it_is_given(self, where: str) -> None:
        """An upload from a later app version: refused on the key that says so."""
        app = Application(slot(None), policy=Policy())
        data = serialize.unstructure(app)
        part = data if where == "$" else data[where[2:]]
        part["format_version"] = serialize.FORMAT_VERSION + 1
        with pytest.raises(FormatError) as caught:
            serialize.structure(data, Application, source="upload.json")
        assert caught.value.field == f"upload.json: {where}.format_version"
        assert caught.value.value == serialize.FORMAT_VERSION + 1

    def test_parts_written_alone_are_read_in_the_whole(self) -> None:
        """An app that stored `unstructure(interview)` (versioned) builds the whole from it."""
        iv = slot(Candidate("Sam Lee"))
        data = {"interview": serialize.unstructure(iv), "policy": serialize.unstructure(Policy())}
        assert serialize.structure(data, Application).interview == iv


class TestCandidatesOfOneSlot:
    @given(
        names=st.sampled_from(
            [("Sam Lee", "Kim Park"), ("Sam Lee", "Sam Leigh"), ("Ana Ruiz", "Ana Ruíz Soto")]
        ),
        domain=st.sampled_from(["gmail.com", "x.example"]),
    )
    def test_two_candidates_never_share_a_message_id(
        self, names: tuple[str, str], domain: str
    ) -> None:
        """The old code gave both thank-yous ``<thank_you.<same digest>@gmail.com>``: the
        interviewer's mail server keeps one and drops the other as a duplicate."""
        apps = [
            Application(slot(Candidate(name, email=f"c{n}@{domain}")), name=f"{n}.toml")
            for n, name in enumerate(names)
        ]
        found = drafts(apps, now=NOW)
        ids = [draft.message_id for draft in found]
        assert len(ids) == len(set(ids)) == 2 * len(drafts(apps[:1], now=NOW))

    def test_a_message_id_stays_the_same_each_time(self) -> None:
        app = Application(slot(Candidate("Sam Lee", email="sam@gmail.com")))
        assert [d.message_id for d in drafts([app], now=NOW)] == [
            d.message_id for d in drafts([app], now=NOW)
        ]

    @pytest.mark.parametrize("pin", [False, True])
    def test_one_calendar_of_two_candidates_of_one_slot_is_refused(self, pin: bool) -> None:
        """The old code wrote one item per UID: the second candidate's steps vanished."""
        made = [slot(Candidate(name)) for name in ("Sam Lee", "Kim Park")]
        apps = [Application(pinned(iv) if pin else iv) for iv in made]
        with pytest.raises(InvalidArgument) as caught:
            to_ics_many(apps, now=NOW)
        assert caught.value.field == "applications[1]"
        assert caught.value.value == pinned(made[1]).id
        assert "Interview.id" in caught.value.problem

    def test_each_with_its_own_id_gets_all_its_items(self) -> None:
        made = [slot(Candidate(name)) for name in ("Sam Lee", "Kim Park")]
        one = [Application(attrs.evolve(iv, id=f"user{n}-1")) for n, iv in enumerate(made)]
        ics = to_ics_many(one, now=NOW)
        alone = to_ics_many(one[:1], now=NOW)
        assert ics.count(b"BEGIN:VTODO") == 2 * alone.count(b"BEGIN:VTODO") > 0
