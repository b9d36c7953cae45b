# A custom sequence whose __getitem__ and __setitem__ accept both indices and slices.
class Vec:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Vec(self.items[key])
        if isinstance(key, int):
            return self.items[key]
        raise TypeError(f"Vec indices must be int or slice, not {type(key).__name__}")
    def __setitem__(self, key, value):
        self.items[key] = value
    def __repr__(self):
        return f"Vec({self.items})"
v = Vec(range(10))
print(v[3], v[-1], v[2:5], v[::3], v[::-1][:2], len(v[1:1]))
v[0] = 100
v[1:3] = [-1, -2, -3]
print(v, len(v))
try:
    v["a"]
except TypeError as e:
    print("TypeError", e)
print(list(v)[:4], 100 in v, -3 in v)
