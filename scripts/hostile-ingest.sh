#!/usr/bin/env bash
# Builds a hostile ingest folder (the shape of HostileFolderTest, with N tiny files, default 10,000) and runs
# `./healthrag ingest` over it under /usr/bin/time -v, whose "Maximum resident set size" is the run's peak RSS.
# Usage: scripts/hostile-ingest.sh [N] [DIR]   (QUARKUS_DATASOURCE_JDBC_URL picks the database)
set -euo pipefail
N=${1:-10000}
DIR=${2:-$(mktemp -d)}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$DIR/tiny"
printf '\x7fELF\0\0\1\2' >"$DIR/binary.txt"
: >"$DIR/empty.md"
printf 'Caf\xe9 au lait.\n' >"$DIR/latin1.txt"
truncate -s 50M "$DIR/huge.md" # sparse
{ printf '<html><body>'; for _ in $(seq 2000); do printf '<div>'; done; printf 'Deep text.'; printf '</body></html>'; } >"$DIR/deep.html"
ln -sf loop-b.md "$DIR/loop-a.md"; ln -sf loop-a.md "$DIR/loop-b.md"
ln -sf /etc/passwd "$DIR/passwd.txt"
printf -- '---\ntitle: [a, b]\n---\n# T\n\nSome text here.\n' >"$DIR/title-list.md"
printf -- '---\npublished: +999999999-12-31\n---\n# T\n\nSome text here.\n' >"$DIR/date-far.md"
printf -- "---\nurl: 'javascript:alert(1)'\n---\n# Script\n\nGout is a kind of arthritis.\n" >"$DIR/script.md"
for i in $(seq 0 $((N - 1))); do
    printf -- '---\nid: hostile-tiny-%d\n---\nTiny article %d says to drink water.\n' "$i" "$i" >"$DIR/tiny/$i.md"
done
echo "Folder: $DIR"
cd "$ROOT"
/usr/bin/time -v ./healthrag ingest "$DIR" 2>&1 | grep -E "Done:|failed:|warning:|Maximum resident set size|Elapsed" || true
