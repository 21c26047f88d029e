#!/usr/bin/env bash
# Reproducible builds: two clean builds of the same sources must give byte-identical jars, plugin archives and
# release files (project.build.outputTimestamp in the parent pom fixes every archive entry's time).
#
#   scripts/check-reproducible.sh                 build the working tree twice in two fresh copies with -Prelease
#                                                 (jars, component archives, plugin.path tarball, SBOM, SHA256SUMS)
#                                                 and compare; about 5 minutes on 2 cores
#   scripts/check-reproducible.sh --against DIR   one fresh build (no -Prelease: no tarball) compared with what a
#                                                 finished build in DIR left (CI runs it after ./ticketstream test)
#
# MAVEN_ARGS is passed on (e.g. -Dmaven.repo.local=...). Exit 1 names every file that differs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

against=""
if [ "${1:-}" = "--against" ]; then
  against="$(cd "${2:?--against needs a folder}" && pwd)"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/ticketstream-reproducible.XXXXXX")"
trap 'rm -rf "$work"' EXIT

copy_sources() { # the working tree's files (tracked and new, not ignored), without any build output
  mkdir -p "$1"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$1"
}

build() { # $1 = folder, $2.. = extra Maven arguments
  local dir="$1"; shift
  echo "reproducible: building in $dir $*"
  (cd "$dir" && ./mvnw -B -q package -Dmaven.test.skip=true "$@" > "$work/build-$(basename "$dir").log" 2>&1) || {
    tail -40 "$work/build-$(basename "$dir").log" >&2
    echo "reproducible: the build in $dir failed" >&2
    exit 2
  }
}

artifacts() { # the files a build ships or publishes, relative to its root
  (cd "$1" && { ls -1 ./*/target/*.jar ./*/target/*.zip ./*/target/*.tar.gz 2>/dev/null || true
                ls -1 ./release/target/inventory/NOTICE ./release/target/inventory/sbom.cdx.json 2>/dev/null || true
                find ./release/target -path './release/target/ticketstream-*' -type f 2>/dev/null || true
              } | grep -v '/original-' | sed 's|^\./||' | sort -u)
}

if [ -n "$against" ]; then
  first="$against"
  second="$work/b"; copy_sources "$second"; build "$second"
else
  # both copies first: an edit to the working tree during the first build must not reach only the second
  first="$work/a"; second="$work/b"; copy_sources "$first"; copy_sources "$second"
  build "$first" -Prelease
  build "$second" -Prelease
fi

list_second="$(artifacts "$second")"
[ -n "$list_second" ] || { echo "reproducible: the build produced no artifacts" >&2; exit 2; }

differ=0; same=0
while IFS= read -r f; do
  if [ ! -f "$first/$f" ]; then
    echo "DIFFERS (missing in the first build): $f"; differ=$((differ + 1)); continue
  fi
  if cmp -s "$first/$f" "$second/$f"; then
    same=$((same + 1))
  else
    echo "DIFFERS: $f"; differ=$((differ + 1))
  fi
done <<< "$list_second"

echo "reproducible: $same identical, $differ different"
[ "$differ" -eq 0 ]
