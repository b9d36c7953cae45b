# Helper package (not a test program): package init with a relative import.
print("pkg_demo initialised")
from .shapes import Square, area_sum
VERSION = (1, 2)
__all__ = ["Square", "area_sum", "VERSION"]
