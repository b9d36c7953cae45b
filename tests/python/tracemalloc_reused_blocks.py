# Objects made from free-listed blocks (lists, dicts, tuples, floats) are
# traced where they were made, not where the block was first allocated
# (CPython's _PyTraceMalloc_NewReference).
import tracemalloc

tracemalloc.start()


def first_list():
    return [1, 2]


def second_list():
    return [3, 4]


def first_dict():
    return {"a": 1}


def second_dict():
    return {"b": 2}


def first_tuple(x):
    return (x, x)


def second_tuple(x):
    return (x, x, x)[:2]


def first_float(x):
    return x * 1.5


def second_float(x):
    return x * 2.5


def line(obj):
    tb = tracemalloc.get_object_traceback(obj)
    return None if tb is None else tb[0].lineno


# A block allocated before tracing started has no trace (None) in both
# runtimes; a traced one must name the function that made the object.
for first, second, l1, l2 in [
    (first_list, second_list, 10, 14),
    (first_dict, second_dict, 18, 22),
    (lambda: first_tuple(object()), lambda: second_tuple(object()), 26, 30),
    (lambda: first_float(2.0), lambda: second_float(2.0), 34, 38),
]:
    olds = [first() for _ in range(5)]
    old_lines = {line(o) for o in olds}
    del olds
    news = [second() for _ in range(5)]
    new_lines = {line(o) for o in news}
    print(old_lines <= {None, l1}, new_lines <= {None, l2})
tracemalloc.stop()
