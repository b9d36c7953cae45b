# Uncaught NameError for a name with no close match.
def compute():
    return zzyzx_value * 2
compute()
