#!/usr/bin/env bash
# Mutation testing (mutmut 3) of the planner, rules, calendar, state fold, auditor,
# exports, file formats and messages.
# Slow (tens of minutes on 2 cores): not part of CI. Prints the killed ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet 'mutmut>=3.2'
export HYPOTHESIS_PROFILE=followup-mutation  # 25 derandomized examples a property
mutmut run --max-children "${MUTMUT_CHILDREN:-2}" || true
mutmut results --all true > mutants/results.txt || true
python - <<'PY'
import collections, re
counts = collections.Counter()
for line in open("mutants/results.txt", encoding="utf-8"):
    match = re.search(r":\s*(\w[\w ]*)$", line.strip())
    if match:
        counts[match.group(1)] += 1
checked = sum(n for status, n in counts.items() if status != "not checked")
caught = counts.get("killed", 0) + counts.get("timeout", 0)
print(dict(counts))
if checked:
    print(f"killed {counts.get('killed', 0)} of {checked} mutants: {counts.get('killed', 0) / checked:.1%}")
    print(f"killed or timed out (a hang is caught too): {caught / checked:.1%}")
else:
    print("no mutants checked")
PY
