// Command census counts, in the non-test, non-generated Go files of the
// packages it is given, the places that produce an HTTP status, and how
// many of them the httpstatus analyzer checks ("sees").
//
// Usage, from inside the module to measure:
//
//	census [-detail sites.txt] ./...
//
// It prints one JSON object with the counts to stdout.
//
// # What counts as a site
//
// The packages are loaded with type information (golang.org/x/tools/go/packages,
// without test files); generated files (ast.IsGenerated) are skipped. A site
// is one argument of one call:
//
//   - writeheader: the argument of a method WriteHeader with one integer
//     parameter (any receiver: http.ResponseWriter, wrappers, recorders);
//   - http.Error (3rd argument), http.Redirect (4th), http.RedirectHandler
//     (2nd), resolved by type to net/http;
//   - other: any other call (not a conversion, not a builtin, not
//     http.StatusText, which sends nothing) with an argument for an
//     integer-typed parameter whose constant value is 100-599 and that is
//     written either as a net/http StatusXxx constant (any parameter name) or
//     as an integer literal passed to a parameter whose name contains "code"
//     or "status" (the name filter keeps out buffer sizes, limits and counts
//     that happen to be 200 or 500). Such a parameter may still carry a
//     status of another protocol (NATS, gRPC-like): the census does not
//     know, so "other" over-counts a little.
//
// WriteHeader and http.Error/Redirect calls are counted whether or not the
// argument is a constant; the analyzer, by design, checks only constants, so
// the share is given against the constant sites as well as against all.
//
// # How "seen" is measured
//
// The analyzer reports findings only, so the census runs the real analyzer
// (httpstatus.New with the default configuration) on the same packages, with
// one change made by a wrapper around its Run function: before the analyzer
// runs on a package, every integer constant value 100-599 in that package's
// types.Info is shifted by +1000. Each constant code that the analyzer checks
// is then out of range and reported as "not an HTTP status code", at the
// position of the status expression. Those positions are the sites the
// analyzer saw; comparison sites (messages with "compared") are left out. A
// census site is seen when its argument's position is among them. Analyzer
// sites that the census does not count (http.Response.StatusCode assignments,
// locally named constants, ...) are reported as extra_seen.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/httpref/httpref/analysis/httpstatus"
)

type site struct {
	Pos      string `json:"pos"`
	Kind     string `json:"kind"` // writeheader, http.Error, http.Redirect, http.RedirectHandler, other
	Callee   string `json:"callee"`
	Constant bool   `json:"constant"`
	Code     int    `json:"code,omitempty"`
	Seen     bool   `json:"seen"`
}

type kindCount struct {
	Sites         int `json:"sites"`
	ConstantSites int `json:"constant_sites"`
	Seen          int `json:"seen"`
}

type summary struct {
	Packages      int                   `json:"packages"`
	Files         int                   `json:"files"`
	Sites         int                   `json:"sites"`
	ConstantSites int                   `json:"constant_sites"`
	Seen          int                   `json:"seen"`
	ShareConstant float64               `json:"share_of_constant_sites"`
	ShareAll      float64               `json:"share_of_all_sites"`
	ExtraSeen     int                   `json:"extra_seen"`
	ByKind        map[string]*kindCount `json:"by_kind"`
	LoadErrors    int                   `json:"load_errors"`
}

var codeParam = regexp.MustCompile(`(?i)code|status`)

func main() {
	detail := flag.String("detail", "", "write every site, seen or not, to this file")
	flatten := flag.String("flatten", "", "instead of a census, print the findings of this httpstatus -json output one a line, \"file:line:col category: message\", paths relative to the current directory")
	flag.Parse()
	if *flatten != "" {
		if err := flattenFindings(*flatten); err != nil {
			fmt.Fprintln(os.Stderr, "census:", err)
			os.Exit(1)
		}
		return
	}
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: census [-detail file] packages...")
		os.Exit(2)
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: false}
	pkgs, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "census:", err)
		os.Exit(1)
	}
	var sum summary
	sum.ByKind = map[string]*kindCount{}
	sum.LoadErrors = packages.PrintErrors(pkgs)

	// Census first: the probe below changes the constant values in
	// TypesInfo.
	var sites []*site
	for _, pkg := range pkgs {
		if pkg.TypesInfo == nil {
			continue
		}
		sum.Packages++
		for _, f := range pkg.Syntax {
			name := pkg.Fset.File(f.FileStart).Name()
			if ast.IsGenerated(f) || strings.HasSuffix(name, "_test.go") || !strings.HasSuffix(name, ".go") {
				continue
			}
			sum.Files++
			sites = append(sites, census(pkg, f)...)
		}
	}

	seen, err := probe(pkgs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "census: probe:", err)
		os.Exit(1)
	}
	counted := map[string]bool{}
	for _, s := range sites {
		k := sum.ByKind[s.Kind]
		if k == nil {
			k = &kindCount{}
			sum.ByKind[s.Kind] = k
		}
		s.Seen = seen[s.Pos]
		counted[s.Pos] = true
		sum.Sites++
		k.Sites++
		if s.Constant {
			sum.ConstantSites++
			k.ConstantSites++
		}
		if s.Seen {
			sum.Seen++
			k.Seen++
		}
	}
	var extra []string
	for pos := range seen {
		if !counted[pos] && !strings.HasSuffix(strings.SplitN(pos, ":", 2)[0], "_test.go") {
			extra = append(extra, pos)
		}
	}
	sort.Strings(extra)
	sum.ExtraSeen = len(extra)
	if sum.ConstantSites > 0 {
		sum.ShareConstant = round(float64(sum.Seen) / float64(sum.ConstantSites))
	}
	if sum.Sites > 0 {
		sum.ShareAll = round(float64(sum.Seen) / float64(sum.Sites))
	}

	if *detail != "" {
		var b strings.Builder
		for _, s := range sites {
			c := "-"
			if s.Constant {
				c = strconv.Itoa(s.Code)
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\tcode=%s\tseen=%v\n", s.Pos, s.Kind, s.Callee, c, s.Seen)
		}
		for _, pos := range extra {
			fmt.Fprintf(&b, "%s\textra\t(analyzer site not counted by the census)\t\tseen=true\n", pos)
		}
		if err := os.WriteFile(*detail, []byte(b.String()), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "census:", err)
			os.Exit(1)
		}
	}
	out, _ := json.Marshal(sum)
	fmt.Println(string(out))
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// census returns the status sites of one file.
func census(pkg *packages.Package, f *ast.File) []*site {
	info := pkg.TypesInfo
	var out []*site
	add := func(arg ast.Expr, kind, callee string) {
		s := &site{Pos: rel(pkg.Fset.Position(arg.Pos()).String()), Kind: kind, Callee: callee}
		if v, ok := intValue(info, arg); ok {
			s.Constant, s.Code = true, v
		}
		out = append(out, s)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return true
		}
		t := info.TypeOf(call.Fun)
		if t == nil {
			return true // ill-typed code in a package that did not compile
		}
		sig, ok := t.Underlying().(*types.Signature)
		if !ok {
			return true
		}
		calleeName := "(func value)"
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn != nil {
			calleeName = fn.FullName()
		}
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && sig.Recv() == nil {
			switch fn.Name() {
			case "Error":
				if len(call.Args) == 3 {
					add(call.Args[2], "http.Error", calleeName)
				}
				return true
			case "Redirect":
				if len(call.Args) == 4 {
					add(call.Args[3], "http.Redirect", calleeName)
				}
				return true
			case "RedirectHandler":
				if len(call.Args) == 2 {
					add(call.Args[1], "http.RedirectHandler", calleeName)
				}
				return true
			case "StatusText":
				return true
			}
		}
		if fn != nil && fn.Name() == "WriteHeader" && fn.Type().(*types.Signature).Recv() != nil &&
			sig.Params().Len() == 1 && isInteger(sig.Params().At(0).Type()) && len(call.Args) == 1 {
			add(call.Args[0], "writeheader", calleeName)
			return true
		}
		for i, arg := range call.Args {
			p := paramAt(sig, i)
			if p == nil || !isInteger(p.Type()) {
				continue
			}
			v, ok := intValue(info, arg)
			if !ok || v < 100 || v > 599 {
				continue
			}
			if isHTTPStatusConst(info, arg) || isIntLit(arg) && codeParam.MatchString(p.Name()) {
				add(arg, "other", calleeName)
			}
		}
		return true
	})
	return out
}

// paramAt returns the parameter that argument i of a call binds to.
func paramAt(sig *types.Signature, i int) *types.Var {
	n := sig.Params().Len()
	if n == 0 {
		return nil
	}
	if sig.Variadic() && i >= n-1 {
		v := sig.Params().At(n - 1)
		if s, ok := v.Type().Underlying().(*types.Slice); ok {
			return types.NewVar(v.Pos(), v.Pkg(), v.Name(), s.Elem())
		}
		return nil
	}
	if i >= n {
		return nil
	}
	return sig.Params().At(i)
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func intValue(info *types.Info, e ast.Expr) (int, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(v)
	return int(n), exact
}

func isIntLit(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	return ok && lit.Kind == token.INT
}

// isHTTPStatusConst reports whether e names a net/http StatusXxx constant.
func isHTTPStatusConst(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = e.Sel
	case *ast.Ident:
		id = e
	default:
		return false
	}
	c, ok := info.Uses[id].(*types.Const)
	return ok && c.Pkg() != nil && c.Pkg().Path() == "net/http" && strings.HasPrefix(c.Name(), "Status")
}

// probe runs the httpstatus analyzer, with the default configuration, on
// pkgs after shifting every integer constant 100-599 by +1000 in each
// package's types.Info, and returns the positions of the (non-comparison)
// status expressions it reported: the sites it checks.
func probe(pkgs []*packages.Package) (map[string]bool, error) {
	a := httpstatus.New(httpstatus.Config{})
	orig := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		for e, tv := range pass.TypesInfo.Types {
			if tv.Value == nil {
				continue
			}
			v := constant.ToInt(tv.Value)
			if v.Kind() != constant.Int {
				continue
			}
			if n, exact := constant.Int64Val(v); exact && n >= 100 && n <= 599 {
				tv.Value = constant.MakeInt64(n + 1000)
				pass.TypesInfo.Types[e] = tv
			}
		}
		return orig(pass)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(os.Stderr, "census: probe: %s: %v\n", act.Package.ID, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			if strings.Contains(d.Message, " compared ") {
				continue
			}
			seen[rel(act.Package.Fset.Position(d.Pos).String())] = true
		}
	}
	return seen, nil
}

var cwd, _ = os.Getwd()

// rel makes a position relative to the current directory.
func rel(pos string) string {
	if cwd != "" {
		return strings.TrimPrefix(pos, cwd+string(os.PathSeparator))
	}
	return pos
}

// flattenFindings prints the diagnostics of an httpstatus -json output (package
// ID -> analyzer -> diagnostics or error), one a line, sorted by position;
// errors go to stderr.
func flattenFindings(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	type diag struct {
		Category string `json:"category"`
		Posn     string `json:"posn"`
		Message  string `json:"message"`
	}
	var lines []string
	for id, byAnalyzer := range tree {
		for _, raw := range byAnalyzer {
			var ds []diag
			if err := json.Unmarshal(raw, &ds); err != nil {
				var e struct {
					Err string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil {
					fmt.Fprintf(os.Stderr, "%s: error: %s\n", id, e.Err)
				}
				continue
			}
			for _, d := range ds {
				lines = append(lines, fmt.Sprintf("%s %s: %s", rel(d.Posn), d.Category, d.Message))
			}
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	return nil
}
