# __bool__, __len__, __index__ and __int__/__float__ conversions.
class N:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __float__(self):
        return self.v + 0.5
class I:
    def __int__(self):
        return 7
n = N(3)
print([10, 20, 30, 40][n], "abcdef"[N(1):N(4)], hex(N(255)), bin(n))
print(float(n), int(I()), range(N(4)))
print(operator_like := n.__index__())
class Size:
    def __len__(self):
        return 5
print(len(Size()))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)
