from __future__ import annotations
v: lambda x, x: 0
