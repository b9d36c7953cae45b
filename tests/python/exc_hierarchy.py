# Builtin exception hierarchy relations.
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
         (KeyError, LookupError), (IndexError, LookupError), (UnboundLocalError, NameError),
         (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
         (FileNotFoundError, OSError), (StopIteration, Exception), (KeyboardInterrupt, Exception),
         (SystemExit, BaseException), (GeneratorExit, Exception), (ModuleNotFoundError, ImportError),
         (UnicodeDecodeError, ValueError), (AssertionError, Exception), (TypeError, ValueError)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print([c.__name__ for c in ZeroDivisionError.__mro__])
