# Measures the cycle collector on short-lived cyclic garbage: builds many
# small object graphs whose nodes point at their parent, their children and
# their siblings (instance cycles, list cycles through a dict), walks each
# one, then drops it so that only the collector can reclaim it. Automatic
# collections (CPython's default thresholds) do all the reclaiming.
# Usage: python3 gc_graphs.py [rounds]

import sys


class Node:
    def __init__(self, parent, value):
        self.parent = parent
        self.value = value
        self.children = []
        self.links = {}
        if parent is not None:
            parent.children.append(self)
            self.links["up"] = parent


def build(width, depth, seed):
    root = Node(None, seed)
    level = [root]
    for d in range(depth):
        nxt = []
        for node in level:
            prev = None
            for i in range(width):
                child = Node(node, (node.value * 31 + i + d) % 1009)
                if prev is not None:
                    prev.links["next"] = child
                    child.links["prev"] = prev
                prev = child
                nxt.append(child)
        level = nxt
    ring = [root]
    ring.append(ring)
    root.links["ring"] = ring
    return root


def walk(node):
    total = node.value
    for c in node.children:
        total += walk(c)
    return total


def main(rounds):
    checksum = 0
    for r in range(rounds):
        g = build(4, 4, r)
        checksum = (checksum * 7 + walk(g)) % 1000000007
        del g
    print("checksum:", checksum)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
