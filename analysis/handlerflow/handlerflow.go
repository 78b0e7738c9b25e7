// Package handlerflow defines an Analyzer that follows the paths through
// an HTTP handler and reports writes to the http.ResponseWriter that come
// in the wrong order.
//
// # Analyzer handlerflow
//
// handlerflow: report response writes in the wrong order in HTTP handlers
//
// The analyzer looks at every function, method and function literal with
// the signature func(http.ResponseWriter, *http.Request). It walks the
// acyclic paths of the function's control-flow graph and tracks what each
// path has done to the ResponseWriter parameter w (and to simple aliases
// such as rw := w, h := w.Header() and enc := json.NewEncoder(w)):
//
//   - header changes: w.Header().Set, Add and Del, and assignments to
//     w.Header()[key];
//   - status writes: w.WriteHeader, http.Error, http.NotFound,
//     http.Redirect, http.ServeContent and http.ServeFile;
//   - body writes: w.Write, io.WriteString, io.Copy, fmt.Fprint*,
//     json and xml Encoder.Encode and template Execute;
//   - calls of helpers: functions with an http.ResponseWriter parameter
//     that write the header on every path that returns, such as
//     writeJSON(w, v). A helper whose first write is always an error
//     status, such as writeError(w, err), counts like http.Error. Helpers
//     are found in the package being analyzed and, through facts, in the
//     packages it imports.
//
// It reports, each under its own category:
//
//   - header-after-write: a header change after the header was written,
//     which has no effect;
//   - double-writeheader: w.WriteHeader (or http.Error or http.Redirect)
//     after the header was written, which net/http logs as a
//     "superfluous response.WriteHeader call";
//   - missing-return: http.Error, http.Redirect, an error helper, or
//     w.WriteHeader with a 4xx or 5xx code, followed by more output on the
//     same path; a suggested fix adds the missing return at the end of the
//     block that holds the call;
//   - missing-header: w.WriteHeader with a constant 201, 301, 302, 303,
//     307, 308, 401 or 405 when no path to it sets the Location,
//     WWW-Authenticate or Allow header that the status calls for;
//   - body-after-no-content: a body written after w.WriteHeader(204) or
//     w.WriteHeader(304).
//
// For example:
//
//	func get(w http.ResponseWriter, r *http.Request) {
//		v, err := load(r)
//		if err != nil {
//			http.Error(w, err.Error(), http.StatusInternalServerError)
//		}
//		w.Header().Set("Content-Type", "application/json")
//		json.NewEncoder(w).Encode(v)
//	}
//
// draws two diagnostics: "w.Header().Set at line 6 has no effect:
// http.Error at line 4 already wrote the header on the path where err !=
// nil" (header-after-write) and "http.Error at line 4 is followed by
// json.NewEncoder(w).Encode at line 7 on the path where err != nil;
// missing return?" (missing-return).
//
// The analysis prefers silence to guessing:
//
//   - a path goes around each loop at most once, so a write in a loop
//     body is not reported as following itself;
//   - paths whose branch conditions contradict each other (if ok ... if
//     !ok, or two cases of a switch on r.Method) are dropped;
//   - deferred calls, goroutines and function literals are not followed,
//     and calls that may panic are assumed to return;
//   - a write whose error result is tested (if err := enc.Encode(v); err
//     != nil) counts as not having happened on the error branch, since a
//     failed encoding may have written nothing;
//   - informational statuses (1xx other than 101) do not write the header;
//   - once w or its header is passed to another function or captured by
//     a called closure, any header may have been set;
//   - after w.WriteHeader with an error code, only a body written after
//     the error body and outside its block counts as a missing return, so
//     that a shared body after a conditional status is not reported.
//
// Generated files (see ast.IsGenerated), _test.go files and test-support
// packages (an element of the import path below the module path is
// testutil, testing, testhelpers or the like) are skipped: test servers
// write odd responses on purpose, and in a fake server a missing return
// after an error status changes nothing the test looks at, since the first
// status written is the one sent. A diagnostic can be silenced with a
// //handlerflow:ignore comment on its line or the line before it.
//
// The analyzer runs on the control-flow graphs of the ctrlflow pass, whose
// paths already end at calls that never return (log.Fatal, a helper that
// always panics), rather than on SSA: its events are calls on the writer with
// their places in the source, which the syntax CFG keeps, and a finding
// names its path by the branch conditions as written ("on the path where
// err != nil"), which SSA form would have to translate back. The aliases
// it needs (rw := w, h := w.Header()) are simple enough to follow on the
// syntax.
package handlerflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/httpref/httpref/analysis/internal/directive"
	"github.com/httpref/httpref/analysis/internal/testcode"
)

// Doc is the analyzer's documentation.
const Doc = `report response writes in the wrong order in HTTP handlers

The handlerflow analyzer follows the paths through each function with the
signature func(http.ResponseWriter, *http.Request) and reports header
changes after the header was written (header-after-write), WriteHeader
after the header was written (double-writeheader), http.Error,
http.Redirect or an error WriteHeader followed by more output
(missing-return, with a fix that adds the return), 201, 3xx, 401 and 405
without the Location, WWW-Authenticate or Allow header (missing-header),
and a body after 204 or 304 (body-after-no-content).`

// Analyzer reports response writes in the wrong order in HTTP handlers.
var Analyzer = &analysis.Analyzer{
	Name:      "handlerflow",
	Doc:       Doc,
	URL:       "https://pkg.go.dev/github.com/httpref/httpref/analysis/handlerflow",
	Requires:  []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(helperFact)},
}

// The diagnostic categories, one for each check.
const (
	CategoryHeaderAfterWrite   = "header-after-write"
	CategoryDoubleWriteHeader  = "double-writeheader"
	CategoryMissingReturn      = "missing-return"
	CategoryMissingHeader      = "missing-header"
	CategoryBodyAfterNoContent = "body-after-no-content"
)

// Categories returns all diagnostic categories.
func Categories() []string {
	return []string{
		CategoryHeaderAfterWrite, CategoryDoubleWriteHeader, CategoryMissingReturn,
		CategoryMissingHeader, CategoryBodyAfterNoContent,
	}
}

// run finds the helpers of the package and then walks each handler.
func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	var decls []*ast.FuncDecl
	insp.Preorder([]ast.Node{(*ast.FuncDecl)(nil)}, func(n ast.Node) {
		decls = append(decls, n.(*ast.FuncDecl))
	})
	helpers := findHelpers(pass, cfgs, decls)
	support := testcode.InTestSupport(pass)
	skip := map[*token.File]bool{} // generated and test files
	for _, f := range pass.Files {
		file := pass.Fset.File(f.FileStart)
		skip[file] = ast.IsGenerated(f) || support || testcode.IsTestFile(file.Name())
	}
	ignored := directive.Ignored(pass, ignoreDirective)
	filter := []ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}
	insp.Preorder(filter, func(n ast.Node) {
		file := pass.Fset.File(n.Pos())
		if skip[file] {
			return
		}
		var (
			sig  types.Type
			body *ast.BlockStmt
			g    *cfg.CFG
		)
		switch n := n.(type) {
		case *ast.FuncDecl:
			if obj := pass.TypesInfo.Defs[n.Name]; obj != nil && n.Body != nil {
				sig, body = obj.Type(), n.Body
			}
		case *ast.FuncLit:
			sig, body = pass.TypesInfo.TypeOf(n), n.Body
		}
		w := writerParam(sig)
		if w == nil {
			return
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			g = cfgs.FuncDecl(n)
		case *ast.FuncLit:
			g = cfgs.FuncLit(n)
		}
		if g == nil {
			return
		}
		if h := newHandler(pass, w, body, g); h != nil {
			h.helpers = helpers
			h.ignored = ignored
			h.walk()
		}
	})
	return nil, nil
}

// ignoreDirective exempts its line and the next one from diagnostics.
const ignoreDirective = "//handlerflow:ignore"

// writerParam returns the http.ResponseWriter parameter of a function type
// t with the handler signature func(http.ResponseWriter, *http.Request), or nil.
func writerParam(t types.Type) *types.Var {
	sig, ok := t.(*types.Signature)
	if !ok || sig.Params().Len() != 2 || sig.Results().Len() != 0 || sig.Variadic() {
		return nil
	}
	w, r := sig.Params().At(0), sig.Params().At(1)
	if !isNetHTTP(w.Type(), "ResponseWriter") {
		return nil
	}
	if ptr, ok := types.Unalias(r.Type()).(*types.Pointer); !ok || !isNetHTTP(ptr.Elem(), "Request") {
		return nil
	}
	if w.Name() == "" || w.Name() == "_" {
		return nil
	}
	return w
}

// isNetHTTP reports whether t is the named type net/http.name.
func isNetHTTP(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && obj.Name() == name
}
