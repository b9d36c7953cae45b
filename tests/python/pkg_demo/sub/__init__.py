# Helper subpackage of pkg_demo.
print("pkg_demo.sub initialised")
