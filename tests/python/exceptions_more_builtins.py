# The remaining built-in exception and warning classes and their bases.
for name in ["StopAsyncIteration", "ConnectionAbortedError", "ConnectionRefusedError",
             "ConnectionResetError", "PendingDeprecationWarning", "FutureWarning",
             "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning",
             "EncodingWarning"]:
    cls = globals()["__builtins__"].__dict__[name] if hasattr(__builtins__, "__dict__") else getattr(__builtins__, name)
    print(name, [c.__name__ for c in cls.__mro__])
try:
    raise ConnectionResetError(104, "reset by peer")
except ConnectionError as e:
    print(type(e).__name__, e.errno, e.strerror, e)
try:
    raise FutureWarning("later")
except Warning as w:
    print(repr(w))
