import sys
def f():
    global sys
    nonlocal z
