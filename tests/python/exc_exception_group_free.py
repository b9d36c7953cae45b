# Exceptions crossing function boundaries keep propagating until caught.
def level3():
    raise LookupError("deep")
def level2():
    try:
        level3()
    finally:
        print("level2 cleanup")
def level1():
    try:
        level2()
    except KeyError:
        print("not this one")
try:
    level1()
except LookupError as e:
    print("top caught", e)
def converter(x):
    try:
        return int(x)
    except ValueError:
        return None
print([converter(s) for s in ["4", "four", "-2"]])
