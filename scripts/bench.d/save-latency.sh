#!/bin/bash
# save-latency.sh DUET SITE PORT N: starts `duet serve` on SITE (content/ and theme/ inside), waits
# for its first build, then times N saves of the first English article and N of the stylesheet,
# each to its live-reload event; last, the idle server's CPU time over 5 s.
set -eu
DUET=$1; SITE=$2; PORT=$3; N=${4:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$SITE"
rm -rf _site .duet-cache
"$DUET" serve --source content --theme theme --output _site --port "$PORT" > serve.log 2>&1 &
PID=$!
trap 'kill -INT $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/en/"; do sleep 0.5; done
python3 "$HERE/save-latency.py" "$PORT" "$(ls content/posts/en/*.md | head -1)" "$N" reload
python3 "$HERE/save-latency.py" "$PORT" theme/static/css/duet.css "$N" css
sleep 3
cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
before=$(cpu); sleep 5; after=$(cpu)
echo "idle: $((after - before)) clock ticks of CPU in 5 s"
