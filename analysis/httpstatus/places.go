package httpstatus

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// The rules a Place can ask for, besides the catalog checks that apply to
// every place.
const (
	RuleStatus   = "status"   // only the catalog checks
	RuleRedirect = "redirect" // the code must be a redirect, as for http.Redirect
	RuleError    = "error"    // the code must be an error, as for http.Error
)

// Place names a function or method parameter through which a program sends
// a status code. Calls with a constant argument there are checked.
type Place struct {
	// Func is the function, "importpath.Func", or the method,
	// "importpath.Type.Method", for example "github.com/go-chi/render.Status"
	// or "github.com/gin-gonic/gin.Context.JSON". A pointer receiver may
	// also be written "importpath.(*Type).Method".
	Func string
	// Arg is the index of the status code among the call's arguments,
	// counted from 0 and without the receiver.
	Arg int
	// Rule is RuleStatus (or empty), RuleRedirect or RuleError.
	Rule string
}

// String returns the place in the form ParsePlace reads.
func (p Place) String() string {
	s := p.Func + ":" + strconv.Itoa(p.Arg)
	if p.Rule != "" && p.Rule != RuleStatus {
		s += ":" + p.Rule
	}
	return s
}

// ParsePlace reads a place written "importpath.Func:argIndex" or
// "importpath.Type.Method:argIndex", optionally followed by ":redirect" or
// ":error" to apply the redirect or error rule.
func ParsePlace(s string) (Place, error) {
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) < 2 || len(parts) > 3 {
		return Place{}, fmt.Errorf("place %q: want importpath.Func:argIndex or importpath.Type.Method:argIndex", s)
	}
	fn := normalizeFunc(parts[0])
	last := fn[strings.LastIndex(fn, "/")+1:]
	if i := strings.Index(last, "."); i <= 0 || i == len(last)-1 || strings.ContainsAny(fn, " \t") {
		return Place{}, fmt.Errorf("place %q: %q is not importpath.Func or importpath.Type.Method", s, parts[0])
	}
	arg, err := strconv.Atoi(strings.TrimSpace(parts[1]))
	if err != nil || arg < 0 {
		return Place{}, fmt.Errorf("place %q: argument index %q is not a number from 0 up", s, parts[1])
	}
	p := Place{Func: fn, Arg: arg, Rule: RuleStatus}
	if len(parts) == 3 {
		p.Rule = strings.TrimSpace(parts[2])
		if _, ok := ruleKinds[p.Rule]; !ok {
			return Place{}, fmt.Errorf("place %q: unknown rule %q (want %s, %s or %s)", s, p.Rule, RuleStatus, RuleRedirect, RuleError)
		}
	}
	return p, nil
}

// normalizeFunc removes spaces and the pointer syntax of a receiver:
// "pkg.(*T).M" becomes "pkg.T.M".
func normalizeFunc(fn string) string {
	return strings.NewReplacer("(*", "", ")", "").Replace(strings.TrimSpace(fn))
}

var ruleKinds = map[string]siteKind{"": siteWrite, RuleStatus: siteWrite, RuleRedirect: siteRedirect, RuleError: siteError}

// statusParam is a parameter of a function that carries a status code.
type statusParam struct {
	Arg  int      // index among the call's arguments
	Kind siteKind // the rule for the code
}

// statusParams is the fact that a function passes some of its integer
// parameters on, unchanged, to a place where a status code is sent, which
// makes the function such a place as well.
type statusParams struct {
	Params []statusParam
}

// AFact marks statusParams as an analysis fact.
func (*statusParams) AFact() {}

func (f *statusParams) String() string {
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		parts[i] = strconv.Itoa(p.Arg)
	}
	return "status at argument " + strings.Join(parts, ",")
}

const (
	ginPkg    = "github.com/gin-gonic/gin"
	renderPkg = "github.com/go-chi/render"
	caddyPkg  = "github.com/caddyserver/caddy/v2/modules/caddyhttp"
)

// builtinPlaces are the places the analyzer knows without configuration,
// keyed by funcKey.
var builtinPlaces = func() map[string][]statusParam {
	m := map[string][]statusParam{
		"net/http.Error":           {{2, siteError}},
		"net/http.Redirect":        {{3, siteRedirect}},
		"net/http.RedirectHandler": {{1, siteRedirect}},
		renderPkg + ".Status":      {{1, siteWrite}},
		caddyPkg + ".Error":        {{0, siteError}},
	}
	for _, name := range []string{
		"JSON", "String", "Status", "AbortWithStatus", "AbortWithStatusJSON", "Data", "XML", "YAML",
		"TOML", "HTML", "IndentedJSON", "PureJSON", "SecureJSON", "JSONP", "AsciiJSON", "ProtoBuf",
		"DataFromReader", "Render",
	} {
		m[ginPkg+".Context."+name] = []statusParam{{0, siteWrite}}
	}
	m[ginPkg+".Context.Redirect"] = []statusParam{{0, siteRedirect}}
	m[ginPkg+".Context.AbortWithError"] = []statusParam{{0, siteError}}
	for _, echo := range []string{"github.com/labstack/echo", "github.com/labstack/echo/v4", "github.com/labstack/echo/v5"} {
		for _, name := range []string{
			"JSON", "String", "NoContent", "Blob", "HTML", "HTMLBlob", "XML", "XMLPretty", "XMLBlob",
			"JSONPretty", "JSONBlob", "JSONP", "JSONPBlob", "Stream", "Render",
		} {
			m[echo+".Context."+name] = []statusParam{{0, siteWrite}}
		}
		m[echo+".Context.Redirect"] = []statusParam{{0, siteRedirect}}
		m[echo+".NewHTTPError"] = []statusParam{{0, siteError}}
	}
	return m
}()

// placeTable returns the built-in places together with the configured ones.
func placeTable(extra []Place) map[string][]statusParam {
	if len(extra) == 0 {
		return builtinPlaces
	}
	m := make(map[string][]statusParam, len(builtinPlaces)+len(extra))
	for k, v := range builtinPlaces {
		m[k] = v
	}
	for _, p := range extra {
		fn, sp := normalizeFunc(p.Func), statusParam{p.Arg, ruleKinds[p.Rule]}
		if !slices.Contains(m[fn], sp) {
			m[fn] = append(slices.Clip(m[fn]), sp)
		}
	}
	return m
}

// funcKey names fn as "importpath.Func" or "importpath.Type.Method", or
// returns "" for a method of an unnamed type.
func funcKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return fn.Pkg().Path() + "." + fn.Name()
	}
	name := recvName(sig.Recv().Type())
	if name == "" {
		return ""
	}
	return fn.Pkg().Path() + "." + name + "." + fn.Name()
}

// recvName returns the name of a receiver's named type, or "".
func recvName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// label names fn in messages: "http.Error", "gin.Context.JSON", or just
// "respond" for a function of the package being analyzed.
func label(fn *types.Func, pkg *types.Package) string {
	name := fn.Name()
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		if r := recvName(recv.Type()); r != "" {
			name = r + "." + name
		}
	}
	if fn.Pkg() != nil && fn.Pkg() != pkg {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// paramsOf returns the parameters of fn that carry a status code: from
// the place table, from facts, or WriteHeader on a ResponseWriter. The
// label is how messages name the function.
func (c *checker) paramsOf(fn *types.Func) (params []statusParam, what string) {
	fn = fn.Origin()
	sig := fn.Type().(*types.Signature)
	if fn.Name() == "WriteHeader" && sig.Recv() != nil && sig.Params().Len() == 1 && isResponseWriter(sig.Recv().Type()) {
		return []statusParam{{0, siteWrite}}, "WriteHeader"
	}
	if ps, ok := c.places[funcKey(fn)]; ok {
		return ps, label(fn, c.pass.Pkg)
	}
	if ps, ok := c.derived[fn]; ok {
		return ps, label(fn, c.pass.Pkg)
	}
	var f statusParams
	if fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) {
		return f.Params, label(fn, c.pass.Pkg)
	}
	return nil, ""
}

// derive finds the functions of the package that pass an integer
// parameter on, unchanged, to a place, or keep an int parameter in a
// status field of a struct (an error constructor, a response builder),
// and exports a statusParams fact for each. It repeats until nothing
// changes, so that chains of wrappers are followed.
func (c *checker) derive() {
	type candidate struct {
		fn     *types.Func
		body   *ast.BlockStmt
		params map[*types.Var]int
	}
	info := c.pass.TypesInfo
	var cands []candidate
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			fn, ok := info.Defs[decl.Name].(*types.Func)
			if !ok {
				continue
			}
			sig := fn.Type().(*types.Signature)
			params := map[*types.Var]int{}
			for i := range sig.Params().Len() {
				v := sig.Params().At(i)
				if sig.Variadic() && i == sig.Params().Len()-1 || v.Name() == "" || v.Name() == "_" {
					continue
				}
				if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
					params[v] = i
				}
			}
			removeReassigned(info, decl.Body, params)
			if len(params) > 0 {
				cands = append(cands, candidate{fn, decl.Body, params})
			}
		}
	}
	// add records that parameter i of cand carries a status of kind.
	add := func(cand candidate, i int, kind siteKind) bool {
		if slices.ContainsFunc(c.derived[cand.fn], func(q statusParam) bool { return q.Arg == i }) {
			return false
		}
		c.derived[cand.fn] = append(c.derived[cand.fn], statusParam{i, kind})
		return true
	}
	// param returns the index of the candidate's parameter that e names.
	param := func(cand candidate, e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return 0, false
		}
		i, ok := cand.params[v]
		return i, ok
	}
	// A constructor or builder that keeps an int parameter in a field
	// named for a status (Status, StatusCode, HTTPStatus) is where the code
	// is chosen, even if the framework writes it later: tusd's
	// NewError(..., statusCode int), an ApiError{Status: status}, a
	// builder's b.statusCode = statusCode.
	for _, cand := range cands {
		ast.Inspect(cand.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					kv, ok := elt.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if key, ok := kv.Key.(*ast.Ident); ok && isStatusFieldName(key.Name) {
						if i, ok := param(cand, kv.Value); ok && isPlainInt(cand.fn, i) {
							add(cand, i, siteWrite)
						}
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for k, lhs := range n.Lhs {
					sel, ok := lhs.(*ast.SelectorExpr)
					if !ok || !isStatusFieldName(sel.Sel.Name) {
						continue
					}
					if s, ok := info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
						continue
					}
					if i, ok := param(cand, n.Rhs[k]); ok && isPlainInt(cand.fn, i) {
						add(cand, i, siteWrite)
					}
				}
			}
			return true
		})
	}
	for changed := true; changed; {
		changed = false
		for _, cand := range cands {
			ast.Inspect(cand.body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				callee, ok := typeutil.Callee(info, call).(*types.Func)
				if !ok {
					return true
				}
				ps, _ := c.paramsOf(callee)
				for _, p := range ps {
					if p.Arg >= len(call.Args) {
						continue
					}
					if i, ok := param(cand, call.Args[p.Arg]); ok && add(cand, i, p.Kind) {
						changed = true
					}
				}
				return true
			})
		}
	}
	for fn, ps := range c.derived {
		slices.SortFunc(ps, func(a, b statusParam) int { return a.Arg - b.Arg })
		c.pass.ExportObjectFact(fn, &statusParams{Params: ps})
	}
}

// isStatusFieldName reports whether a struct field of this name holds an
// HTTP status: its name says "status" (Status, StatusCode, HTTPStatus,
// statusCode). A field named Code alone may hold an exit code, an error
// number or a gRPC code.
func isStatusFieldName(name string) bool {
	return strings.Contains(strings.ToLower(name), "status")
}

// isPlainInt reports whether parameter i of fn has the predeclared type
// int, as HTTP status parameters do; a named type (codes.Code) carries
// some other kind of code.
func isPlainInt(fn *types.Func, i int) bool {
	return types.Identical(fn.Type().(*types.Signature).Params().At(i).Type(), types.Typ[types.Int])
}

// removeReassigned drops from params the parameters that body assigns to,
// increments or takes the address of: their value at a call is not the
// caller's argument.
func removeReassigned(info *types.Info, body *ast.BlockStmt, params map[*types.Var]int) {
	drop := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				delete(params, v)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				drop(lhs)
			}
		case *ast.IncDecStmt:
			drop(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				drop(n.X)
			}
		}
		return true
	})
}

var _ analysis.Fact = (*statusParams)(nil)
