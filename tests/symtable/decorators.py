import functools

def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper

@deco
def target(a):
    return a

def outer(d):
    @d
    class C:
        @d
        def m(self):
            return d
    return C
