# OSError construction, errno subclasses, and the errors open() raises.
e = OSError(2, "No such file or directory", "missing.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)
print(str(e))
print(str(OSError(13, "Permission denied")), type(OSError(13, "x")).__name__)
print(str(OSError("just a message")), OSError("m").errno)
print(type(OSError(17, "File exists")).__name__, type(OSError(99, "odd")).__name__)
print(str(OSError(1, "a", "b", None, "c")))
print(isinstance(FileNotFoundError(), OSError), issubclass(IsADirectoryError, OSError))
print(IOError is OSError, EnvironmentError is OSError)

class AppError(OSError):
    pass
err = AppError(2, "app failed", "cfg.ini")
print(type(err).__name__, err, err.filename)

try:
    open("_scratch_no_such_dir/inner/file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename)
    print(e)
try:
    open(".")
except IsADirectoryError as e:
    print("IsADirectoryError", e.errno, e)
name = "_scratch_file_errors_oserror.txt"
with open(name, "w") as f:
    f.write("x")
try:
    open(name, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror)
try:
    open(name, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)
try:
    open(name, newline="bad")
except ValueError as e:
    print("ValueError", e)
try:
    open(3.5)
except TypeError as e:
    print("TypeError", e)
try:
    raise FileNotFoundError(2, "gone", "a.txt")
except OSError as e:
    print(repr(e.args), e.filename)
