f = lambda x, *, x=1: 0
