# A RecursionError can be caught; the limit can be raised for deeper recursion.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
try:
    depth(10 ** 5)
except RecursionError as e:
    print("RecursionError", e)
print(depth(500))
sys.setrecursionlimit(5000)
print(depth(3000))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError:
    print("caught again")
print("still running")
