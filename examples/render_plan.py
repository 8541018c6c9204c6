"""Render every message of a sample interview's plan to the terminal.

Run:  python examples/render_plan.py
"""

from __future__ import annotations

import runpy
from pathlib import Path

from followup_rules import plan, render

# The same sample interview as examples/plan_interview.py.
sample_interview = runpy.run_path(str(Path(__file__).with_name("plan_interview.py")))[
    "sample_interview"
]


def main() -> None:
    interview = sample_interview()
    for action in plan(interview):
        when = action.suggested.format("ddd D MMM HH:mm zz")
        print(f"== {when} | {action.describe()} [{action.rule}]")
        if action.template is None:
            print("   (in the room: nothing to write)\n")
            continue
        message = render(action, interview, fit="six years of building data pipelines")
        print(f"To: {message.to}")
        if message.subject:
            print(f"Subject: {message.subject}")
        print(f"\n{message.text}\n")


if __name__ == "__main__":
    main()
