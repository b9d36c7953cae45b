# A caught exception re-raised with bare raise stays uncaught with its original traceback.
def risky():
    return {}["gone"]
try:
    risky()
except KeyError:
    print("logging the error and re-raising")
    raise
