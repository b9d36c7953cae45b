# sys.maxsize, recursion limit get/set, version_info comparisons, byteorder-free facts.
import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, -sys.maxsize - 1)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.version_info[:2] >= (3, 8), sys.version_info[0], sys.version_info >= (3,))
print(type(sys.version_info[:2]).__name__, len(sys.version_info[:2]))
print(isinstance(sys.modules, dict), "sys" in sys.modules, sys.modules["sys"] is sys)
print(type(sys.path).__name__, sys.stdout is not sys.stderr)
