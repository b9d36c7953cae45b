class C:
    vals = [y := 1 for i in range(3)]
