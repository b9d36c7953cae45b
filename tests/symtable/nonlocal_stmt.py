def outer():
    a = 1
    b = 2
    def middle():
        nonlocal a
        a = 3
        def inner():
            nonlocal a, b
            b = a
        return inner
    return middle
