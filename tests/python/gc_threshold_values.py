# gc.set_threshold keeps what it is given, as CPython's ints: negative
# thresholds are always exceeded, 0 turns automatic collection off, and
# out-of-range values raise PyArg_ParseTuple's OverflowErrors.
import gc

gc.set_threshold(-5, -1, 3)
print(gc.get_threshold())
x = [[] for i in range(100)]
print(gc.get_count()[0] <= 1)
gc.set_threshold(0)
print(gc.get_threshold())
y = [[] for i in range(100)]
print(gc.get_count()[0] >= 100)
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
for bad in (2**63, 2**31, -2**31 - 1, 2**100):
    try:
        gc.set_threshold(bad)
    except OverflowError as e:
        print("OverflowError:", e)
for bad in (1.5, "3", None):
    try:
        gc.set_threshold(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    gc.set_threshold(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
print(gc.get_threshold())
gc.set_threshold(-2**31, 2**31 - 1)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
