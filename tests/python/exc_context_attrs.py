# __traceback__ exists, with_traceback returns the exception, args can be reassigned.
try:
    raise ValueError("a", "b")
except ValueError as e:
    err = e
print(err.__traceback__ is not None, err.with_traceback(None) is err)
err.args = ("changed",)
print(err, repr(err))
e2 = KeyError("k")
print(str(e2), repr(e2), e2.args)
e3 = KeyError("k", "j")
print(str(e3))
print(repr(Exception()), str(Exception()), repr(Exception(1, 2)))
print(repr(StopIteration(5)), StopIteration(5).value)
print(repr(SystemExit(3)), SystemExit(3).code, SystemExit().code)
e4 = OSError(2, "No such file")
print(e4.errno, e4.strerror, str(e4))
