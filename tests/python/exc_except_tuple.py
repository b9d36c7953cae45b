# except with a tuple of classes and the order of except clauses.
def f(x):
    try:
        return [1, 2][x]
    except (IndexError, TypeError) as e:
        return "caught " + type(e).__name__
print(f(0), f(5), f("a"))
errors = (KeyError, AttributeError)
for action in (lambda: {}["a"], lambda: None.foo, lambda: 1 + "1"):
    try:
        action()
    except errors as e:
        print("in tuple:", type(e).__name__)
    except BaseException as e:
        print("fallback:", type(e).__name__)
try:
    raise KeyError("k")
except Exception:
    print("Exception clause first")
except KeyError:
    print("never reached")
