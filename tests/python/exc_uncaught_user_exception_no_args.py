# Uncaught user exception without arguments, subclass of a user base.
class Base(Exception):
    pass
class Specific(Base):
    pass
def f():
    raise Specific
f()
