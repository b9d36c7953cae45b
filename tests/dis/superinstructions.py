# Superinstructions: which adjacent pairs the assembler fuses, and where it
# must not (src/compile/superinstr.rs, SUPER-1..4).
def pairs(a, b):
    c = a + 1            # LOAD_OTUS
    d = a * b            # LOAD_FAST__LOAD_FAST
    e = c; f = e         # STORE_FAST__LOAD_FAST
    g, h = d, c          # STORE_FAST__STORE_FAST after the swap
    return 2 - g, h.real # LOAD_CONST__LOAD_FAST, LOAD_FAST__LOAD_ATTR

def scaled(xs):
    total = 0
    for x in xs:
        total += x * 3   # LOAD_CONST__BINARY_OP
    return total

def maybe_unbound(flag):
    if flag:
        y = 1
        z = 2
    return flag, y, z    # flag can't raise: fused, at y's position; y and
                         # z both may raise: not fused

def deleted(p):
    q = p
    del q
    return q, q          # q unbound after del; the second load of q
                         # cannot raise once the first did not: fused

def across_lines(a):
    return (a,
            a)           # two lines: not fused

def jump_target(n):
    i = 0
    while i < n:         # the loop test starts a block: LOAD_FAST alone
        i = i + 1
    return i

def handler(x):
    try:
        x = x + 1
    except TypeError:
        x = 0
    return x

class Point:
    def __init__(self, x):
        self.x = x
    def norm(self):
        return self.x * self.x
