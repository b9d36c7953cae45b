# The warnings module (lib/warnings.py): filters, actions, registry, catch_warnings, showwarning.
import warnings
warnings.warn("plain")
warnings.warn("plain")
def f():
    warnings.warn("from f", DeprecationWarning, stacklevel=2)
f()
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn(RuntimeWarning("an instance"))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    warnings.warn("again", FutureWarning)
print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w], w[0].lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom")
    except UserWarning as e:
        print("raised", e)
warnings.filterwarnings("ignore", message="skip.*")
warnings.warn("skip me")
warnings.warn("Skip ME too")
warnings.warn("not skipped")
for i in range(3):
    warnings.warn("loop once")
warnings.simplefilter("always", UserWarning)
for i in range(2):
    warnings.warn("loop always")
print(warnings.formatwarning("m", UserWarning, "f.py", 3, "  x = 1  "))
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
def show(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)
warnings.showwarning = show
warnings.warn("via custom")
warnings.resetwarnings()
print(warnings.filters)
