#!/usr/bin/env bash
# Mutation testing of the rules, the calendar and the state fold (mutmut 3).
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
total = sum(counts.values())
killed = counts.get("killed", 0)
print(dict(counts))
print(f"killed {killed} of {total} mutants: {killed / total:.1%}" if total else "no mutants")
PY
