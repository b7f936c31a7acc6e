#!/usr/bin/python3
"""Line counts and the longest functions of folio's C++ sources (for issue notes).

Usage: tools/code-stats.py [DIR] [N]   (default: src, 10)

Reads braces: a "{" whose statement looks like a signature (has "(", is not a control
statement, lambda or initialiser) inside a namespace, class or the file is a function; its length
runs to the matching "}". Heuristic, but the same for every tree it is run on.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "src"
top = int(sys.argv[2]) if len(sys.argv) > 2 else 10
files, total, funcs = 0, 0, []
CONTROL = re.compile(r"^\s*(if|for|while|switch|do|else|try|catch|return)\b|\]\s*\(|=\s*\[|\)\s*->|=\s*$")
for dirpath, _, names in os.walk(root):
    for name in sorted(names):
        if not name.endswith((".cpp", ".h")):
            continue
        path = os.path.join(dirpath, name)
        lines = open(path, errors="replace").read().split("\n")
        files += 1
        total += len(lines)
        stack, stmt = [], ""  # stack of (kind, start line, signature)
        for i, line in enumerate(lines):
            code = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'|//.*', "", line)
            if code.lstrip().startswith("#"):
                continue
            for ch_index, ch in enumerate(code):
                if ch == "{":
                    s = (stmt + code[:ch_index]).strip()
                    head = s.split(";")[-1].strip()
                    if re.search(r"\b(namespace)\b", head):
                        kind = "ns"
                    elif re.search(r"\b(class|struct|union|enum)\b", head) and "(" not in head:
                        kind = "class"
                    elif "(" in head and not CONTROL.search(head) and all(k in ("ns", "class") for k, _, _ in stack):
                        kind = "func"
                    else:
                        kind = "other"
                    stack.append((kind, i, head))
                    stmt = ""
                elif ch == "}":
                    if stack:
                        kind, start, head = stack.pop()
                        if kind == "func":
                            funcs.append((i - start + 1, path, start + 1, " ".join(head.split())[-80:]))
                    stmt = ""
                elif ch == ";":
                    stmt = ""
            rest = code.rsplit("{", 1)[-1].rsplit("}", 1)[-1]
            stmt = (stmt + " " + rest) if "{" not in code and "}" not in code else rest
print(f"{root}: {files} files, {total} lines, {len(funcs)} functions")
for n, path, line, text in sorted(funcs, reverse=True)[:top]:
    print(f"  {n:5d} lines  {path}:{line}  {text}")
