#!/usr/bin/env python3
"""The "write" half of the floor: write as many files, of the same sizes and in the same folders, as
a given site (Duet's output), into a fresh folder. Prints the seconds spent (after interpreter start).

Usage: floorwrite.py SITE_DIR DEST_DIR
"""
import os
import sys
import time

site, dest = sys.argv[1], sys.argv[2]
manifest = []
for root, _, files in os.walk(site):
    rel = os.path.relpath(root, site)
    for name in files:
        manifest.append((os.path.normpath(os.path.join(rel, name)), os.path.getsize(os.path.join(root, name))))
manifest.sort()
payload = (b"<p>floor</p>\n" * 4096)
largest = max((size for _, size in manifest), default=0)
while len(payload) < largest:
    payload += payload

start = time.perf_counter()
made = set()
for rel, size in manifest:
    path = os.path.join(dest, rel)
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, payload[:size])
    os.close(fd)
elapsed = time.perf_counter() - start
print("%.6f %d %d" % (elapsed, len(manifest), sum(size for _, size in manifest)))
