# Uncaught exception raised inside a helper module imported from this script's folder.
import mod_errors
print(mod_errors.safe_div(6, 3))
mod_errors.validate_age(-5)
