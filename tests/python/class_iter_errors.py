# Errors from non-iterable objects and from iterators that misbehave.
class NotIter:
    pass
class BadIter:
    def __iter__(self):
        return 42
class Half:
    def __iter__(self):
        return self
def show(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
show(lambda: list(NotIter()))
show(lambda: [x for x in NotIter()])
show(lambda: iter(BadIter()))
show(lambda: next(Half()))
show(lambda: 1 in NotIter())
show(lambda: list(5))
show(lambda: sorted(None))
show(lambda: dict([1, 2]))
show(lambda: (lambda a, b: 0)(*NotIter()))
