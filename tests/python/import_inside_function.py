# import statements inside functions bind local names.
def use_math():
    import math
    return math.floor(2.7)
print(use_math())
print("math" in globals())
def use_from():
    from mod_geometry import manhattan
    return manhattan((0, 0), (2, 3))
print(use_from())
import sys
print("mod_geometry" in sys.modules)
