# Exceptions raised inside except and finally blocks replace the original.
def a():
    try:
        raise KeyError("original")
    except KeyError:
        raise ValueError("replacement")
try:
    a()
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))
def b():
    try:
        raise KeyError("lost")
    finally:
        raise RuntimeError("from finally")
try:
    b()
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))
def c():
    try:
        return "returned"
    finally:
        pass
print(c())
