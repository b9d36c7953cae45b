# Helper module in a subpackage, using an absolute and a parent-relative import.
from ..shapes import Square
from . import helpers

def make_squares(n):
    return [Square(helpers.double(i)) for i in range(1, n + 1)]
