# Common list errors and their messages.
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
a = [1, 2, 3]
show(lambda: a[3])
show(lambda: a[-4])
show(lambda: a["0"])
show(lambda: a.remove(9))
show(lambda: a.index(9))
show(lambda: [].pop())
show(lambda: [1].pop(5))
show(lambda: a.__setitem__(10, 0))
show(lambda: a + 1)
show(lambda: a * 1.5)
show(lambda: a.sort(key=1))
show(lambda: [3, "a"].sort())
