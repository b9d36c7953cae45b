def l1():
    a = 1
    def l2():
        b = 2
        def l3():
            c = 3
            def l4():
                return a + b + c + d
            return l4
        return l3
    return l2
d = 0
