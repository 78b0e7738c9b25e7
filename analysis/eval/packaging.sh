#!/usr/bin/env bash
# Checks the packaging of the analyzers the way a user meets it, with no
# manual step, from a version of this module served by a module proxy:
#
#   1. go install github.com/httpref/httpref/analysis/cmd/httpstatus@VERSION
#   2. the golangci-lint module plugin in its module: form (the version from
#      the proxy) and its path: form (a directory), built as
#      `golangci-lint custom` builds it: golangci-lint's source at its
#      version, a file that imports the plugin, then `go get` (module:) or a
#      replace (path:), and go build.
#
#   bash analysis/eval/packaging.sh [GOLANGCI_VERSION]   (default v2.15.0)
#
# No version of this module is published, so the script serves the
# committed tree (git archive HEAD) as v0.0.0-packaging from a file-based
# proxy in front of the real one (analysis/eval/fileproxy). `golangci-lint
# custom` itself clones golangci-lint from GitHub; the script takes the
# same source from the module proxy instead, for machines that reach only
# the proxy. Needs Go, git and the module proxy; outside CI (it downloads
# and builds golangci-lint, about a minute warm).
set -euo pipefail

GCL=${1:-v2.15.0}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
VERSION=v0.0.0-packaging
TMP=$(mktemp -d "${TMPDIR:-/tmp}/httpref-packaging.XXXXXX")
trap 'chmod -R u+w "$TMP" 2>/dev/null || true; rm -rf "$TMP"' EXIT

# A fresh module cache, so that nothing from an earlier run is reused.
export GOMODCACHE=$TMP/modcache GOFLAGS=-mod=mod GOWORK=off
export GOPROXY="file://$TMP/proxy,${GOPROXY:-https://proxy.golang.org}"
export GONOSUMDB=github.com/httpref/httpref

mkdir -p "$TMP/src"
git -C "$REPO" archive HEAD | tar -x -C "$TMP/src"
(cd "$REPO" && go run ./analysis/eval/fileproxy "$TMP/src" github.com/httpref/httpref "$VERSION" "$TMP/proxy")

# want runs a linter on the fixture and checks that it finds the three
# problems of analysis/eval/packaging/proj/main.go.
want() {
	local name=$1 out=$2
	for pat in 'missing return' 'has no effect' "418 I'm a teapot"; do
		if ! grep -q "$pat" <<<"$out"; then
			echo "FAIL $name: no finding matching '$pat' in:"
			echo "$out"
			exit 1
		fi
	done
	echo "ok   $name"
}

echo "== go install httpstatus@$VERSION"
GOBIN=$TMP/bin go install "github.com/httpref/httpref/analysis/cmd/httpstatus@$VERSION"
cp -r "$HERE/packaging/proj" "$TMP/proj"
want "go install" "$(cd "$TMP/proj" && "$TMP/bin/httpstatus" ./... 2>&1 || true)"

echo "== golangci-lint $GCL with the plugin"
srcdir=$(go mod download -json "github.com/golangci/golangci-lint/v2@$GCL" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
for form in module path; do
	gcl=$TMP/gcl-$form
	cp -r "$srcdir" "$gcl"
	chmod -R u+w "$gcl"
	printf 'package main\n\nimport _ "github.com/httpref/httpref/analysis/plugin"\n' >"$gcl/cmd/golangci-lint/plugins.go"
	if [ "$form" = module ]; then
		(cd "$gcl" && go get "github.com/httpref/httpref@$VERSION")
	else
		(cd "$gcl" && go mod edit -replace "github.com/httpref/httpref=$REPO" && go mod tidy)
	fi
	(cd "$gcl" && go build -o "$TMP/custom-gcl-$form" ./cmd/golangci-lint)
	want "golangci-lint $form: form" "$(cd "$TMP/proj" && "$TMP/custom-gcl-$form" run ./... 2>&1 || true)"
done

echo "== plugin settings are checked"
sed 's/allow: \[520\]/disable: [use-constants]/' "$HERE/packaging/proj/.golangci.yml" >"$TMP/proj/.golangci.yml"
out=$(cd "$TMP/proj" && "$TMP/custom-gcl-module" run ./... 2>&1 || true)
if grep -q 'unknown category "use-constants"' <<<"$out"; then
	echo "ok   unknown setting rejected"
else
	echo "FAIL an unknown category in the settings was accepted:"
	echo "$out"
	exit 1
fi
