for i in range(3):
    pass
else:
    done = True
def f(items):
    for k, (a, b) in items:
        while a:
            a -= 1
        else:
            continue
    return k
