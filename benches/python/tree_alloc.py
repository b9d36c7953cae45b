# Measures object allocation and deallocation (many short-lived small class
# instances, reference counting, the allocator's free lists) and recursive
# tree walks: the Computer Language Benchmarks Game "binary-trees", in its
# classic form with an item number per node (check = item + left - right,
# trees built for +i and -i), building and checking many perfect binary trees
# of varying depth while one long-lived tree stays alive.
# Usage: python3 tree_alloc.py [max_depth]

import sys


class Node:
    def __init__(self, item, left, right):
        self.item = item
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return self.item
        return self.item + self.left.check() - self.right.check()


def make_tree(item, depth):
    if depth == 0:
        return Node(item, None, None)
    item2 = item + item
    depth -= 1
    return Node(item, make_tree(item2 - 1, depth), make_tree(item2, depth))


def count_nodes(node):
    # Iterative walk with an explicit stack (a list used as a stack).
    count = 0
    stack = [node]
    while stack:
        n = stack.pop()
        count += 1
        if n.left is not None:
            stack.append(n.left)
            stack.append(n.right)
    return count


def main():
    max_depth = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    min_depth = 4
    if max_depth < min_depth + 2:
        max_depth = min_depth + 2
    digest = 0

    stretch = max_depth + 1
    c = make_tree(0, stretch).check()
    digest = digest * 31 + c
    print("stretch tree of depth", stretch, "\t check:", c)

    long_lived = make_tree(0, max_depth)

    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        check = 0
        for i in range(1, iterations + 1):
            check += make_tree(i, depth).check()
            check += make_tree(-i, depth).check()
        digest = digest * 31 + check
        print(iterations * 2, "\t trees of depth", depth, "\t check:", check)

    c = long_lived.check()
    nodes = count_nodes(long_lived)
    print("long lived tree of depth", max_depth, "\t check:", c, "\t nodes:", nodes)
    print("checksum:", digest, c, nodes)


main()
