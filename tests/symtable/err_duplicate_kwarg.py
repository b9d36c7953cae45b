def f(a, *, k, **k):
    pass
