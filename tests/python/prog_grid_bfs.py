# Real program: breadth-first search for shortest paths on a grid maze, with path drawing.
MAZE = """
##########
#S...#...#
#.##.#.#.#
#.#..#.#.#
#.#.##.#.#
#...#..#E#
###.#.##.#
#.....#..#
##########
""".strip().splitlines()


def find(grid, ch):
    for r, row in enumerate(grid):
        c = row.find(ch)
        if c >= 0:
            return (r, c)
    return None


def bfs(grid, start, goal):
    queue = [start]
    head = 0
    came_from = {start: None}
    while head < len(queue):
        cur = queue[head]
        head += 1
        if cur == goal:
            break
        r, c = cur
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nxt = (r + dr, c + dc)
            if grid[nxt[0]][nxt[1]] != "#" and nxt not in came_from:
                came_from[nxt] = cur
                queue.append(nxt)
    if goal not in came_from:
        return None, len(came_from)
    path = []
    node = goal
    while node is not None:
        path.append(node)
        node = came_from[node]
    path.reverse()
    return path, len(came_from)


start, goal = find(MAZE, "S"), find(MAZE, "E")
print("start", start, "goal", goal)
path, explored = bfs(MAZE, start, goal)
print("steps", len(path) - 1, "explored", explored)
canvas = [list(row) for row in MAZE]
for r, c in path[1:-1]:
    canvas[r][c] = "*"
for row in canvas:
    print("".join(row))
blocked = [row.replace(".", "#") if i == 7 else row for i, row in enumerate(MAZE)]
p2, n2 = bfs(blocked, start, goal)
print("blocked:", p2, n2)
dist = {}
for r in range(len(MAZE)):
    for c in range(len(MAZE[0])):
        if MAZE[r][c] != "#":
            p, _ = bfs(MAZE, start, (r, c))
            dist[(r, c)] = len(p) - 1 if p else -1
far = max(dist, key=lambda k: (dist[k], k))
print("farthest cell", far, dist[far])
