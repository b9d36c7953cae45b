# Helper module in pkg_demo.sub.
def double(x):
    return 2 * x
