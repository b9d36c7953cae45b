# Generator object attributes and states; return in generator; generator in for-else.
def g():
    yield 1
    return
    yield 2
print(list(g()))
def gen_with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally of generator")
for v in gen_with_finally():
    print(v)
print("--")
for v in gen_with_finally():
    print(v)
    break
print("after break")
def empty():
    return
    yield
print(list(empty()))
gi = g()
print(type(gi).__name__, gi.__name__, iter(gi) is gi)
