def outer():
    def inner():
        class K:
            def m(self):
                for i in x:
                    while y:
                        if z:
                            return i
        return K
    return inner
