def f(x):
    if x:
        return [
  1, 2,
            3]
    else:
            pass
        # a comment at another indent

    return x
class C:
	def g(self): return 1 \
            + 2
x = {'a':
     1}
