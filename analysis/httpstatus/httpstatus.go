// Package httpstatus defines an Analyzer that checks HTTP status codes
// written in Go source against the httpref catalog.
//
// # Analyzer httpstatus
//
// httpstatus: report HTTP status codes that a handler should not send
//
// The analyzer looks at status codes that are compile-time constants
// (literals, named constants and constant expressions) where a program
// sends a response status. It finds these places by the type of the
// function called, not by its name:
//
//   - WriteHeader on an http.ResponseWriter or on any other type with the
//     methods of one, such as *httptest.ResponseRecorder;
//   - http.Error, http.Redirect and http.RedirectHandler;
//   - assignments to http.Response.StatusCode, and StatusCode in
//     http.Response composite literals;
//   - the methods of gin's *gin.Context that take a status (JSON, String,
//     Status, AbortWithStatus, AbortWithStatusJSON, AbortWithError,
//     Redirect, Data, XML, YAML, HTML, IndentedJSON, PureJSON, SecureJSON,
//     JSONP, AsciiJSON, ProtoBuf, DataFromReader, ...);
//   - the methods of echo.Context that take a status (JSON, String,
//     NoContent, Redirect, Blob, HTML, XML, JSONPretty, JSONBlob, Stream,
//     ...) and echo.NewHTTPError;
//   - render.Status of github.com/go-chi/render and caddyhttp.Error of Caddy;
//   - places added with the -places flag, written
//     importpath.Func:argIndex or importpath.Type.Method:argIndex (with an
//     optional :redirect or :error to apply those rules);
//   - any function or method that passes one of its integer parameters on,
//     unchanged, to one of the places above. This is recorded as an
//     analysis fact, so a helper such as respond(w, code, body) in one
//     package is checked where another package calls it.
//
// Comparisons of http.Response.StatusCode or httptest.ResponseRecorder.Code
// with a constant (== and != and the cases of a switch on the field) are
// checked too, but only for codes that cannot exist: a client may well test
// for a code it must not send. http.StatusText is not checked at all: it
// sends nothing, it only names a code, for a log line or an error message.
//
// It reports, each under a stable category that can be turned off:
//
//   - unknown-code: a code outside 100-599, or one that is not registered;
//   - nonstandard-code: a vendor code (Cloudflare, AWS ELB, ...), with the
//     standard code to send instead;
//   - deprecated-code: a deprecated or reserved code (102, 305, 306, 418,
//     510), with the standard code to send instead;
//   - redirect-code: a redirect (http.Redirect, gin and echo Redirect) with a
//     code that is not a redirect (anything but 300-303, 307 and 308);
//   - error-code: http.Error and the other error places with a 1xx, 2xx or
//     3xx code.
//
// Two more categories are off by default and turned on with -enable:
//
//   - log-only-code: a code that the catalog says is only ever written to
//     logs, never sent to a client, such as nginx's 444 and 499 and the AWS
//     ALB's 460. Programs write these on purpose, to record a closed
//     connection in an access log or a metric, and no other code has their
//     meaning, so the analyzer never suggests a replacement for them; the
//     note only says what the code is.
//   - use-constant: an integer literal where net/http has a named constant,
//     with a suggested fix that rewrites 404 to http.StatusNotFound when the
//     file imports net/http and the name http is not shadowed where the
//     literal is. golangci-lint already ships this check as usestdlibvars,
//     which most configurations enable, so by default httpstatus leaves it
//     to that linter rather than report every literal twice.
//
// To keep its reports few and worth reading, the analyzer skips generated
// files (see ast.IsGenerated), and in _test.go files and test-support
// packages (an element of the import path below the module path is
// testutil, testing, testhelpers or the like) it only reports codes that
// cannot exist (outside 100-599): tests send odd codes on purpose; a test
// that expects a panic (it calls recover, or an assertion named Panics...)
// is not checked at all. A code of 0 or less passed to a
// framework's own function or writer type is taken as the framework's
// "keep the status" (gin's -1), and a package-level table of errors (echo's
// ErrTeapot) gets no advice, only the impossible-code check: it names codes
// for whoever sends them. A line that deliberately uses an odd code can be
// exempted with a //httpstatus:ignore comment on the line or the line
// before it.
//
// Everything it knows about codes comes from the httpref package (Advise
// and Lookup).
package httpstatus

import (
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
	"github.com/httpref/httpref/analysis/internal/directive"
	"github.com/httpref/httpref/analysis/internal/testcode"
)

// The diagnostic categories. Each names one kind of finding and can be
// turned off with the -disable flag or Config.Disable; CategoryLogOnly and
// CategoryConstant are off unless turned on with -enable or Config.Enable.
const (
	CategoryUnknown     = "unknown-code"
	CategoryNonStandard = "nonstandard-code"
	CategoryDeprecated  = "deprecated-code"
	CategoryRedirect    = "redirect-code"
	CategoryError       = "error-code"
	CategoryLogOnly     = "log-only-code"
	CategoryConstant    = "use-constant"
)

// Categories returns all diagnostic categories.
func Categories() []string {
	return []string{CategoryUnknown, CategoryNonStandard, CategoryDeprecated, CategoryRedirect, CategoryError, CategoryLogOnly, CategoryConstant}
}

// OptInCategories returns the categories that are off unless enabled.
func OptInCategories() []string {
	return []string{CategoryLogOnly, CategoryConstant}
}

// ignoreDirective exempts its line and the next one from diagnostics.
const ignoreDirective = "//httpstatus:ignore"

// Config selects what the analyzer reports.
type Config struct {
	// Allow lists codes that are never reported as unknown, non-standard
	// or deprecated (misuse with http.Redirect or http.Error still is).
	Allow []int
	// Disable lists categories not to report. It wins over Enable.
	Disable []string
	// Enable lists the opt-in categories (see OptInCategories) to report.
	Enable []string
	// Places adds places where a status code is sent to the built-in ones.
	Places []Place
}

// Validate reports the first unknown category in Disable or Enable, or
// invalid place, with the same messages as the command-line flags.
func (c Config) Validate() error {
	for _, names := range [][]string{c.Disable, c.Enable} {
		if err := (categoryList{&names}).Set(strings.Join(names, ",")); err != nil {
			return err
		}
	}
	for _, p := range c.Places {
		if _, err := ParsePlace(p.String()); err != nil {
			return err
		}
	}
	return nil
}

// enabled reports whether the category is reported.
func (c *Config) enabled(category string) bool {
	if slices.Contains(c.Disable, category) {
		return false
	}
	return !slices.Contains(OptInCategories(), category) || slices.Contains(c.Enable, category)
}

// Analyzer is the httpstatus analyzer with its command-line flags -allow,
// -disable, -enable and -places.
var Analyzer = newAnalyzer(&Config{}, true)

// New returns an analyzer with a fixed configuration and no flags, for
// drivers and tests that configure it in code. Check the configuration
// with Config.Validate first: New ignores unknown categories.
func New(cfg Config) *analysis.Analyzer {
	return newAnalyzer(&cfg, false)
}

func newAnalyzer(cfg *Config, withFlags bool) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "httpstatus",
		Doc:       "report HTTP status codes that a handler should not send\n\nThe analyzer checks constant status codes passed to WriteHeader, http.Error, http.Redirect and http.RedirectHandler, to the gin, echo, chi render and Caddy functions that send a status, to places configured with -places and to functions that pass a parameter on to any of these, and assigned to http.Response.StatusCode, against the httpref catalog: unknown, non-standard, deprecated and reserved codes, redirects with non-redirect codes and errors with non-error codes. Opt-in categories (-enable) report codes that are only written to logs and integer literals that have a net/http constant. Generated files are skipped and in tests only impossible codes are reported.",
		URL:       "https://pkg.go.dev/github.com/httpref/httpref/analysis/httpstatus",
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(statusParams)},
		Run:       func(pass *analysis.Pass) (any, error) { return nil, run(pass, cfg) },
	}
	if withFlags {
		a.Flags.Var(codeList{&cfg.Allow}, "allow", "comma-separated codes never reported as unknown, non-standard or deprecated (e.g. 520,522)")
		a.Flags.Var(categoryList{&cfg.Disable}, "disable", "comma-separated categories not to report: "+strings.Join(Categories(), ", "))
		a.Flags.Var(categoryList{&cfg.Enable}, "enable", "comma-separated opt-in categories to report: "+strings.Join(OptInCategories(), ", "))
		a.Flags.Var(placeList{&cfg.Places}, "places", "comma-separated extra places that send a status, importpath.Func:argIndex or importpath.Type.Method:argIndex (optionally :redirect or :error)")
	}
	return a
}

// siteKind says how a status code is used, which decides the extra checks.
type siteKind int

const (
	siteWrite    siteKind = iota // WriteHeader, Response.StatusCode and the like
	siteRedirect                 // http.Redirect, http.RedirectHandler
	siteError                    // http.Error
)

// site is one place where a constant status code is used.
type site struct {
	expr ast.Expr // the status code expression
	what string   // how the code is used, for messages
	kind siteKind
	// impossibleOnly limits the checks to codes outside 100-599.
	impossibleOnly bool
	// sentinel reports that the place is not net/http's, whose framework
	// may take a code of 0 or less to mean "keep the status" (gin does).
	sentinel bool
	// definition reports that the site is in a package-level variable's
	// initializer: a table of errors a library defines for its users
	// (echo's ErrTeapot), not a place where a code is sent.
	definition bool
}

// checker holds the state of one pass.
type checker struct {
	pass    *analysis.Pass
	cfg     *Config
	places  map[string][]statusParam
	derived map[*types.Func][]statusParam
	ignored directive.Lines
	file    *ast.File // the file being checked
	test    bool      // whether file is a _test.go file or in a test-support package
}

func run(pass *analysis.Pass, cfg *Config) error {
	c := &checker{
		pass:    pass,
		cfg:     cfg,
		places:  placeTable(cfg.Places),
		derived: map[*types.Func][]statusParam{},
		ignored: directive.Ignored(pass, ignoreDirective),
	}
	c.derive()
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.CompositeLit)(nil), (*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)}
	support := testcode.InTestSupport(pass)
	for fc := range insp.Root().Children() {
		f, ok := fc.Node().(*ast.File)
		if !ok || ast.IsGenerated(f) {
			continue
		}
		c.file = f
		c.test = support || testcode.IsTestFile(pass.Fset.File(f.FileStart).Name())
		for cur := range fc.Preorder(filter...) {
			for _, s := range c.sitesOf(cur.Node()) {
				if c.ignored.Covers(pass.Fset, s.expr.Pos()) {
					continue
				}
				s.definition = inPackageVar(f, s.expr.Pos())
				if c.test && testcode.ExpectsPanic(f, s.expr.Pos()) {
					continue // a test that sends a bad code to see the panic
				}
				c.check(s)
			}
		}
	}
	return nil
}

// inPackageVar reports whether pos is inside the declaration of a
// package-level variable of f.
func inPackageVar(f *ast.File, pos token.Pos) bool {
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR && g.Pos() <= pos && pos < g.End() {
			return true
		}
	}
	return false
}

// sitesOf returns the status code uses in node n.
func (c *checker) sitesOf(n ast.Node) []site {
	info := c.pass.TypesInfo
	switch n := n.(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, n).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return nil
		}
		params, what := c.paramsOf(fn)
		var out []site
		for _, p := range params {
			if p.Arg < len(n.Args) {
				out = append(out, site{expr: n.Args[p.Arg], what: what, kind: p.Kind, sentinel: c.framework(fn, n)})
			}
		}
		return out
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
				out = append(out, site{expr: n.Rhs[i], what: "http.Response.StatusCode", kind: siteWrite})
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
					return []site{{expr: kv.Value, what: "http.Response.StatusCode", kind: siteWrite}}
				}
			}
		}
	case *ast.BinaryExpr:
		if n.Op != token.EQL && n.Op != token.NEQ {
			return nil
		}
		if what := statusField(info, n.X); what != "" {
			return []site{{expr: n.Y, what: what + " compared", impossibleOnly: true}}
		}
		if what := statusField(info, n.Y); what != "" {
			return []site{{expr: n.X, what: what + " compared", impossibleOnly: true}}
		}
	case *ast.SwitchStmt:
		what := statusField(info, n.Tag)
		if what == "" {
			return nil
		}
		var out []site
		for _, stmt := range n.Body.List {
			if cc, ok := stmt.(*ast.CaseClause); ok {
				for _, e := range cc.List {
					out = append(out, site{expr: e, what: what + " compared", impossibleOnly: true})
				}
			}
		}
		return out
	}
	return nil
}

// framework reports whether call, of fn, goes to a framework's code
// rather than net/http's: fn is declared outside net/http, or it is a
// method called on a value whose named type is (gin.ResponseWriter embeds
// http.ResponseWriter, but gin's writer takes -1 as "keep the status").
func (c *checker) framework(fn *types.Func, call *ast.CallExpr) bool {
	std := func(p *types.Package) bool {
		return p != nil && (p.Path() == "net/http" || p.Path() == "net/http/httptest")
	}
	if !std(fn.Pkg()) {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(sel.X)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return !std(n.Obj().Pkg())
	}
	return false
}

// statusField returns how messages name e when it selects the status of a
// response (http.Response.StatusCode, httptest.ResponseRecorder.Code), or
// "".
func statusField(info *types.Info, e ast.Expr) string {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s, ok := info.Selections[sel]
	if !ok {
		return ""
	}
	v, ok := s.Obj().(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil {
		return ""
	}
	switch {
	case isResponseStatusCode(v):
		return "http.Response.StatusCode"
	case v.Pkg().Path() == "net/http/httptest" && v.Name() == "Code":
		return "httptest.ResponseRecorder.Code"
	}
	return ""
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

func (c *checker) check(s site) {
	pass, cfg := c.pass, c.cfg
	code, ok := constCode(pass.TypesInfo, s.expr)
	if !ok {
		return
	}
	report := func(category, format string, args ...any) {
		if !cfg.enabled(category) {
			return
		}
		pass.Report(analysis.Diagnostic{
			Pos: s.expr.Pos(), End: s.expr.End(), Category: category,
			Message: fmt.Sprintf(format, args...),
		})
	}
	if code <= 0 && s.sentinel {
		return // a framework's "keep the status"
	}
	allowed := slices.Contains(cfg.Allow, code)
	if s.impossibleOnly || c.test {
		if !allowed && (code < 100 || code > 599) {
			report(CategoryUnknown, "%s with %d: not an HTTP status code (status codes are 100-599)", s.what, code)
		}
		return
	}
	sc := httpref.Code(code)
	st, known := httpref.Lookup(code)
	logOnly := known && st.LogOnly()
	if !allowed {
		a := httpref.Advise(code)
		switch {
		case s.definition && code >= 100 && code <= 599:
			// A library's table of errors names every code it may be
			// handed; advice belongs where one is sent.
		case logOnly:
			// No other code means what these do: never suggest one.
			report(CategoryLogOnly, "%s with %s: a code that %s only writes to logs; it is never sent to a client", s.what, sc, st.Vendor())
		case hasReason(a, httpref.ReasonOutOfRange, httpref.ReasonNotThreeDigits):
			report(CategoryUnknown, "%s with %d: not an HTTP status code (status codes are 100-599)", s.what, code)
		case hasReason(a, httpref.ReasonUnregistered):
			report(CategoryUnknown, "%s with %d: the code is not registered; clients treat it as %s", s.what, code, orList(a.Prefer()))
		case hasReason(a, httpref.ReasonNonStandard):
			report(CategoryNonStandard, "%s with %s: a non-standard %s code; use %s instead", s.what, sc, a.Status().Vendor(), orList(a.Prefer()))
		case hasReason(a, httpref.ReasonDeprecated, httpref.ReasonReserved):
			report(CategoryDeprecated, "%s with %s: the code is %s; use %s instead", s.what, sc, strings.ToLower(a.Status().Lifecycle().String()), orList(a.Prefer()))
		}
	}
	switch {
	case s.kind == siteRedirect && !isRedirect(code) && logOnly:
		report(CategoryRedirect, "%s with %s, which is not a redirect (the code is only written to logs)", s.what, sc)
	case s.kind == siteRedirect && !isRedirect(code):
		report(CategoryRedirect, "%s with %s, which is not a redirect; use 301, 302, 303, 307 or 308", s.what, sc)
	case s.kind == siteError && code >= 100 && code <= 199:
		report(CategoryError, "%s with informational %s: an interim response cannot carry an error message", s.what, sc)
	case s.kind == siteError && code >= 200 && code <= 399:
		report(CategoryError, "%s with %s, which is not an error status", s.what, sc)
	}
	c.checkLiteral(s, sc)
}

// checkLiteral reports an integer literal that has a net/http constant, with
// a fix when the file imports net/http under a name that is not shadowed
// at the literal.
func (c *checker) checkLiteral(s site, code httpref.Code) {
	lit, ok := ast.Unparen(s.expr).(*ast.BasicLit)
	if !ok || lit.Kind != token.INT || !c.cfg.enabled(CategoryConstant) {
		return
	}
	name := strings.TrimPrefix(code.Status().GoConstant(), "http.")
	if name == "" {
		return
	}
	d := analysis.Diagnostic{
		Pos: lit.Pos(), End: lit.End(), Category: CategoryConstant,
		Message: fmt.Sprintf("use http.%s instead of the literal %s", name, lit.Value),
	}
	if pkg, ok := httpImportName(c.file); ok {
		text, ident := pkg+"."+name, pkg
		if pkg == "." {
			text, ident = name, name
		}
		if c.namesNetHTTP(ident, lit.Pos()) {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Replace " + lit.Value + " with " + text,
				TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)}},
			}}
		} else {
			d.Message += fmt.Sprintf(" (no fix: %s is shadowed here)", ident)
		}
	}
	c.pass.Report(d)
}

// namesNetHTTP reports whether ident, at pos, still refers to the net/http
// import (or, after a dot import, to a net/http constant).
func (c *checker) namesNetHTTP(ident string, pos token.Pos) bool {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(ident, pos)
	switch obj := obj.(type) {
	case *types.PkgName:
		return obj.Imported().Path() == "net/http"
	case *types.Const:
		return obj.Pkg() != nil && obj.Pkg().Path() == "net/http"
	}
	return false
}

// httpImportName returns the name under which f imports net/http ("." for
// a dot import).
func httpImportName(f *ast.File) (string, bool) {
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
