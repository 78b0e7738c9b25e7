package handlerflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// Header bits for the headers that some statuses call for.
const (
	hdrLocation uint8 = 1 << iota
	hdrWWWAuthenticate
	hdrAllow
)

// headerBit returns the bit of a canonical header key, or 0.
func headerBit(key string) uint8 {
	switch key {
	case "Location":
		return hdrLocation
	case "Www-Authenticate":
		return hdrWWWAuthenticate
	case "Allow":
		return hdrAllow
	}
	return 0
}

// requiredHeader returns the header that a status calls for, and its bit.
func requiredHeader(code int) (string, uint8) {
	switch code {
	case 201, 301, 302, 303, 307, 308:
		return "Location", hdrLocation
	case 401:
		return "WWW-Authenticate", hdrWWWAuthenticate
	case 405:
		return "Allow", hdrAllow
	}
	return "", 0
}

// A fact is a branch condition known to hold on a path.
type fact struct {
	key  string // the condition, with != and ! folded into val
	val  bool
	eqX  string // for key "x == c" with constant c: x
	eqC  string // and c
	deps []types.Object
}

// An edge is a conditional branch taken on a path.
type edge struct {
	from int32
	succ int // 0: the condition holds, 1: it does not
	cond ast.Expr
}

// state is what one path has done to the ResponseWriter so far.
type state struct {
	commit      *event // the event that wrote the header
	commitEdges int    // len(edges) at commit
	errEv       *event // http.Error or WriteHeader(>= 400) that wrote the header
	errEdges    int    // len(edges) at errEv
	errBody     bool   // a body was written after errEv within its block
	tent        *event // a body write whose error result is tested
	prev        *state // the state before tent
	facts       []fact
	edges       []edge
}

// key identifies the state at block b for pruning revisits; the path
// history (edges) is left out.
func (st *state) key(b int32) string {
	id := func(ev *event) int {
		if ev == nil {
			return 0
		}
		return ev.id
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d|%d|%d|%t|%d", b, id(st.commit), id(st.errEv), st.errBody, id(st.tent))
	keys := make([]string, 0, len(st.facts))
	for _, f := range st.facts {
		keys = append(keys, fmt.Sprintf("%t:%s", f.val, f.key))
	}
	slices.Sort(keys)
	for _, k := range keys {
		sb.WriteString("|" + k)
	}
	return sb.String()
}

// reportKey identifies a diagnostic, to report each at most once.
type reportKey struct {
	category string
	pos      token.Pos
}

// walk follows the acyclic paths through the handler and reports.
func (h *handler) walk() {
	if len(h.cfg.Blocks) == 0 {
		return
	}
	// Classify all events first: a trailer declared anywhere changes
	// what header-after-write reports.
	for _, b := range h.cfg.Blocks {
		for _, n := range b.Nodes {
			h.nodeEvents(n)
		}
	}
	onPath := make([]bool, len(h.cfg.Blocks))
	seen := map[string]bool{}
	h.visit(h.cfg.Blocks[0], state{}, onPath, seen)
}

// visit follows the paths from block b, with st the state on entry.
// Revisits of a block with the same state are pruned, and the number of
// visits is bounded by h.budget.
func (h *handler) visit(b *cfg.Block, st state, onPath []bool, seen map[string]bool) {
	if h.budget <= 0 {
		return
	}
	if onPath[b.Index] {
		// A back edge: end the loop after this iteration, so that a
		// path goes around each loop at most once.
		if done := h.loopExit(b); done != nil && !onPath[done.Index] {
			st.facts = h.forget(st.facts, b)
			h.visit(done, st, onPath, seen)
		}
		return
	}
	h.budget--
	key := st.key(b.Index)
	if seen[key] {
		return
	}
	seen[key] = true
	onPath[b.Index] = true
	defer func() { onPath[b.Index] = false }()

	for _, n := range b.Nodes {
		st = h.step(n, st)
	}
	var cond ast.Expr
	if len(b.Succs) == 2 && len(b.Nodes) > 0 {
		if e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok && h.conds[e] != nil {
			cond = e
		}
	}
	for i, succ := range b.Succs {
		next := st
		if cond != nil {
			var ok bool
			next, ok = h.branch(st, b.Index, cond, i)
			if !ok {
				continue
			}
		}
		h.visit(succ, next, onPath, seen)
	}
}

// loopExit returns the block after the loop that has head b, or nil.
func (h *handler) loopExit(b *cfg.Block) *cfg.Block {
	if (b.Kind == cfg.KindForLoop || b.Kind == cfg.KindRangeLoop) && len(b.Succs) == 2 {
		return b.Succs[1]
	}
	return nil
}

// forget drops the facts that involve the condition of loop head b.
func (h *handler) forget(facts []fact, b *cfg.Block) []fact {
	var objs []types.Object
	switch loop := b.Stmt.(type) {
	case *ast.ForStmt:
		if loop.Cond != nil {
			objs, _ = h.condDeps(loop.Cond)
		}
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{loop.Key, loop.Value} {
			if obj := h.rootObj(e); e != nil && obj != nil {
				objs = append(objs, obj)
			}
		}
	}
	return dropFacts(facts, objs)
}

// dropFacts returns the facts that depend on none of objs.
func dropFacts(facts []fact, objs []types.Object) []fact {
	var kept []fact
	for _, f := range facts {
		if !slices.ContainsFunc(f.deps, func(o types.Object) bool { return slices.Contains(objs, o) }) {
			kept = append(kept, f)
		}
	}
	return kept
}

// step applies the effects of CFG node n to the state.
func (h *handler) step(n ast.Node, st state) state {
	if objs := h.assignedBy(n); len(objs) > 0 {
		st.facts = h.assignFacts(dropFacts(st.facts, objs), n)
	}
	for _, ev := range h.nodeEvents(n) {
		st = h.apply(ev, st)
	}
	return st
}

// assignedBy returns the variables that CFG node n assigns.
func (h *handler) assignedBy(n ast.Node) []types.Object {
	if objs, ok := h.assigns[n]; ok {
		return objs
	}
	var objs []types.Object
	add := func(e ast.Expr) {
		if obj := h.rootObj(e); obj != nil {
			objs = append(objs, obj)
		}
	}
	if e, ok := n.(ast.Expr); ok && h.rangeVars[e] {
		add(e)
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		eachAssigned(n, add)
		return true
	})
	h.assigns[n] = objs
	return objs
}

// apply applies event ev to the state, reporting what it gets wrong.
func (h *handler) apply(ev *event, st state) state {
	st.tent, st.prev = nil, nil
	switch ev.kind {
	case evHeaderSet, evHeaderDel, evHeaderUnknown:
		if st.commit != nil {
			if ev.kind != evHeaderUnknown && !h.trailers {
				h.report(CategoryHeaderAfterWrite, ev.node, nil,
					"%s at line %d has no effect: %s at line %d already wrote the header%s",
					ev.name, h.line(ev), st.commit.name, h.line(st.commit), h.phrase(st, st.commitEdges, st.commit.block, ev.block))
			}
			return st
		}
		return st

	case evBody, evHelper:
		if st.commit == nil {
			before := st
			st.commit, st.commitEdges = ev, len(st.edges)
			if ev.errVar != nil || ev.errCall != nil {
				st.tent, st.prev = ev, &before
			}
			return st
		}
		if e := st.errEv; e != nil {
			inBlock := h.within(e, ev)
			// After an error status, a body may follow in the same
			// block; after the error body, nothing may.
			if e.kind == evError || e.kind == evRedirect || (e.kind == evHelperError || st.errBody) && !inBlock {
				h.reportMissingReturn(st, ev)
			} else if inBlock {
				st.errBody = true
			}
			return st
		}
		if c := st.commit; ev.kind == evBody && c.kind == evStatus && (c.code == 204 || c.code == 304) {
			h.report(CategoryBodyAfterNoContent, ev.node, nil,
				"%s at line %d writes a body after %s at line %d%s; a %d response has no body",
				ev.name, h.line(ev), c.name, h.line(c), h.phrase(st, st.commitEdges, c.block, ev.block), c.code)
		}
		return st
	}

	// A status write.
	if st.commit != nil {
		if st.errEv != nil {
			h.reportMissingReturn(st, ev)
		} else if ev.kind != evServe {
			what := "is superfluous"
			if ev.kind != evStatus {
				what = "writes a superfluous status"
			}
			h.report(CategoryDoubleWriteHeader, ev.node, nil,
				"%s at line %d %s: %s at line %d already wrote the header%s",
				ev.name, h.line(ev), what, st.commit.name, h.line(st.commit), h.phrase(st, st.commitEdges, st.commit.block, ev.block))
		}
		return st
	}
	if ev.kind == evStatus {
		// Report only if no path sets the header: a header set on
		// some other path shows that the author knew of it.
		// Middleware that rejects a method before the resource's own
		// handler runs does not know the resource's methods: no Allow.
		if key, bit := requiredHeader(ev.code); bit != 0 && !h.setterReaches(bit, ev.block) && !(ev.code == 405 && h.delegates) {
			h.report(CategoryMissingHeader, ev.node, nil,
				"%s at line %d sends %d without %s header%s",
				ev.name, h.line(ev), ev.code, article(key), h.phrase(st, len(st.edges), ev.block, ev.block))
		}
	}
	st.commit, st.commitEdges = ev, len(st.edges)
	// Error writes and redirects complete the response; what follows
	// them on a path lacks a return.
	if ev.kind == evError || ev.kind == evRedirect || ev.kind == evHelperError || (ev.kind == evStatus && ev.code >= 400) {
		st.errEv, st.errEdges, st.errBody = ev, len(st.edges), ev.kind == evError || ev.kind == evRedirect
	}
	return st
}

// article returns a header name with its indefinite article.
func article(key string) string {
	if strings.HasPrefix(key, "A") {
		return "an " + key
	}
	return "a " + key
}

// branch returns the state on the succ'th successor of a conditional
// block, and false if the condition contradicts what the path knows.
func (h *handler) branch(st state, from int32, cond ast.Expr, succ int) (state, bool) {
	holds := succ == 0
	if st.tent != nil {
		if h.testsErr(cond, st.tent, holds) {
			// The write failed, so it may have written nothing.
			facts, edges := st.facts, st.edges
			st = *st.prev
			st.facts, st.edges = facts, edges
		} else if h.testsErr(cond, st.tent, !holds) {
			st.tent, st.prev = nil, nil
		}
	}
	facts, ok := h.assume(st.facts, cond, holds)
	if !ok {
		return st, false
	}
	st.facts = facts
	st.edges = append(st.edges[:len(st.edges):len(st.edges)], edge{from, succ, cond})
	return st, true
}

// testsErr reports whether cond, having the value holds, says that the
// write ev returned a non-nil error.
func (h *handler) testsErr(cond ast.Expr, ev *event, holds bool) bool {
	if h.conds[cond].tag != nil {
		return false
	}
	bin, ok := astutil.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (bin.Op != token.NEQ && bin.Op != token.EQL) || (bin.Op == token.NEQ) != holds {
		return false
	}
	x, y := astutil.Unparen(bin.X), astutil.Unparen(bin.Y)
	if h.isNil(x) {
		x, y = y, x
	}
	if !h.isNil(y) {
		return false
	}
	if id, ok := x.(*ast.Ident); ok && ev.errVar != nil && h.info.ObjectOf(id) == ev.errVar {
		return true
	}
	return ev.errCall != nil && x == ast.Expr(ev.errCall)
}

// isNil reports whether e is the predeclared nil.
func (h *handler) isNil(e ast.Expr) bool {
	tv, ok := h.info.Types[e]
	return ok && tv.IsNil()
}

// assume adds the facts that follow from cond having the value holds, and
// reports false if they contradict the known facts.
func (h *handler) assume(facts []fact, cond ast.Expr, holds bool) ([]fact, bool) {
	if tag := h.conds[cond].tag; tag != nil {
		f, ok := h.eqFact(tag, cond, holds)
		if !ok {
			return facts, true
		}
		return h.addFact(facts, f, 2)
	}
	return h.assumeExpr(facts, cond, holds)
}

// assumeExpr is assume for a boolean expression e.
func (h *handler) assumeExpr(facts []fact, e ast.Expr, holds bool) ([]fact, bool) {
	e = astutil.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return h.assumeExpr(facts, x.X, !holds)
		}
	case *ast.BinaryExpr:
		switch {
		case x.Op == token.LAND && holds, x.Op == token.LOR && !holds:
			facts, ok := h.assumeExpr(facts, x.X, holds)
			if !ok {
				return facts, false
			}
			return h.assumeExpr(facts, x.Y, holds)
		case x.Op == token.EQL, x.Op == token.NEQ:
			f, ok := h.eqFact(x.X, x.Y, holds == (x.Op == token.EQL))
			if !ok {
				return facts, true
			}
			return h.addFact(facts, f, 2)
		}
	case *ast.Ident, *ast.SelectorExpr:
		// A boolean variable or field b is the fact b == true.
		if f, ok := h.constFact(e, "true", holds); ok {
			return h.addFact(facts, f, 2)
		}
		return facts, true
	}
	deps, ok := h.condDeps(e)
	if !ok {
		return facts, true
	}
	return h.addFact(facts, fact{key: types.ExprString(e), val: holds, deps: deps}, 2)
}

// eqFact returns the fact x == y (or its negation), if both sides are
// stable.
func (h *handler) eqFact(x, y ast.Expr, holds bool) (fact, bool) {
	if c := h.constVal(x); c != "" {
		return h.constFact(y, c, holds)
	}
	if c := h.constVal(y); c != "" {
		return h.constFact(x, c, holds)
	}
	dx, ok1 := h.condDeps(x)
	dy, ok2 := h.condDeps(y)
	if !ok1 || !ok2 {
		return fact{}, false
	}
	return fact{key: types.ExprString(x) + " == " + types.ExprString(y), val: holds, deps: append(dx, dy...)}, true
}

// constFact returns the fact x == c (or its negation) for a constant c, if
// x is stable. The fact x == false is written as !(x == true).
func (h *handler) constFact(x ast.Expr, c string, holds bool) (fact, bool) {
	deps, ok := h.condDeps(x)
	if !ok {
		return fact{}, false
	}
	if c == "false" {
		c, holds = "true", !holds
	}
	s := types.ExprString(x)
	return fact{key: s + " == " + c, val: holds, eqX: s, eqC: c, deps: deps}, true
}

// constVal returns the value of a constant expression, or "".
func (h *handler) constVal(e ast.Expr) string {
	if tv, ok := h.info.Types[e]; ok && tv.Value != nil {
		return tv.Value.ExactString()
	}
	return ""
}

// assignFacts records the facts x == c for the assignments x = c of
// constants c in CFG node n.
func (h *handler) assignFacts(facts []fact, n ast.Node) []fact {
	var lhs, rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			return facts
		}
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		rhs = n.Values
	}
	if len(lhs) != len(rhs) {
		return facts
	}
	for i, x := range lhs {
		if _, ok := x.(*ast.Ident); !ok || h.constVal(rhs[i]) == "" {
			continue
		}
		if f, ok := h.eqFact(x, rhs[i], true); ok {
			facts, _ = h.addFact(facts, f, 1)
		}
	}
	return facts
}

// addFact adds f to facts, or reports false if it contradicts them.
// Facts that fewer than uses conditions mention are not added, to keep
// the number of states small: nothing later can contradict them.
func (h *handler) addFact(facts []fact, f fact, uses int) ([]fact, bool) {
	if h.useful == nil {
		h.useful = map[string]int{}
		for e := range h.conds {
			h.seenKeys = map[string]bool{}
			h.assume(nil, e, true)
			h.assume(nil, e, false)
			for k := range h.seenKeys {
				h.useful[k]++
			}
		}
		h.seenKeys = nil
	}
	if h.seenKeys != nil {
		h.seenKeys[f.key] = true
		if f.eqX != "" {
			h.seenKeys["eq:"+f.eqX] = true
		}
		return facts, true
	}
	for _, g := range facts {
		if g.key == f.key {
			if g.val != f.val {
				return facts, false
			}
			return facts, true
		}
		if f.eqX != "" && f.val && g.val && g.eqX == f.eqX && g.eqC != f.eqC {
			return facts, false
		}
	}
	if h.useful[f.key] < uses && (f.eqX == "" || h.useful["eq:"+f.eqX] < uses) {
		return facts, true
	}
	return append(facts[:len(facts):len(facts)], f), true
}

// condDeps returns the variables that a condition depends on, and false
// if the condition may change without an assignment the analysis sees:
// it calls a function, reads a package variable, dereferences a pointer
// or reads a variable that has its address taken or is assigned in a
// closure.
func (h *handler) condDeps(e ast.Expr) ([]types.Object, bool) {
	var deps []types.Object
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			// A pure call depends on its receiver and arguments.
			if !h.isPure(n) {
				ok = false
				return false
			}
			parts := n.Args
			if sel, isSel := astutil.Unparen(n.Fun).(*ast.SelectorExpr); isSel && h.info.Selections[sel] != nil {
				parts = append([]ast.Expr{sel.X}, parts...)
			}
			for _, e := range parts {
				d, pure := h.condDeps(e)
				deps = append(deps, d...)
				ok = ok && pure
			}
			return false
		case *ast.StarExpr, *ast.FuncLit:
			ok = false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW || n.Op == token.AND {
				ok = false
			}
		case *ast.SelectorExpr:
			if sel, isSel := h.info.Selections[n]; isSel && sel.Kind() != types.FieldVal {
				ok = false
			}
		case *ast.Ident:
			switch obj := h.info.ObjectOf(n).(type) {
			case *types.Var:
				if obj.IsField() {
					return true
				}
				if obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() || h.addrTaken[obj] || h.inClosure[obj] {
					ok = false
					return false
				}
				deps = append(deps, obj)
			case nil:
				ok = false
			}
		}
		return true
	})
	return deps, ok
}

// pureFuncs are functions and methods whose result depends only on their
// arguments and receiver.
var pureFuncs = map[string]bool{
	"errors.Is":                         true,
	"(net/url.Values).Get":              true,
	"(net/url.Values).Has":              true,
	"(*net/url.URL).Query":              true,
	"(net/http.Header).Get":             true,
	"(net/http.Header).Values":          true,
	"(*net/http.Request).FormValue":     true,
	"(*net/http.Request).PostFormValue": true,
	"(*net/http.Request).PathValue":     true,
	"(*net/http.Request).ProtoAtLeast":  true,
	"(*net/http.Request).UserAgent":     true,
	"(*net/http.Request).Referer":       true,
}

// isPure reports whether call is a call of len, a function of package
// strings or a function in pureFuncs, or a conversion.
func (h *handler) isPure(call *ast.CallExpr) bool {
	if tv, ok := h.info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	switch fn := typeutil.Callee(h.info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "len"
	case *types.Func:
		if fn.Pkg() != nil && fn.Pkg().Path() == "strings" && fn.Type().(*types.Signature).Recv() == nil {
			return true
		}
		return pureFuncs[fn.FullName()]
	}
	return false
}

// within reports whether event later lies inside the block (or case
// clause) that directly holds the statement of event ev.
func (h *handler) within(ev, later *event) bool {
	blk := h.enclosingBlock(ev)
	return blk != nil && blk.Pos() <= later.node.Pos() && later.node.End() <= blk.End()
}

// enclosingBlock returns the block statement or clause whose statement
// list holds the statement of ev.
func (h *handler) enclosingBlock(ev *event) ast.Node {
	blk, _ := h.enclosingStmt(ev)
	return blk
}

// enclosingStmt returns the block statement or clause that directly holds
// the statement of ev, and that statement, or nil if there is none.
func (h *handler) enclosingStmt(ev *event) (ast.Node, ast.Stmt) {
	var n ast.Node = ev.node
	for n != nil {
		p := h.parent[n]
		switch p.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			s, _ := n.(ast.Stmt)
			return p, s
		case *ast.FuncLit, nil:
			return nil, nil
		}
		n = p
	}
	return nil, nil
}

// reportMissingReturn reports the error write st.errEv, followed on the
// path by ev.
func (h *handler) reportMissingReturn(st state, ev *event) {
	e := st.errEv
	h.report(CategoryMissingReturn, e.node, h.returnFix(e, ev),
		"%s at line %d is followed by %s at line %d%s; missing return?",
		e.name, h.line(e), ev.name, h.line(ev), h.phrase(st, st.errEdges, e.block, ev.block))
}

// returnFix returns a fix that adds a return at the end of the block that
// holds the statement of the error write e, if the statement is a call
// statement directly in the block and the later event ev is outside it.
func (h *handler) returnFix(e, ev *event) []analysis.SuggestedFix {
	blk, stmt := h.enclosingStmt(e)
	if blk == nil || h.within(e, ev) {
		return nil
	}
	if es, ok := stmt.(*ast.ExprStmt); !ok || es.X != e.node {
		return nil
	}
	var list []ast.Stmt
	switch b := blk.(type) {
	case *ast.BlockStmt:
		list = b.List
	case *ast.CaseClause:
		list = b.Body
	case *ast.CommClause:
		list = b.Body
	}
	last := list[len(list)-1]
	switch last.(type) {
	case *ast.BranchStmt, *ast.ReturnStmt, *ast.LabeledStmt:
		return nil
	}
	pos, indent := h.lineEnd(last)
	return []analysis.SuggestedFix{{
		Message: "Add return",
		TextEdits: []analysis.TextEdit{{
			Pos:     pos,
			End:     pos,
			NewText: []byte("\n" + indent + "return"),
		}},
	}}
}

// lineEnd returns where a statement on a new line can go after stmt: its
// end, or the end of its line if only a line comment follows it; and the
// indentation of stmt's line.
func (h *handler) lineEnd(stmt ast.Stmt) (token.Pos, string) {
	pos := stmt.End()
	file := h.pass.Fset.File(pos)
	if file == nil {
		return pos, ""
	}
	content, err := h.pass.ReadFile(file.Name())
	if err != nil {
		return pos, ""
	}
	start := file.Offset(file.LineStart(file.Line(stmt.Pos())))
	end := start
	for end < len(content) && (content[end] == '\t' || content[end] == ' ') {
		end++
	}
	indent := string(content[start:end])
	off := file.Offset(pos)
	eol := off
	for eol < len(content) && content[eol] != '\n' {
		eol++
	}
	if rest := strings.TrimSpace(string(content[off:eol])); rest == "" || strings.HasPrefix(rest, "//") {
		pos = file.Pos(eol)
	}
	return pos, indent
}

// report reports a diagnostic at node at, at most once per category and
// position.
func (h *handler) report(category string, at ast.Node, fixes []analysis.SuggestedFix, format string, args ...any) {
	k := reportKey{category, at.Pos()}
	if h.reported[k] {
		return
	}
	h.reported[k] = true
	if h.ignored.Covers(h.pass.Fset, at.Pos()) {
		return
	}
	h.pass.Report(analysis.Diagnostic{
		Pos:            at.Pos(),
		End:            at.End(),
		Category:       category,
		Message:        fmt.Sprintf(format, args...),
		SuggestedFixes: fixes,
	})
}

// line returns the line of event ev.
func (h *handler) line(ev *event) int {
	return h.pass.Fset.Position(ev.node.Pos()).Line
}

// phrase describes the path of st briefly, as " on the path where c1 &&
// c2", naming the branch conditions that decide whether the path reaches
// block first (for the first split edges) or block second (for the rest).
func (h *handler) phrase(st state, split int, first, second int32) string {
	var conds []string
	for i, e := range st.edges {
		target := second
		if i < split {
			target = first
		}
		if !h.decides(e, target) {
			continue
		}
		if s := h.condText(e); s != "" && !slices.Contains(conds, s) {
			conds = append(conds, s)
		}
	}
	if len(conds) == 0 {
		return ""
	}
	if len(conds) > 3 {
		conds = conds[len(conds)-3:]
	}
	return " on the path where " + strings.Join(conds, " && ")
}

// decides reports whether edge e decides that the path reaches block
// target: it enters the then or else branch of an if statement or a case
// of a switch statement, and taking the other branch would miss target.
func (h *handler) decides(e edge, target int32) bool {
	b := h.cfg.Blocks[e.from]
	taken, other := b.Succs[e.succ], b.Succs[1-e.succ]
	switch taken.Kind {
	case cfg.KindIfThen, cfg.KindIfElse, cfg.KindSwitchCaseBody:
		return !h.reaches(other.Index, target, e.from)
	}
	return false
}

// reaches reports whether block to can be reached from block from
// without passing through block not.
func (h *handler) reaches(from, to, not int32) bool {
	k := [3]int32{from, to, not}
	if r, ok := h.reach[k]; ok {
		return r
	}
	seen := make([]bool, len(h.cfg.Blocks))
	work := []int32{from}
	r := false
	for len(work) > 0 && !r {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == not || seen[b] {
			continue
		}
		seen[b] = true
		if b == to {
			r = true
		}
		for _, s := range h.cfg.Blocks[b].Succs {
			work = append(work, s.Index)
		}
	}
	h.reach[k] = r
	return r
}

// setterReaches reports whether a header change that may set the header
// bit can reach block b.
func (h *handler) setterReaches(bit uint8, b int32) bool {
	for _, blk := range h.cfg.Blocks {
		for _, n := range blk.Nodes {
			for _, ev := range h.nodeEvents(n) {
				sets := ev.kind == evHeaderUnknown || ev.kind == evHeaderSet && (ev.key == "" || headerBit(ev.key)&bit != 0)
				if sets && h.reaches(blk.Index, b, -1) {
					return true
				}
			}
		}
	}
	return false
}

// condText describes the condition of a taken branch, or returns "".
func (h *handler) condText(e edge) string {
	holds := e.succ == 0
	if tag := h.conds[e.cond].tag; tag != nil {
		if !holds {
			return ""
		}
		return types.ExprString(tag) + " == " + types.ExprString(e.cond)
	}
	return negate(e.cond, holds)
}

// negate returns the source of cond, negated unless holds.
func negate(cond ast.Expr, holds bool) string {
	cond = astutil.Unparen(cond)
	if holds {
		return types.ExprString(cond)
	}
	switch x := cond.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return types.ExprString(x.X)
		}
	case *ast.BinaryExpr:
		ops := map[token.Token]token.Token{
			token.EQL: token.NEQ, token.NEQ: token.EQL,
			token.LSS: token.GEQ, token.GEQ: token.LSS,
			token.GTR: token.LEQ, token.LEQ: token.GTR,
		}
		if op, ok := ops[x.Op]; ok {
			return types.ExprString(x.X) + " " + op.String() + " " + types.ExprString(x.Y)
		}
		return "!(" + types.ExprString(x) + ")"
	}
	return "!" + types.ExprString(cond)
}
