# Helper module (not a test program) that itself imports another helper module.
import mod_geometry
from mod_counter import bump


def far_corner(n):
    bump()
    return mod_geometry.manhattan(mod_geometry.ORIGIN, (n, n))
