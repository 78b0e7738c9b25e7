// Package httpstatus defines an Analyzer that checks HTTP status codes
// written in Go source against the httpref catalog.
//
// # Analyzer httpstatus
//
// httpstatus: report HTTP status codes that a handler should not send
//
// The analyzer looks at status codes that are compile-time constants
// (literals, named constants and constant expressions) where a program
// writes or names a response status:
//
//   - http.ResponseWriter.WriteHeader, and WriteHeader on any other
//     ResponseWriter such as *httptest.ResponseRecorder;
//   - http.Error, http.Redirect, http.RedirectHandler and http.StatusText;
//   - assignments to http.Response.StatusCode, and StatusCode in
//     http.Response composite literals.
//
// It reports, each under a stable category that can be turned off:
//
//   - unknown-code: a code outside 100-599, or one that is not registered;
//   - nonstandard-code: a vendor code (Nginx, Cloudflare, AWS ELB, ...), with
//     the standard code to send instead;
//   - deprecated-code: a deprecated or reserved code (102, 305, 306, 418,
//     510), with the standard code to send instead;
//   - redirect-code: http.Redirect or http.RedirectHandler with a code that
//     is not a redirect (anything but 300-303, 307 and 308);
//   - error-code: http.Error with a 1xx, 2xx or 3xx code;
//   - use-constant: an integer literal where net/http has a named constant,
//     with a suggested fix that rewrites 404 to http.StatusNotFound when the
//     file imports net/http.
//
// Everything it knows about codes comes from the httpref package (Advise
// and Lookup). A line that deliberately uses an odd code can be exempted
// with a //httpstatus:ignore comment on the line or the line before it.
package httpstatus

import (
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/httpref/httpref"
)

// The diagnostic categories. Each names one kind of finding and can be
// turned off with the -disable flag or Config.Disable.
const (
	CategoryUnknown     = "unknown-code"
	CategoryNonStandard = "nonstandard-code"
	CategoryDeprecated  = "deprecated-code"
	CategoryRedirect    = "redirect-code"
	CategoryError       = "error-code"
	CategoryConstant    = "use-constant"
)

// Categories returns all diagnostic categories.
func Categories() []string {
	return []string{CategoryUnknown, CategoryNonStandard, CategoryDeprecated, CategoryRedirect, CategoryError, CategoryConstant}
}

// ignoreDirective exempts its line and the next one from diagnostics.
const ignoreDirective = "//httpstatus:ignore"

// Config selects what the analyzer reports.
type Config struct {
	// Allow lists codes that are never reported as unknown, non-standard
	// or deprecated (misuse with http.Redirect or http.Error still is).
	Allow []int
	// Disable lists categories not to report.
	Disable []string
}

// Analyzer is the httpstatus analyzer with its command-line flags -allow
// and -disable.
var Analyzer = newAnalyzer(&Config{}, true)

// New returns an analyzer with a fixed configuration and no flags, for
// drivers and tests that configure it in code.
func New(cfg Config) *analysis.Analyzer {
	return newAnalyzer(&cfg, false)
}

func newAnalyzer(cfg *Config, withFlags bool) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "httpstatus",
		Doc:      "report HTTP status codes that a handler should not send\n\nThe analyzer checks constant status codes passed to WriteHeader, http.Error, http.Redirect, http.RedirectHandler and http.StatusText and assigned to http.Response.StatusCode against the httpref catalog: unknown, non-standard, deprecated and reserved codes, redirects with non-redirect codes, http.Error with non-error codes, and integer literals that have a net/http constant.",
		URL:      "https://pkg.go.dev/github.com/httpref/httpref/analysis/httpstatus",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return nil, run(pass, cfg) },
	}
	if withFlags {
		a.Flags.Var(codeList{&cfg.Allow}, "allow", "comma-separated codes never reported as unknown, non-standard or deprecated (e.g. 499,520)")
		a.Flags.Var(categoryList{&cfg.Disable}, "disable", "comma-separated categories not to report: "+strings.Join(Categories(), ", "))
	}
	return a
}

// codeList is a flag.Value for a comma-separated list of status codes.
type codeList struct{ codes *[]int }

func (l codeList) String() string {
	if l.codes == nil {
		return ""
	}
	parts := make([]string, len(*l.codes))
	for i, c := range *l.codes {
		parts[i] = strconv.Itoa(c)
	}
	return strings.Join(parts, ",")
}

func (l codeList) Set(s string) error {
	var codes []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		c, err := strconv.Atoi(f)
		if err != nil {
			return fmt.Errorf("not a status code: %q", f)
		}
		codes = append(codes, c)
	}
	*l.codes = codes
	return nil
}

// categoryList is a flag.Value for a comma-separated list of categories.
type categoryList struct{ names *[]string }

func (l categoryList) String() string {
	if l.names == nil {
		return ""
	}
	return strings.Join(*l.names, ",")
}

func (l categoryList) Set(s string) error {
	var names []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if !slices.Contains(Categories(), f) {
			return fmt.Errorf("unknown category %q (want one of %s)", f, strings.Join(Categories(), ", "))
		}
		names = append(names, f)
	}
	*l.names = names
	return nil
}

var _ flag.Value = codeList{}

// siteKind says how a status code is used, which decides the extra checks.
type siteKind int

const (
	siteWrite    siteKind = iota // WriteHeader, StatusText, Response.StatusCode
	siteRedirect                 // http.Redirect, http.RedirectHandler
	siteError                    // http.Error
)

// site is one place where a constant status code is used.
type site struct {
	expr ast.Expr // the status code expression
	what string   // how the code is used, for messages
	kind siteKind
}

func run(pass *analysis.Pass, cfg *Config) error {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ignored := ignoredLines(pass)
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.CompositeLit)(nil)}
	insp.Preorder(filter, func(n ast.Node) {
		for _, s := range sitesOf(pass.TypesInfo, n) {
			pos := pass.Fset.Position(s.expr.Pos())
			if ignored[lineKey{pos.Filename, pos.Line}] {
				continue
			}
			check(pass, cfg, s)
		}
	})
	return nil
}

// lineKey names a line of a file.
type lineKey struct {
	file string
	line int
}

// ignoredLines returns the lines exempted by //httpstatus:ignore comments:
// the comment's own line and the line after it.
func ignoredLines(pass *analysis.Pass) map[lineKey]bool {
	lines := map[lineKey]bool{}
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				if c.Text == ignoreDirective || strings.HasPrefix(c.Text, ignoreDirective+" ") {
					p := pass.Fset.Position(c.Slash)
					lines[lineKey{p.Filename, p.Line}] = true
					lines[lineKey{p.Filename, p.Line + 1}] = true
				}
			}
		}
	}
	return lines
}

// sitesOf returns the status code uses in node n.
func sitesOf(info *types.Info, n ast.Node) []site {
	switch n := n.(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, n).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return nil
		}
		sig := fn.Type().(*types.Signature)
		if sig.Recv() == nil {
			if fn.Pkg().Path() != "net/http" {
				return nil
			}
			arg, kind := -1, siteWrite
			switch fn.Name() {
			case "Error":
				arg, kind = 2, siteError
			case "Redirect":
				arg, kind = 3, siteRedirect
			case "RedirectHandler":
				arg, kind = 1, siteRedirect
			case "StatusText":
				arg = 0
			}
			if arg < 0 || arg >= len(n.Args) {
				return nil
			}
			return []site{{n.Args[arg], "http." + fn.Name(), kind}}
		}
		if fn.Name() == "WriteHeader" && len(n.Args) == 1 && isResponseWriter(sig.Recv().Type()) {
			return []site{{n.Args[0], "WriteHeader", siteWrite}}
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return nil
		}
		var out []site
		for i, lhs := range n.Lhs {
			sel, ok := lhs.(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if s, ok := info.Selections[sel]; ok && isResponseStatusCode(s.Obj()) {
				out = append(out, site{n.Rhs[i], "http.Response.StatusCode", siteWrite})
			}
		}
		return out
	case *ast.CompositeLit:
		if !isNamed(info.TypeOf(n), "net/http", "Response") {
			return nil
		}
		for _, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "StatusCode" {
					return []site{{kv.Value, "http.Response.StatusCode", siteWrite}}
				}
			}
		}
	}
	return nil
}

func isResponseStatusCode(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.IsField() && v.Name() == "StatusCode" && v.Pkg() != nil && v.Pkg().Path() == "net/http"
}

// isNamed reports whether t (or what it points to) is the named type
// pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// isResponseWriter reports whether a WriteHeader receiver of type t is an
// http.ResponseWriter: the interface itself, or a type whose method set has
// Header() http.Header and Write.
func isResponseWriter(t types.Type) bool {
	if isNamed(t, "net/http", "ResponseWriter") {
		return true
	}
	ms := types.NewMethodSet(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	header := ms.Lookup(nil, "Header")
	if header == nil || ms.Lookup(nil, "Write") == nil {
		return false
	}
	sig, ok := header.Type().(*types.Signature)
	return ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 &&
		isNamed(sig.Results().At(0).Type(), "net/http", "Header")
}

// constCode returns the value of a constant integer expression, or false
// when e is not a constant. Values beyond int range saturate.
func constCode(info *types.Info, e ast.Expr) (int, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	if n, exact := constant.Int64Val(v); exact && n >= math.MinInt32 && n <= math.MaxInt32 {
		return int(n), true
	}
	if constant.Sign(v) < 0 {
		return math.MinInt32, true
	}
	return math.MaxInt32, true
}

func check(pass *analysis.Pass, cfg *Config, s site) {
	code, ok := constCode(pass.TypesInfo, s.expr)
	if !ok {
		return
	}
	report := func(category, format string, args ...any) {
		if slices.Contains(cfg.Disable, category) {
			return
		}
		pass.Report(analysis.Diagnostic{
			Pos: s.expr.Pos(), End: s.expr.End(), Category: category,
			Message: fmt.Sprintf(format, args...),
		})
	}
	c := httpref.Code(code)
	if !slices.Contains(cfg.Allow, code) {
		a := httpref.Advise(code)
		switch {
		case hasReason(a, httpref.ReasonOutOfRange, httpref.ReasonNotThreeDigits):
			report(CategoryUnknown, "%s with %d: not an HTTP status code (status codes are 100-599)", s.what, code)
		case hasReason(a, httpref.ReasonUnregistered):
			report(CategoryUnknown, "%s with %d: the code is not registered; clients treat it as %s", s.what, code, orList(a.Prefer()))
		case hasReason(a, httpref.ReasonNonStandard):
			report(CategoryNonStandard, "%s with %s: a non-standard %s code; use %s instead", s.what, c, a.Status().Vendor(), orList(a.Prefer()))
		case hasReason(a, httpref.ReasonDeprecated, httpref.ReasonReserved):
			report(CategoryDeprecated, "%s with %s: the code is %s; use %s instead", s.what, c, strings.ToLower(a.Status().Lifecycle().String()), orList(a.Prefer()))
		}
	}
	switch {
	case s.kind == siteRedirect && !isRedirect(code):
		report(CategoryRedirect, "%s with %s, which is not a redirect; use 301, 302, 303, 307 or 308", s.what, c)
	case s.kind == siteError && code >= 100 && code <= 199:
		report(CategoryError, "%s with informational %s: an interim response cannot carry an error message", s.what, c)
	case s.kind == siteError && code >= 200 && code <= 399:
		report(CategoryError, "%s with %s, which is not an error status", s.what, c)
	}
	checkLiteral(pass, cfg, s, c)
}

// checkLiteral reports an integer literal that has a net/http constant, with
// a fix when the file imports net/http.
func checkLiteral(pass *analysis.Pass, cfg *Config, s site, c httpref.Code) {
	lit, ok := ast.Unparen(s.expr).(*ast.BasicLit)
	if !ok || lit.Kind != token.INT || slices.Contains(cfg.Disable, CategoryConstant) {
		return
	}
	name := strings.TrimPrefix(c.Status().GoConstant(), "http.")
	if name == "" {
		return
	}
	d := analysis.Diagnostic{
		Pos: lit.Pos(), End: lit.End(), Category: CategoryConstant,
		Message: fmt.Sprintf("use http.%s instead of the literal %s", name, lit.Value),
	}
	if pkg, ok := httpImportName(pass, lit.Pos()); ok {
		text := name
		if pkg != "." {
			text = pkg + "." + name
		}
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Replace " + lit.Value + " with " + text,
			TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)}},
		}}
	}
	pass.Report(d)
}

// httpImportName returns the name under which the file containing pos
// imports net/http ("." for a dot import).
func httpImportName(pass *analysis.Pass, pos token.Pos) (string, bool) {
	for _, f := range pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path != "net/http" {
				continue
			}
			switch {
			case imp.Name == nil:
				return "http", true
			case imp.Name.Name == "_":
				continue
			default:
				return imp.Name.Name, true
			}
		}
	}
	return "", false
}

func hasReason(a httpref.Advice, kinds ...httpref.ReasonKind) bool {
	for _, r := range a.Reasons() {
		if slices.Contains(kinds, r.Kind) {
			return true
		}
	}
	return false
}

// isRedirect reports whether code is a redirect that http.Redirect can
// send: 3xx except 304 Not Modified, 305 Use Proxy and 306 (Unused).
func isRedirect(code int) bool {
	return code >= 300 && code <= 399 && code != 304 && code != 305 && code != 306
}

// orList writes codes as "408 Request Timeout" or "502 Bad Gateway or 503
// Service Unavailable".
func orList(cs []httpref.Code) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, " or ")
}
