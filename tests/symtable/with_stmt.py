def f(path):
    with open(path) as fh, open(path) as (a, b):
        return fh.read()
with lock:
    pass
with ctx() as [p, *q]:
    pass
