#!/usr/bin/env python3
"""Times saves in a running `duet serve`: N appends to FILE, each from the write to the live-reload
event EVENT (`reload` for a page, `css` for a stylesheet). Prints the median, min and max in ms.

usage: save-latency.py PORT FILE N EVENT
"""
import socket, statistics, sys, time

port, path, n, event = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
stream = socket.create_connection(("127.0.0.1", port))
stream.sendall(f"GET /__duet/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
buffer = b""


def wait_for(marker, timeout=120):
    global buffer
    stream.settimeout(timeout)
    while marker not in buffer:
        buffer += stream.recv(65536)
    buffer = buffer[buffer.index(marker) + len(marker):]


wait_for(b"event: hello")
line = "\n.edit-{i} {{ color: inherit; }}\n" if path.endswith(".css") else "\nEdit {i} at {t}.\n"
times = []
for i in range(n):
    time.sleep(1.5)  # the editor pauses between saves; the late outputs of the last save finish
    start = time.monotonic()
    with open(path, "a", encoding="utf-8") as f:  # open, write, close: an editor's save
        f.write(line.format(i=i, t=time.time()))
    wait_for(f"event: {event}".encode())
    times.append((time.monotonic() - start) * 1000)
print(f"{event} n={n} median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms")
