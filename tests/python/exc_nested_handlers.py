# Nested try blocks, handlers that raise, and which handler sees what.
def process(x):
    try:
        try:
            if x == 0:
                raise ZeroDivisionError("zero")
            if x < 0:
                raise ValueError("negative")
            return 10 / x
        except ZeroDivisionError:
            print("inner handled zero")
            return None
        finally:
            print("inner finally", x)
    except ValueError as e:
        print("outer handled", e)
        return "fallback"
for v in (2, 0, -1):
    print("result:", process(v))
try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError as e:
            print("innermost", repr(e), repr(e.__context__))
        raise
except KeyError as e:
    print("outer reraised", repr(e), e.__context__)
