# An exception in finally replaces the one being propagated (context shown).
def f():
    try:
        raise ValueError("first problem")
    finally:
        raise TypeError("problem in finally")
f()
