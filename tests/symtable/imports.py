import os
import os.path
import a.b.c as abc
from m import name, other as alias
from . import sibling
from .pkg import thing
from m import *

def f():
    import json
    import xml.dom
    from collections import OrderedDict as OD
    return json, xml, OD

class C:
    import sys
