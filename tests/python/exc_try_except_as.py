# try/except with `as`, matching by class hierarchy, and the name being cleared after.
def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][3]
    if kind == "value":
        return int("nope")
    return "ok"
for kind in ("zero", "key", "index", "value", "fine"):
    try:
        r = risky(kind)
    except ZeroDivisionError as e:
        print("zero:", e)
    except LookupError as e:
        print("lookup:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)
    else:
        print("no error:", r)
try:
    raise ValueError("x")
except ValueError as err:
    pass
print("err" in dir())
