# complex: construction, arithmetic with ints and floats, abs, ==, repr, parts.
zs = [1 + 2j, 3 - 4j, -1j, 2j, complex(1.5, -0.5), complex(-0.0, 0.0), 0j, complex(1e16, 1e-5)]
for z in zs:
    print(repr(z), z.real, z.imag, z.conjugate(), abs(z), -z, +z, bool(z), z == z)
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, a ** (1 + 1j), a ** -2, b ** 3)
print(a + 1, 2 - a, a * 2.5, 1 / a, 2 ** a, a == 1 + 2.0j, (1 + 0j) == 1, (1 + 0j) == 1.0, 1j != 1)
print(complex(), complex(1), complex(1.5), complex(1, 2), complex("1+2j"), complex(" (3-4j) "),
      complex("-j"), complex("1e3j"), complex("1.5"), complex(1j, 1j), complex(2, 1j), complex(True))
print(complex(real=1, imag=2), complex(imag=3), hash(1 + 0j) == hash(1), hash(complex(1, 2)))
print(repr(complex(0.0, -0.0)), repr(complex(-0.0, -0.0)), repr(complex(float("inf"), float("nan"))))
print(abs(3 + 4j), abs(-5j), (1e300j * 1e300j))
print(str(1 + 2j), f"{1 + 2j}", format(1 + 2j, ".2f"), format(1 + 2j, "^20"), format(1.5j, "g"))
x = 1 + 1j
x *= 2
x -= 1
print(x, x.real.is_integer())
class C:
    def __complex__(self):
        return 5 + 5j
print(complex(C()), isinstance(1j, complex), type(1j + 1).__name__)
