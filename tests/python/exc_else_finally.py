# Order of try, except, else and finally blocks.
def run(fail):
    order = []
    try:
        order.append("try")
        if fail:
            raise RuntimeError("boom")
    except RuntimeError:
        order.append("except")
    else:
        order.append("else")
    finally:
        order.append("finally")
    return order
print(run(False))
print(run(True))
def ret_in_finally():
    try:
        return "from try"
    finally:
        return "from finally"
print(ret_in_finally())
def finally_swallows():
    for _ in range(1):
        try:
            raise ValueError
        finally:
            break
    return "exception discarded by break"
print(finally_swallows())
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
nested()
