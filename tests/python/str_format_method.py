# str.format: positional, keyword, indexing, attribute access, nested fields, escaping braces.
print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30), "{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
class P:
    x = 3
print("{0.x} {p.x}".format(P(), p=P()), "{{literal}} {}".format(1))
print("{:{w}}|".format("pad", w=6), "{:{fill}>{w}}".format(7, fill="0", w=4))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{0:>5}|{0:<5}|{0:^5}|".format("ab"))
data = {"a": 1}
print("{a}".format(**data), "{}{}".format(*"xy"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError", e)
