#!/usr/bin/env bash
# Installs gocurve for a single-user Jupyter server: builds the kernel with the Go
# toolchain on PATH, installs its kernelspec into a Python prefix, and copies the
# course next to it. The Dockerfile, Binder's postBuild and test/python/test_image.py
# all run this one script.
#
#   deploy/install.sh [--prefix DIR]
#
# DIR defaults to the prefix of python3 on PATH (the prefix Jupyter searches first).
# It installs
#   DIR/share/jupyter/kernels/gocurve/   the kernel binary, kernel.json, logos
#   DIR/share/gocurve/course/            the course notebooks, without outputs
# Go is not downloaded here: the Go named by go.mod's go line (or newer) must be on
# PATH. The Dockerfile copies it from the golang image; Binder gets it from conda-forge.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=""
while [ $# -gt 0 ]; do
	case "$1" in
	--prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
	--prefix=*) prefix=${1#--prefix=}; shift ;;
	-h | --help) sed -n '2,14p' "$0"; exit 0 ;;
	*) echo "deploy/install.sh: unknown argument $1 (usage: deploy/install.sh [--prefix DIR])" >&2; exit 2 ;;
	esac
done
if [ -z "$prefix" ]; then
	prefix=$(python3 -c 'import sys; print(sys.prefix)') || {
		echo "deploy/install.sh: no python3 on PATH to choose a prefix; pass --prefix DIR" >&2
		exit 1
	}
fi

# The Go this build needs is go.mod's go line; never switch toolchains behind the user's back.
export GOTOOLCHAIN=local
need=$(sed -n 's/^go \([0-9][0-9.]*\)$/\1/p' "$repo/go.mod")
if ! command -v go >/dev/null; then
	echo "deploy/install.sh: no go on PATH; gocurve needs Go $need or newer" >&2
	exit 1
fi
have=$(go env GOVERSION)
have=${have#go}
if [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -n1)" != "$need" ]; then
	echo "deploy/install.sh: go.mod needs Go $need or newer, but go on PATH is $have" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -o "$work/gocurve" ./cmd/install)
# The installer copies itself into the kernelspec folder, so $work can go.
"$work/gocurve" --prefix "$prefix"

course="$prefix/share/gocurve/course"
rm -rf "$course"
mkdir -p "$course"
cp "$repo"/notebooks/*.ipynb "$repo/notebooks/README.md" "$course/"
echo "installed the course ($(ls "$course"/*.ipynb | wc -l) notebooks) in $course"
