import a
import a.b.c as d, e
from x import y
from x.y import (a, b as c,)
from . import z
from .. import z
from ...pkg import *
from .mod import q
