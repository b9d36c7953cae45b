# bool is an int: arithmetic, bitwise ops, ~, formatting and hashing.
t, f = True, False
print(t + 1, t + t, f - t, t * 2.5, t / 2, t // 2, t % 2, t ** 3, -t, +t, ~t, ~f, abs(-t))
print(t & f, t | f, t ^ t, t & 3, 3 | f, type(t & f).__name__, type(t & 3).__name__, t << 4, 8 >> t)
print(repr(t), str(f), int(t), float(t), complex(t), hash(t), hash(f), t == 1, f == 0.0)
print(format(t), format(t, "d"), format(t, ">6"), f"{f:x}", f"{t:.2f}", t.real, t.numerator, t.bit_length())
print(bool(0), bool(-1), bool(0.0), bool(-0.0), bool(1e-300), bool(0j), bool(1j), bool(""), bool(None))
print(sum([True, True, False, True]), max(True, 0), divmod(True, 2), round(True), isinstance(t, int))
print(True.conjugate(), True.as_integer_ratio(), (True).to_bytes(1, "big"), True.__index__())
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
print(bool.__name__, bool.__mro__)
