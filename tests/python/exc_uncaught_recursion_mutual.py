# Uncaught RecursionError from mutual recursion under a lowered recursion limit.
import sys
sys.setrecursionlimit(120)
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
print("limit", sys.getrecursionlimit())
ping(0)
