# raise ... from sets __cause__; implicit chaining sets __context__.
try:
    try:
        {}["key"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__))
try:
    try:
        raise OSError("first")
    except OSError:
        raise ValueError("second") from None
except ValueError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
