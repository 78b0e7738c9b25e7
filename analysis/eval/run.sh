#!/usr/bin/env bash
# Evaluates the httpstatus analyzer on the real modules listed in modules.txt.
#
#   bash analysis/eval/run.sh [results-dir]      (default /tmp/httpstatus-eval)
#
# Needs only Go and the Go module proxy. For each "module version" line it
# downloads the module, copies it out of the read-only module cache, fetches
# its dependencies, then:
#   - times `go vet ./...` (cold: first build of the module and its deps),
#   - times `httpstatus -json ./...` (default settings, tests included; the
#     command's defaults may include other analyzers, such as handlerflow),
#   - times `go vet ./...` again (warm build cache: the usual case in CI),
#   - runs the census (census/main.go: status-producing sites and how many
#     of them the analyzer checks).
# Per module it writes, under the results dir (slug = module path with / -> _):
#   SLUG.json           the analyzer's -json output
#   SLUG.findings.txt   one finding a line: module@version file:line:col category: message
#   SLUG.census.json    census counts;  SLUG.sites.txt  every site, seen or not
#   SLUG.*.stderr       stderr of the analyzer, go vet and the census
# and compare.txt: findings without a verdict in expectations.txt (new) and
# expected findings that no longer show (gone).
# and summary.tsv / summary.txt with one row per module.
# A line may end with GOFLAGS for that module's commands, such as
# "-tags=noassets" for a package whose default build needs generated files.
# Environment: MODULES (list file), ONLY (run only modules whose path contains
# this string), STEP_TIMEOUT (seconds per command, default 1800).
set -euo pipefail

RESULTS=${1:-/tmp/httpstatus-eval}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
MODULES=${MODULES:-$HERE/modules.txt}
ONLY=${ONLY:-}
STEP_TIMEOUT=${STEP_TIMEOUT:-1800}
export GOWORK=off
BASE_GOFLAGS=$(go env GOFLAGS) # the environment's and go env's

mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/httpstatus-eval.XXXXXX")
trap 'chmod -R u+w "$TMP" 2>/dev/null || true; rm -rf "$TMP"' EXIT

# Build the analyzer command and the census from this repository. The
# analyzer is its own module in analysis/ (with a replace of the library), or
# part of the root module.
echo "building httpstatus and census from $REPO" >&2
if [[ -f $REPO/analysis/go.mod ]]; then
	(cd "$REPO/analysis" && go build -o "$TMP/bin/" ./cmd/httpstatus ./eval/census)
else
	(cd "$REPO" && go build -o "$TMP/bin/" ./analysis/cmd/httpstatus ./analysis/eval/census)
fi
HS=$TMP/bin/httpstatus
CENSUS=$TMP/bin/census

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

printf 'module\tversion\tstatus\tfindings\tanalyzer_s\tvet_cold_s\tvet_warm_s\tsites\tconstant_sites\tseen\tshare_constant\tshare_all\textra_seen\n' >"$RESULTS/summary.tsv"

while read -r -u 3 mod ver flags; do
	[[ -z ${mod:-} || $mod == \#* ]] && continue
	export GOFLAGS="${BASE_GOFLAGS:+$BASE_GOFLAGS }${flags:-}"
	[[ -n $ONLY && $mod != *"$ONLY"* ]] && continue
	slug=${mod//\//_}
	echo "== $mod@$ver" >&2
	status=ok

	dl=$(go mod download -json "$mod@$ver" 2>&1) || true
	dir=$(printf '%s\n' "$dl" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	if [[ -z $dir ]]; then
		# For example a module that needs a newer go than this one.
		echo "download failed: $dl" >&2
		printf '%s\t%s\tdownload-failed\t\t\t\t\t\t\t\t\t\t\n' "$mod" "$ver" >>"$RESULTS/summary.tsv"
		continue
	fi
	work=$TMP/src/$slug
	mkdir -p "$(dirname "$work")"
	cp -R "$dir" "$work"
	chmod -R u+w "$work"
	cd "$work"
	# A module zip keeps only vendor/modules.txt of a vendor directory, and
	# with it the go command would build in vendor mode and find nothing.
	if [[ -d vendor ]]; then
		rm -rf vendor
		echo "dropped the module zip's vendor directory" >&2
	fi
	# A replace by a local directory that the module zip does not contain (a
	# nested module, as in go-openapi/runtime) cannot resolve outside the
	# module's repository: drop it, so the required published version is
	# used, and let go mod tidy record its checksums.
	dropped=
	while read -r old new; do
		[[ -z $old || -e $new ]] && continue
		go mod edit -dropreplace="$old"
		dropped+=" $old"
	done < <(sed -n 's/^\(replace[[:space:]]\{1,\}\)\{0,1\}[[:space:]]*\([^[:space:]()]\{1,\}\)\([[:space:]]\{1,\}v[^[:space:]]*\)\{0,1\}[[:space:]]*=>[[:space:]]*\(\.\{1,2\}\/[^[:space:]]*\).*/\2 \4/p' go.mod)
	if [[ -n $dropped ]]; then
		echo "dropped local replaces:$dropped" >&2
		timeout "$STEP_TIMEOUT" go mod tidy -e >"$RESULTS/$slug.tidy.stderr" 2>&1 || true
	fi
	if ! timeout "$STEP_TIMEOUT" go mod download >"$RESULTS/$slug.download.stderr" 2>&1; then
		status=deps-failed
	fi

	rc=0
	t0=$(now)
	timeout "$STEP_TIMEOUT" go vet ./... >/dev/null 2>"$RESULTS/$slug.vet-cold.stderr" || rc=$?
	vet_cold=$(elapsed "$t0" "$(now)")
	[[ $rc -eq 124 ]] && status=vet-timeout

	rc=0
	t0=$(now)
	timeout "$STEP_TIMEOUT" "$HS" -json ./... >"$RESULTS/$slug.json" 2>"$RESULTS/$slug.analyzer.stderr" || rc=$?
	t_an=$(elapsed "$t0" "$(now)")
	case $rc in
	0) ;;
	124) status=analyzer-timeout ;;
	*) status="analyzer-exit-$rc" ;; # 1: some package failed to load or analyze; see .analyzer.stderr
	esac

	rc=0
	t0=$(now)
	timeout "$STEP_TIMEOUT" go vet ./... >/dev/null 2>"$RESULTS/$slug.vet-warm.stderr" || rc=$?
	vet_warm=$(elapsed "$t0" "$(now)")

	findings=0
	if [[ -s $RESULTS/$slug.json ]]; then
		"$CENSUS" -flatten "$RESULTS/$slug.json" 2>>"$RESULTS/$slug.analyzer.stderr" |
			sed "s|^|$mod@$ver |" >"$RESULTS/$slug.findings.txt" || true
		findings=$(wc -l <"$RESULTS/$slug.findings.txt" | tr -d ' ')
	fi

	census='{}'
	if timeout "$STEP_TIMEOUT" "$CENSUS" -detail "$RESULTS/$slug.sites.txt" ./... >"$RESULTS/$slug.census.json" 2>"$RESULTS/$slug.census.stderr"; then
		census=$(cat "$RESULTS/$slug.census.json")
	else
		status="$status,census-failed"
	fi
	field() { printf '%s' "$census" | sed 's/"by_kind".*//' | sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p"; }

	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mod" "$ver" "$status" "$findings" \
		"$t_an" "$vet_cold" "$vet_warm" "$(field sites)" "$(field constant_sites)" "$(field seen)" \
		"$(field share_of_constant_sites)" "$(field share_of_all_sites)" "$(field extra_seen)" >>"$RESULTS/summary.tsv"
	tail -n 1 "$RESULTS/summary.tsv" >&2
	cd "$REPO"
done 3<"$MODULES"

cat "$RESULTS"/*.findings.txt 2>/dev/null >"$RESULTS/findings.txt" || true

# Compare with the reviewed expectations: a finding without a verdict is
# new; an expected finding of a module that ran and no longer shows is gone.
EXPECT=${EXPECT:-$HERE/expectations.txt}
grep -v '^#' "$EXPECT" | sed 's/ | VERDICT:.*//' | sort >"$TMP/expected"
sort "$RESULTS/findings.txt" >"$TMP/found"
cut -f1,2 "$RESULTS/summary.tsv" | tail -n +2 | tr '\t' '@' >"$TMP/ran"
grep -F -f "$TMP/ran" "$TMP/expected" >"$TMP/expected-ran" || true
comm -13 "$TMP/expected-ran" "$TMP/found" | sed 's/^/new (no verdict yet): /' >"$RESULTS/compare.txt"
comm -23 "$TMP/expected-ran" "$TMP/found" | sed 's/^/gone: /' >>"$RESULTS/compare.txt"
if [[ -s $RESULTS/compare.txt ]]; then
	cat "$RESULTS/compare.txt" >&2
else
	echo "findings match expectations.txt" >&2
fi
column -t -s $'\t' "$RESULTS/summary.tsv" >"$RESULTS/summary.txt" 2>/dev/null || cp "$RESULTS/summary.tsv" "$RESULTS/summary.txt"
cat "$RESULTS/summary.txt"
echo "results in $RESULTS" >&2
