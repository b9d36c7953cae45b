# Importing a package, its submodules, a subpackage with relative imports, and __all__.
import pkg_demo
print(pkg_demo.VERSION, pkg_demo.Square(3).area())
from pkg_demo import area_sum, Square
print(area_sum([Square(1), Square(2)]))
import pkg_demo.sub.tools
print([s.side for s in pkg_demo.sub.tools.make_squares(3)])
from pkg_demo.sub import helpers
print(helpers.double(21), helpers.__name__)
import pkg_demo.shapes as sh
print(sh.Square is Square, pkg_demo.__name__, pkg_demo.sub.__name__)
print(pkg_demo.__all__)
