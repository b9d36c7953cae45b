# Float errors: division by zero, overflow in **, invalid conversions.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1.0 / 0)
show(lambda: 1.0 // 0.0)
show(lambda: 5.0 % 0)
show(lambda: 0.0 ** -1)
show(lambda: 10.0 ** 400)
show(lambda: float("nan") > 0)
show(lambda: float("1.2.3"))
show(lambda: float([]))
show(lambda: round(float("inf")))
show(lambda: 1e308 * 10)
