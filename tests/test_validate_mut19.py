"""The field checks' machinery, run while a mutant is active (mutation testing, nineteenth pass).

The library builds its own models through `_validate.unfrozen_twin` at import, where no
mutant is active: these tests build a twin in the test itself, as `trusted_contact`
does, and check that what it makes is the model, frozen and equal to one made through
its checks.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    Interviewer,
    InvalidInterview,
    InvalidPolicy,
    Policy,
    events,
)
from followup_rules import _validate as v
from followup_rules.policy import TimeWindow

from .factories import at


def test_a_twin_builds_a_model_with_plain_assignment() -> None:
    twin: Any = v.unfrozen_twin(Contact)
    assert issubclass(twin, Contact)
    assert twin.__name__ == "_UnfrozenContact"
    made: Any = object.__new__(twin)
    moment = at(2024, 7, 3, 9)
    fields = {
        "at": moment,
        "channel": Channel.EMAIL,
        "kind": ActionKind.CHECK_IN,
        "recipient": "Ana Ruiz",
        "voicemail": False,
        "message_id": None,
        "subject": None,
        "answered": None,
        "note": None,
    }
    for name, value in fields.items():
        setattr(made, name, value)  # the twin takes plain assignment
    made.__class__ = Contact  # the same layout: no slot or dict of its own
    assert made == Contact(moment, Channel.EMAIL, recipient="Ana Ruiz")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.note = "changed"
    assert not hasattr(made, "__dict__")


def test_the_planners_own_contact_is_a_contact() -> None:
    moment = at(2024, 7, 3, 9)
    made = events.trusted_contact(moment, Channel.PHONE, ActionKind.CHECK_IN, None)
    assert type(made) is Contact
    assert made == Contact(moment, Channel.PHONE)


def test_a_house_field_with_its_own_converter_runs_it_before_the_inherited_check() -> None:
    """`attrs.field(converter=int)` on an inherited knob: the house's converter reads "7",
    then the base's check still refuses what the base refuses, naming the house's field."""

    @attrs.frozen(kw_only=True)
    class House(Policy):
        min_gap: int = attrs.field(default=4, converter=int)

    assert (House().min_gap, House(min_gap="7").min_gap) == (4, 7)  # type: ignore[arg-type]
    with pytest.raises(InvalidPolicy) as caught:
        House(min_gap="-1")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("House.min_gap", -1)
    assert caught.value.problem == "must be between 1 and 60 business days"
    with pytest.raises(InvalidPolicy):
        Policy(min_gap="7")  # type: ignore[arg-type]


def test_a_plain_redefinition_keeps_its_check_alone_or_beside_annotated_fields() -> None:
    """``min_gap = 7`` with no annotation, in a class with no annotation at all and in one
    whose own fields are annotated (there it is annotated like its neighbours, with the
    base's type, or attrs would refuse the class)."""

    @attrs.frozen(kw_only=True)
    class Plain(Policy):
        min_gap = 7

    @attrs.frozen(kw_only=True)
    class Beside(Policy):
        note: str = "house"
        min_gap = 7

    assert attrs.fields(Beside).min_gap.type == attrs.fields(Policy).min_gap.type
    for house in (Plain, Beside):
        assert house().min_gap == 7
        with pytest.raises(InvalidPolicy) as caught:
            house(min_gap=0)
        assert (caught.value.field, caught.value.problem) == (
            f"{house.__name__}.min_gap",
            "must be between 1 and 60 business days",
        )


DOMAIN_253 = ".".join(["a" * 63] * 3 + ["b" * 57, "com"])
DOMAIN_254 = ".".join(["a" * 63] * 3 + ["b" * 58, "com"])


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        # a domain of 253 characters is a host name; the address is then too long
        (f"n@{DOMAIN_253}", "longer than 254 characters"),
        (f"n@{DOMAIN_254}", "its domain is not a host name like example.com"),
        ("n@mail.example.123", "its domain is not a host name like example.com"),
        ("n@localhost", "its domain is not a host name like example.com"),
        ("n@xn--zz.example.com", "its domain label 'xn--zz' is not valid IDNA"),
    ],
)
def test_an_address_refused_says_why(address: str, problem: str) -> None:
    with pytest.raises(InvalidInterview) as caught:
        Interviewer("Ana Ruiz", email=address)
    assert (caught.value.field, caught.value.value, caught.value.problem) == (
        "Interviewer.email",
        address,
        problem,
    )


def test_only_the_last_label_may_not_be_a_number() -> None:
    assert Interviewer("Ana Ruiz", email="n@mail.123.com").email == "n@mail.123.com"


@pytest.mark.parametrize(("value", "kind"), [(10, "int"), (10.5, "float"), (None, "NoneType")])
def test_a_window_time_of_another_type_is_named(value: object, kind: str) -> None:
    with pytest.raises(InvalidPolicy) as caught:
        TimeWindow(value, "11:00")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.problem) == (
        "TimeWindow.start",
        f"expected a time like '10:30', got {kind}",
    )


def test_a_field_the_house_annotates_again_keeps_the_houses_annotation() -> None:
    @attrs.frozen(kw_only=True)
    class House(Policy):
        min_gap: HouseGap = 7  # type: ignore[assignment]
        max_calls = 2

    assert attrs.fields(House).min_gap.type == "HouseGap"
    assert attrs.fields(House).max_calls.type == attrs.fields(Policy).max_calls.type
    assert (House().min_gap, House().max_calls) == (7, 2)


HouseGap = int


def test_a_field_annotated_again_with_no_value_is_still_checked() -> None:
    """``min_gap: int`` in a house subclass: a field to give, refused as the base refuses
    it (it was a plain attrs field with no check: `-5` was accepted)."""

    @attrs.frozen(kw_only=True)
    class House(Policy):
        min_gap: int

    assert House(min_gap=4).min_gap == 4
    with pytest.raises(InvalidPolicy) as caught:
        House(min_gap=-5)
    assert (caught.value.field, caught.value.value, caught.value.problem) == (
        "House.min_gap",
        -5,
        "must be between 1 and 60 business days",
    )
    with pytest.raises(TypeError, match="min_gap"):
        House()  # type: ignore[call-arg]
