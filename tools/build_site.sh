#!/usr/bin/env bash
# Usage: tools/build_site.sh TARGET [mkdocs build options...]
#
# A strict MkDocs build into TARGET that never leaves it half-built or mixed:
# the build goes into a fresh folder made with mktemp beside TARGET (same disk, so the
# moves are renames); only when it succeeds does the old TARGET move aside, the new one
# move in, and the old one get deleted. A lock (TARGET.lock, flock) makes a second build
# of the same TARGET wait for the first. Set MKDOCS to choose the mkdocs to run.
set -euo pipefail
target=${1:?usage: tools/build_site.sh TARGET [mkdocs build options...]}
shift
mkdocs=${MKDOCS:-.venv/bin/mkdocs}

exec 9>"$target.lock"
flock 9

fresh=$(mktemp -d "$target.tmp.XXXXXX")
old="$fresh.old"
trap 'rm -rf -- "$fresh" "$old"' EXIT

"$mkdocs" build --strict "$@" --site-dir "$fresh"
chmod 755 "$fresh"  # mktemp makes it private; the site is published
if [ -e "$target" ]; then
  mv -- "$target" "$old"
fi
mv -- "$fresh" "$target"
