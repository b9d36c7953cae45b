# SystemExit can be caught; its code reflects the argument.
import sys
for arg in [0, 5, "message", None]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), type(e).__name__)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg code:", e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code, e.args)
print("not exited")
