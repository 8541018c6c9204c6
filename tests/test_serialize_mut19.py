"""What a plan file says of each step's recipient, and what `unstructure` gives an app.

Issue 20, item 9 (nineteenth pass of mutation testing, `serialize`): each
test pins what a user or an app relies on when a plan is written and read
back (the recipient's ``role``, a step to no one, the refusal of a recipient
given another way) and the exact keys of what the loop returns for an app.
"""

from __future__ import annotations

from typing import Any

import pytest

from followup_rules import Interviewer, Plan, Recruiter, plan
from followup_rules import serialize as s

from .factories import ANA, BO, interview
from .test_serialize_details import refusal

RITA = Recruiter("Rita Cole", agency="SelecSource", email="rita@selecsource.example")


def written() -> tuple[Plan, dict[str, Any]]:
    """A plan with steps to interviewers and to the recruiter, and what it is written as."""
    made = plan(interview(recruiter=RITA))
    return made, s.unstructure(made)


class TestRecipients:
    """A step's recipient is written with its role, and read back as that person."""

    def test_each_recipient_is_written_with_its_role(self) -> None:
        made, data = written()
        roles = {
            (step["recipient"]["role"], step["recipient"]["name"])
            for step in data["actions"] + data["missed"]
        }
        assert roles == {
            ("interviewer", ANA.name),
            ("interviewer", BO.name),
            ("recruiter", RITA.name),
        }
        first = data["actions"][0]["recipient"]
        person = next(a.recipient for a in made.actions if a.recipient is not None)
        assert first == {"role": "interviewer", **s.converter().unstructure(person)}

    def test_a_plan_reads_back_with_the_same_people(self) -> None:
        made, data = written()
        again = s.structure_plan(data, source="plan.json")
        assert again == made
        kinds = [type(step.recipient) for step in again.actions + again.missed]
        assert kinds == [type(step.recipient) for step in made.actions + made.missed]
        assert {Interviewer, Recruiter} <= set(kinds)

    def test_a_step_to_no_one_is_written_and_read_as_null(self) -> None:
        _, data = written()
        step = {**data["actions"][0], "recipient": None}
        again = s.structure_plan({"actions": [step]}, source="plan.json")
        assert again.actions[0].recipient is None
        assert s.unstructure(again)["actions"][0]["recipient"] is None

    @pytest.mark.parametrize(
        "recipient",
        ["Ana Ruiz", ["Ana Ruiz"], {"role": "candidate", "name": "Ana Ruiz"}, {"name": "Ana"}],
        ids=["a name", "a list", "another role", "no role"],
    )
    def test_a_recipient_given_otherwise_is_refused(self, recipient: Any) -> None:
        _, data = written()
        step = {**data["actions"][0], "recipient": recipient}
        error = refusal(lambda: s.structure_plan({"actions": [step]}, source="plan.json"))
        expected = (
            "plan.json: $.actions[0].recipient: "
            "expected a person with role 'interviewer' or 'recruiter'"
        )
        assert str(error) == expected
