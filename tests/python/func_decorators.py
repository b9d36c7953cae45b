# Function decorators: wrapping, stacking order, preserving attributes by hand.
def shout(f):
    def wrapper(*a, **k):
        return f(*a, **k).upper()
    wrapper.__name__ = f.__name__
    return wrapper
def exclaim(f):
    def wrapper(*a, **k):
        return f(*a, **k) + "!"
    return wrapper
@shout
@exclaim
def hello(name):
    return "hello " + name
print(hello("world"), hello.__name__)
calls = []
def trace(f):
    calls.append("decorating " + f.__name__)
    return f
@trace
def a():
    pass
@trace
def b():
    pass
print(calls)
def register(registry):
    def deco(f):
        registry[f.__name__] = f
        return f
    return deco
REG = {}
@register(REG)
def one():
    return 1
print(sorted(REG), REG["one"]())
