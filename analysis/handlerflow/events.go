package handlerflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/httpref/httpref/analysis/internal/directive"
)

// evKind is the kind of an event: something a handler does to its
// ResponseWriter.
type evKind int

const (
	evHeaderSet     evKind = iota // w.Header().Set/Add, w.Header()[k] = v
	evHeaderDel                   // w.Header().Del, delete(w.Header(), k)
	evHeaderUnknown               // w or its header escapes: any header may change
	evStatus                      // w.WriteHeader(code)
	evError                       // http.Error, http.NotFound
	evRedirect                    // http.Redirect
	evServe                       // http.ServeContent, http.ServeFile
	evBody                        // w.Write, fmt.Fprint(w, ...), ...
	evHelper                      // a call of a helper that writes the header
	evHelperError                 // a call of a helper that writes an error status
)

// writes reports whether events of kind k write the header (if it was
// not written yet).
func (k evKind) writes() bool { return k >= evStatus }

// An event is one operation on the ResponseWriter.
type event struct {
	id    int
	kind  evKind
	node  ast.Node // the call, or the assignment to w.Header()[k]
	name  string   // how the source spells the operation, for messages
	code  int      // constant status code, or 0
	key   string   // canonical header key, or "" if not constant
	block int32    // index of the CFG block holding the event

	// For a body write whose error result is tested: the variable that
	// holds the error, or the call itself if it is compared with nil.
	errVar  types.Object
	errCall *ast.CallExpr
}

// handler holds what the analysis knows about one handler function.
type handler struct {
	pass *analysis.Pass
	info *types.Info
	body *ast.BlockStmt
	cfg  *cfg.CFG

	writers  map[types.Object]bool // w and its aliases
	headers  map[types.Object]bool // aliases of w.Header()
	encoders map[types.Object]bool // aliases of json.NewEncoder(w)

	parent    map[ast.Node]ast.Node
	assigned  map[types.Object]int  // number of assignments, definitions included
	addrTaken map[types.Object]bool // &x appears
	inClosure map[types.Object]bool // assigned inside a nested function literal
	rangeVars map[ast.Expr]bool     // keys and values of range statements
	conds     map[ast.Expr]*condSite
	trailers  bool            // the handler declares trailers
	captured  bool            // a function literal uses w or its header
	delegates bool            // the handler passes the request on to another handler (middleware)
	useful    map[string]int  // number of conditions that yield each fact key
	seenKeys  map[string]bool // fact keys of one condition, while counting
	helpers   map[*types.Func]*helperFact
	ignored   directive.Lines // lines with //handlerflow:ignore

	events   map[ast.Node][]*event // events of each CFG node, in order
	blocks   map[ast.Node]int32    // CFG block of each CFG node
	nevents  int
	assigns  map[ast.Node][]types.Object // variables assigned by each CFG node
	reported map[reportKey]bool
	reach    map[[3]int32]bool
	budget   int
}

// condSite is a branch condition: an if or for condition, or a case
// expression of a switch statement.
type condSite struct {
	tag ast.Expr // the switch tag, if the condition is a case expression
}

// newHandler prepares the analysis of a handler, or returns nil if its
// ResponseWriter is reassigned or has its address taken.
func newHandler(pass *analysis.Pass, w *types.Var, body *ast.BlockStmt, g *cfg.CFG) *handler {
	h := &handler{
		pass:      pass,
		info:      pass.TypesInfo,
		body:      body,
		cfg:       g,
		writers:   map[types.Object]bool{w: true},
		headers:   map[types.Object]bool{},
		encoders:  map[types.Object]bool{},
		parent:    map[ast.Node]ast.Node{},
		assigned:  map[types.Object]int{},
		addrTaken: map[types.Object]bool{},
		inClosure: map[types.Object]bool{},
		rangeVars: map[ast.Expr]bool{},
		conds:     map[ast.Expr]*condSite{},
		events:    map[ast.Node][]*event{},
		assigns:   map[ast.Node][]types.Object{},
		reported:  map[reportKey]bool{},
		reach:     map[[3]int32]bool{},
		budget:    20000,
	}
	h.scan()
	if h.assigned[w] > 0 || h.addrTaken[w] {
		return nil
	}
	h.findAliases()
	for obj := range h.writers {
		if h.addrTaken[obj] || (obj != w && h.assigned[obj] != 1) {
			return nil
		}
	}
	h.captured = h.capturesWriter()
	h.delegates = h.callsHandler()
	return h
}

// callsHandler reports whether the body passes the request on to another
// handler: a call of a ServeHTTP method, or of a function value of type
// http.HandlerFunc. Such a function is middleware in front of the
// resource's own handler.
func (h *handler) callsHandler() bool {
	found := false
	ast.Inspect(h.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" && len(call.Args) == 2 {
			found = true
		} else if t := h.info.TypeOf(call.Fun); t != nil && isNetHTTP(t, "HandlerFunc") {
			found = true
		}
		return !found
	})
	return found
}

// scan records parents, assignments and branch conditions in the body.
func (h *handler) scan() {
	var stack []ast.Node
	lits := 0
	ast.Inspect(h.body, func(n ast.Node) bool {
		if n == nil {
			if _, ok := stack[len(stack)-1].(*ast.FuncLit); ok {
				lits--
			}
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			h.parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		note := func(e ast.Expr) {
			if obj := h.rootObj(e); obj != nil {
				h.assigned[obj]++
				if lits > 0 {
					h.inClosure[obj] = true
				}
			}
		}
		eachAssigned(n, note)
		switch n := n.(type) {
		case *ast.FuncLit:
			lits++
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					note(e)
					h.rangeVars[e] = true
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if obj := h.rootObj(n.X); obj != nil {
					h.addrTaken[obj] = true
				}
			}
		case *ast.IfStmt:
			h.conds[n.Cond] = &condSite{}
		case *ast.ForStmt:
			if n.Cond != nil {
				h.conds[n.Cond] = &condSite{}
			}
		case *ast.SwitchStmt:
			for _, c := range n.Body.List {
				for _, e := range c.(*ast.CaseClause).List {
					h.conds[e] = &condSite{tag: n.Tag}
				}
			}
		case *ast.SelectorExpr:
			// Calling a method with a pointer receiver on an
			// addressable variable takes its address.
			if sel, ok := h.info.Selections[n]; ok && sel.Kind() == types.MethodVal {
				if _, ptr := sel.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); ptr {
					if obj := h.rootObj(n.X); obj != nil {
						if _, isPtr := types.Unalias(obj.Type()).Underlying().(*types.Pointer); !isPtr {
							h.addrTaken[obj] = true
						}
					}
				}
			}
		}
		return true
	})
}

// capturesWriter reports whether a function literal in the body uses w
// or an alias of it.
func (h *handler) capturesWriter() bool {
	found := false
	ast.Inspect(h.body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && !found {
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					obj := h.info.Uses[id]
					found = found || h.writers[obj] || h.headers[obj] || h.encoders[obj]
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// eachAssigned calls f with each expression that node n assigns to: the
// left side of an assignment, the operand of ++ or --, the names of a var
// declaration. Other nodes assign nothing of their own.
func eachAssigned(n ast.Node, f func(ast.Expr)) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			f(lhs)
		}
	case *ast.IncDecStmt:
		f(n.X)
	case *ast.ValueSpec:
		for _, id := range n.Names {
			f(id)
		}
	}
}

// rootObj returns the variable at the root of an expression such as x,
// x.f, x[i] or *x, or nil.
func (h *handler) rootObj(e ast.Expr) types.Object {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			if sel, ok := h.info.Selections[x]; !ok || sel.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			if obj, ok := h.info.ObjectOf(x).(*types.Var); ok {
				return obj
			}
			return nil
		default:
			return nil
		}
	}
}

// findAliases records variables defined once from w (rw := w), from
// w.Header() and from json.NewEncoder(w).
func (h *handler) findAliases() {
	for changed := true; changed; {
		changed = false
		ast.Inspect(h.body, func(n ast.Node) bool {
			var lhs []*ast.Ident
			var rhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for _, e := range n.Lhs {
					id, _ := e.(*ast.Ident)
					lhs = append(lhs, id)
				}
				rhs = n.Rhs
			case *ast.ValueSpec:
				if len(n.Names) != len(n.Values) {
					return true
				}
				lhs, rhs = n.Names, n.Values
			default:
				return true
			}
			for i, id := range lhs {
				if id == nil || id.Name == "_" {
					continue
				}
				obj := h.info.Defs[id]
				if obj == nil || h.assigned[obj] != 1 || h.addrTaken[obj] ||
					h.writers[obj] || h.headers[obj] || h.encoders[obj] {
					continue
				}
				switch {
				case h.isWriter(rhs[i]):
					h.writers[obj] = true
				case h.isHeader(rhs[i]):
					h.headers[obj] = true
				case h.isEncoder(rhs[i]):
					h.encoders[obj] = true
				default:
					continue
				}
				changed = true
			}
			return true
		})
	}
}

// isWriter reports whether e is w or an alias of it.
func (h *handler) isWriter(e ast.Expr) bool {
	id, ok := astutil.Unparen(e).(*ast.Ident)
	return ok && h.writers[h.info.ObjectOf(id)]
}

// isHeader reports whether e is w.Header() or an alias of it.
func (h *handler) isHeader(e ast.Expr) bool {
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		return h.headers[h.info.ObjectOf(e)]
	case *ast.CallExpr:
		sel, ok := astutil.Unparen(e.Fun).(*ast.SelectorExpr)
		return ok && len(e.Args) == 0 && sel.Sel.Name == "Header" && h.isWriter(sel.X)
	}
	return false
}

// isEncoder reports whether e is json.NewEncoder(w), xml.NewEncoder(w)
// or an alias of one.
func (h *handler) isEncoder(e ast.Expr) bool {
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		return h.encoders[h.info.ObjectOf(e)]
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(h.info, e).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Name() != "NewEncoder" || len(e.Args) != 1 {
			return false
		}
		path := fn.Pkg().Path()
		return (path == "encoding/json" || path == "encoding/xml") && h.isWriter(e.Args[0])
	}
	return false
}

// writerIdent returns the identifier of w in e (w, or w in w.Header()).
func (h *handler) writerIdent(e ast.Expr) *ast.Ident {
	e = astutil.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			e = astutil.Unparen(sel.X)
		}
	}
	id, _ := e.(*ast.Ident)
	return id
}

// nodeEvents returns the events of a CFG node in evaluation order.
// Function literals, go and defer statements are skipped.
func (h *handler) nodeEvents(n ast.Node) []*event {
	if evs, ok := h.events[n]; ok {
		return evs
	}
	// Pass 1: classify calls and note which uses of w they account for.
	found := map[ast.Node]*event{}
	used := map[*ast.Ident]bool{}
	skip := func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			return true
		}
		return false
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil || skip(n) {
			return false
		}
		if ev := h.classify(n, used); ev != nil {
			found[n] = ev
		}
		return true
	})
	// Pass 2: emit events in post-order, which approximates evaluation
	// order; other uses of w and its aliases let the headers escape.
	var evs []*event
	var stack []ast.Node
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if ev := found[top]; ev != nil {
				evs = append(evs, ev)
			}
			return true
		}
		if skip(n) {
			return false
		}
		stack = append(stack, n)
		if id, ok := n.(*ast.Ident); ok && !used[id] {
			obj := h.info.ObjectOf(id)
			if (h.writers[obj] || h.headers[obj]) && !h.isDefinition(id) {
				found[id] = &event{kind: evHeaderUnknown, node: id, name: id.Name}
			}
		}
		return true
	})
	blk := h.blockOf(n)
	for _, ev := range evs {
		h.nevents++
		ev.id = h.nevents
		ev.block = blk
		if ev.kind == evBody || ev.kind == evHelper {
			h.findErrUse(ev)
		}
	}
	h.events[n] = evs
	return evs
}

// blockOf returns the index of the CFG block that holds node n.
func (h *handler) blockOf(n ast.Node) int32 {
	if h.blocks == nil {
		h.blocks = map[ast.Node]int32{}
		for _, b := range h.cfg.Blocks {
			for _, m := range b.Nodes {
				h.blocks[m] = b.Index
			}
		}
	}
	if i, ok := h.blocks[n]; ok {
		return i
	}
	return -1
}

// isDefinition reports whether id is defined, or is the w in the
// definition of an alias.
func (h *handler) isDefinition(id *ast.Ident) bool {
	if h.info.Defs[id] != nil {
		return true
	}
	var e ast.Node = id
	if p, ok := h.parent[id].(*ast.SelectorExpr); ok && p.Sel.Name == "Header" {
		if call, ok := h.parent[p].(*ast.CallExpr); ok && call.Fun == p {
			e = call
		}
	} else if call, ok := h.parent[id].(*ast.CallExpr); ok && h.isEncoder(call) {
		e = call
	}
	switch p := h.parent[e].(type) {
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == e && i < len(p.Lhs) && len(p.Lhs) == len(p.Rhs) {
				if lid, ok := p.Lhs[i].(*ast.Ident); ok {
					obj := h.info.Defs[lid]
					return h.writers[obj] || h.headers[obj] || h.encoders[obj]
				}
			}
		}
	case *ast.ValueSpec:
		for i, r := range p.Values {
			if r == e && i < len(p.Names) {
				obj := h.info.Defs[p.Names[i]]
				return h.writers[obj] || h.headers[obj] || h.encoders[obj]
			}
		}
	}
	return false
}

// classify returns the event of node n, if it is one, and marks the uses
// of w it accounts for.
func (h *handler) classify(n ast.Node, used map[*ast.Ident]bool) *event {
	use := func(e ast.Expr) {
		if id := h.writerIdent(e); id != nil {
			used[id] = true
		}
		if call, ok := astutil.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id := h.writerIdent(call.Args[0]); id != nil { // json.NewEncoder(w)
				used[id] = true
			}
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if ix, ok := astutil.Unparen(lhs).(*ast.IndexExpr); ok && h.isHeader(ix.X) {
				use(ix.X)
				return &event{kind: evHeaderSet, node: n, name: "assignment to " + types.ExprString(lhs), key: h.headerKey(ix.Index)}
			}
		}
		return nil
	case *ast.CallExpr:
		return h.classifyCall(n, use)
	}
	return nil
}

// classifyCall returns the event of a call, if it is one; use marks the
// uses of w that the call accounts for.
func (h *handler) classifyCall(call *ast.CallExpr, use func(ast.Expr)) *event {
	name := types.ExprString(call.Fun)
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		switch {
		case h.isWriter(sel.X):
			switch sel.Sel.Name {
			case "Write":
				use(sel.X)
				return &event{kind: evBody, node: call, name: name}
			case "WriteHeader":
				use(sel.X)
				code := h.statusCode(arg(0))
				if code >= 100 && code <= 199 && code != 101 {
					// Informational responses leave the header open.
					return nil
				}
				return &event{kind: evStatus, node: call, name: shortCall(call), code: code}
			}
			return nil
		case h.isHeader(sel.X):
			use(sel.X)
			switch sel.Sel.Name {
			case "Set", "Add":
				return &event{kind: evHeaderSet, node: call, name: name, key: h.headerKey(arg(0))}
			case "Del":
				return &event{kind: evHeaderDel, node: call, name: name, key: h.headerKey(arg(0))}
			}
			// Get, Values, Clone, Write and WriteSubset leave the
			// header as it is.
			return nil
		case sel.Sel.Name == "Encode" && h.isEncoder(sel.X):
			use(sel.X)
			return &event{kind: evBody, node: call, name: name}
		}
	}
	callee := typeutil.Callee(h.info, call)
	if h.captured {
		// A call of a function value may run a closure that uses w.
		if _, static := callee.(*types.Func); !static {
			if _, builtin := callee.(*types.Builtin); !builtin && !h.isConversion(call) {
				return &event{kind: evHeaderUnknown, node: call, name: name}
			}
		}
	}
	fn, ok := callee.(*types.Func)
	if !ok || fn.Pkg() == nil {
		if b, ok := callee.(*types.Builtin); ok && b.Name() == "delete" && h.isHeader(arg(0)) {
			use(arg(0))
			return &event{kind: evHeaderDel, node: call, name: shortCall(call), key: h.headerKey(arg(1))}
		}
		return nil
	}
	if h.isWriter(arg(0)) {
		if kind, code, known := h.knownWrite(fn, arg); known {
			use(arg(0))
			return &event{kind: kind, node: call, name: name, code: code}
		}
	}
	if f := h.helper(fn); f != nil && h.isWriter(arg(f.Param)) {
		use(arg(f.Param))
		kind := evHelper
		if f.Error {
			kind = evHelperError
		}
		return &event{kind: kind, node: call, name: name}
	}
	return nil
}

// knownWrite returns the kind of write of a call of fn from the standard
// library with w as its first argument, and its constant status code.
func (h *handler) knownWrite(fn *types.Func, arg func(int) ast.Expr) (kind evKind, code int, ok bool) {
	name := fn.Name()
	switch path := fn.Pkg().Path(); {
	case fn.Type().(*types.Signature).Recv() != nil:
		if (path == "html/template" || path == "text/template") && (name == "Execute" || name == "ExecuteTemplate") {
			return evBody, 0, true
		}
	case path == "net/http":
		switch name {
		case "Error":
			return evError, h.statusCode(arg(2)), true
		case "NotFound":
			return evError, 404, true
		case "Redirect":
			return evRedirect, h.statusCode(arg(3)), true
		case "ServeContent", "ServeFile", "ServeFileFS":
			return evServe, 0, true
		}
	case path == "io":
		switch name {
		case "WriteString", "Copy", "CopyN", "CopyBuffer":
			return evBody, 0, true
		}
	case path == "fmt":
		switch name {
		case "Fprint", "Fprintf", "Fprintln":
			return evBody, 0, true
		}
	}
	return 0, 0, false
}

// isConversion reports whether call is a type conversion.
func (h *handler) isConversion(call *ast.CallExpr) bool {
	tv, ok := h.info.Types[call.Fun]
	return ok && tv.IsType()
}

// shortCall returns the source text of a call, or of its function if the
// call is long.
func shortCall(call *ast.CallExpr) string {
	if s := types.ExprString(call); len(s) <= 48 {
		return s
	}
	return types.ExprString(call.Fun)
}

// statusCode returns the value of a constant status code expression, or 0.
func (h *handler) statusCode(e ast.Expr) int {
	if e == nil {
		return 0
	}
	tv, ok := h.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0
	}
	v, exact := constant.Int64Val(tv.Value)
	if !exact || v < 100 || v > 999 {
		return 0
	}
	return int(v)
}

// headerKey returns the constant header key e in canonical form, or "".
func (h *handler) headerKey(e ast.Expr) string {
	if e == nil {
		return ""
	}
	tv, ok := h.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	key := constant.StringVal(tv.Value)
	key = textproto.CanonicalMIMEHeaderKey(key)
	if key == "Trailer" || strings.HasPrefix(key, "Trailer:") {
		h.trailers = true
	}
	return key
}

// findErrUse records how the error result of a body write is tested: the
// variable it is assigned to, or the call itself when compared with nil.
func (h *handler) findErrUse(ev *event) {
	call := ev.node.(*ast.CallExpr)
	var e ast.Node = call
	for {
		p, ok := h.parent[e].(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p
	}
	switch p := h.parent[e].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && p.Rhs[0] == e {
			if id, ok := p.Lhs[len(p.Lhs)-1].(*ast.Ident); ok && id.Name != "_" {
				ev.errVar = h.info.ObjectOf(id)
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && p.Values[0] == e {
			if id := p.Names[len(p.Names)-1]; id.Name != "_" {
				ev.errVar = h.info.ObjectOf(id)
			}
		}
	case *ast.BinaryExpr:
		ev.errCall = call
	}
}
