"""Docstring first."""
from __future__ import annotations
from __future__ import division
def f(a: T, *b: U, c: lambda: V = 1, **d: [e for e in W]) -> R:
    x: X = 1
    return a
class C:
    y: Y
    z: (lambda: Z) = 2
def g():
    w: [(hit := 1) for i in I]
    return w
