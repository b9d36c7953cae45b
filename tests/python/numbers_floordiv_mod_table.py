# Floor division and modulo: signs follow the divisor, for ints, floats and mixes.
vals = [-7, -6, -1, 0, 1, 6, 7]
divs = [-3, -2, -1, 1, 2, 3]
for a in vals:
    row = []
    for b in divs:
        row.append((a // b, a % b))
    print(a, row)
for a in [-7.5, -0.5, 0.0, -0.0, 0.5, 7.5]:
    for b in [-2, -0.5, 0.5, 2.0]:
        q, r = divmod(a, b)
        assert q * b + r == a or abs(q * b + r - a) < 1e-12
        print(a, b, a // b, a % b, q, r)
print(divmod(-2**70, 3), divmod(2**70, -3), divmod(-2**70, -3))
print(-2**64 // 7, -2**64 % 7, 2**64 // -7, 2**64 % -7)
print((-2**63) // -1, (-2**63) % -1, type((-2**63) // -1).__name__)
print(5 % float("inf"), -5 % float("inf"), 5.0 // float("inf"), -5.0 // float("inf"))
print(-0.0 % 5, 0.0 % -5, -1e-300 % 1.0, 1e-300 % -1.0)
print(divmod(7, 2.5), divmod(-7, 2.5), divmod(True, 2))
for a, b in [(10**20, 3), (-10**20, 3), (10**20, -3)]:
    q, r = divmod(a, b)
    print(q, r, q * b + r == a)
