# except Exception does not catch SystemExit/KeyboardInterrupt; except BaseException does.
import sys
def attempt(exc):
    try:
        try:
            raise exc
        except Exception as e:
            return "Exception caught " + type(e).__name__
    except BaseException as e:
        return "BaseException caught " + type(e).__name__
for exc in (ValueError("v"), SystemExit(0), KeyboardInterrupt(), GeneratorExit(), StopIteration()):
    print(attempt(exc))
try:
    sys.exit(7)
except:
    print("bare except catches SystemExit too:", sys.exc_info()[0].__name__)
print(sys.exc_info())
