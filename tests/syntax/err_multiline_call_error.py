f(a,
  b c)
