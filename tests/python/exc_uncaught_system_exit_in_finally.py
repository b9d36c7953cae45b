# SystemExit runs finally blocks on the way out; raise SystemExit(4) directly.
import sys
try:
    print("in try")
    raise SystemExit(4)
finally:
    print("finally still runs")
