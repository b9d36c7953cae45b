counter = 0
def inc():
    global counter
    counter += 1

def reader():
    return counter

def declare_only():
    global fresh
    fresh = 1

def nested():
    x = 1
    def inner():
        global x
        x = 2
    def other():
        return x
    return inner, other

class K:
    global gk
    gk = 1
