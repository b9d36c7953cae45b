# ImportError / ModuleNotFoundError for missing modules.
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg_demo import no_such_name
except ImportError as e:
    print(type(e).__name__, "no_such_name" in str(e))
try:
    import pkg_demo.missing_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
