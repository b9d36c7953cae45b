# raise with a class, an instance, a bare re-raise, and args of exceptions.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ValueError("one", 2)
except ValueError as e:
    print(repr(e), e.args, str(e))
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling, then re-raising")
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("outer got", e)
try:
    raise TypeError("bad type") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
