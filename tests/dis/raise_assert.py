def f(x):
    assert x
    assert x > 0, "positive"
    if x:
        raise ValueError("bad")
    raise
try:
    f(1)
except Exception as e:
    raise RuntimeError("wrapped") from e
