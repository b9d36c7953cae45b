# The old iteration protocol: __getitem__ with IndexError makes an object iterable.
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
print(list(Squares(5)))
print(9 in Squares(5), 10 in Squares(5))
for v in Squares(3):
    print(v)
a, b, c = Squares(3)
print(a, b, c, sorted(Squares(4), reverse=True))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(Seq())))
