# finally blocks run on return, break, continue and exceptions, innermost first.
def f():
    try:
        try:
            return "value"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(f())
def g():
    for i in range(3):
        try:
            if i == 0:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
g()
def h():
    try:
        raise ValueError("v")
    finally:
        print("finally before propagation")
try:
    h()
except ValueError as e:
    print("caught", e)
def k():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
        print("x set to", x)
print(k())
