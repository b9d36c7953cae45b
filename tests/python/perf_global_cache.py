# LOAD_GLOBAL stays right under a warm cache: globals rebound and deleted
# between calls, a global shadowing a builtin and going away again, one
# function's code run against several globals dicts.


def read_x():
    return x


x = 1
print([read_x() for _ in range(3)])
x = 2
print([read_x() for _ in range(3)])


def use_len():
    return len([1, 2, 3])


print(use_len(), use_len())


def len(obj):
    return -1


print(use_len(), use_len())
del len
print(use_len(), use_len())

# Many globals added after the cache is warm (the dict grows and moves its
# entries).
for i in range(50):
    globals()[i] = i
print(read_x())
x = 3
print(read_x())
del x
try:
    read_x()
except NameError as e:
    print("NameError", e)
x = 4
print(read_x())

code = read_x.__code__
for value in (10, 20, 30):
    ns = {"x": value}
    print(eval(code, ns))
ns_a = {"y": 0, "x": "a"}
ns_b = {"x": "b", "y": 0}
print(eval(code, ns_a), eval(code, ns_b), eval(code, ns_a))
