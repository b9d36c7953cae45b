# Function attributes: __name__, __qualname__, __doc__, __defaults__, custom attributes.
def outer():
    """Outer docstring."""
    def inner(a, b=2):
        return a
    return inner
f = outer()
print(outer.__name__, outer.__qualname__, outer.__doc__)
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__)
f.tag = "custom"
print(f.tag, f.__dict__)
class K:
    def method(self):
        pass
print(K.method.__qualname__, K.method.__name__)
print(outer.__code__.co_name, f.__code__.co_argcount, f.__code__.co_varnames)
print(callable(f), type(f).__name__)
