package handlerflow

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
)

// helperFact marks a function that writes the response header on every
// path that returns, through its http.ResponseWriter parameter: a helper
// such as writeJSON(w, v) or writeError(w, err). A call of a helper counts
// as a write, and a call of an error helper as a call of http.Error.
type helperFact struct {
	Param int  // index of the http.ResponseWriter parameter
	Error bool // the first status written is always an error status
}

// AFact marks helperFact as an analysis fact.
func (*helperFact) AFact() {}

// String describes the fact, for tests.
func (f *helperFact) String() string {
	if f.Error {
		return fmt.Sprintf("writes an error status through parameter %d", f.Param)
	}
	return fmt.Sprintf("writes the header through parameter %d", f.Param)
}

// findHelpers summarizes the functions of the package that take one
// http.ResponseWriter, and exports a helperFact for those that always
// write the header. Helpers that call helpers are found in later rounds.
func findHelpers(pass *analysis.Pass, cfgs *ctrlflow.CFGs, decls []*ast.FuncDecl) map[*types.Func]*helperFact {
	helpers := map[*types.Func]*helperFact{}
	for round := 0; round < 3; round++ {
		changed := false
		for _, decl := range decls {
			fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok || decl.Body == nil || helpers[fn] != nil {
				continue
			}
			param, w := writerArg(fn.Type().(*types.Signature))
			if w == nil {
				continue
			}
			g := cfgs.FuncDecl(decl)
			if g == nil {
				continue
			}
			h := newHandler(pass, w, decl.Body, g)
			if h == nil {
				continue
			}
			h.helpers = helpers
			if writes, isErr := h.summarize(); writes {
				f := &helperFact{Param: param, Error: isErr}
				helpers[fn] = f
				if writerParam(fn.Type()) == nil {
					// Handlers are rarely called from other
					// packages; leave them out of the facts.
					pass.ExportObjectFact(fn, f)
				}
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return helpers
}

// writerArg returns the only http.ResponseWriter parameter of a
// signature and its index, or nil.
func writerArg(sig *types.Signature) (int, *types.Var) {
	index, w := -1, (*types.Var)(nil)
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if isNetHTTP(p.Type(), "ResponseWriter") {
			if w != nil {
				return -1, nil
			}
			index, w = i, p
		}
	}
	if w == nil || w.Name() == "" || w.Name() == "_" || sig.Variadic() && index == sig.Params().Len()-1 {
		return -1, nil
	}
	return index, w
}

// helper returns the helperFact of fn, if it has one.
func (h *handler) helper(fn *types.Func) *helperFact {
	if f := h.helpers[fn]; f != nil {
		return f
	}
	if fn.Pkg() != nil && fn.Pkg() != h.pass.Pkg {
		f := new(helperFact)
		if h.pass.ImportObjectFact(fn, f) {
			return f
		}
	}
	return nil
}

// The first write on a path, as a set of possibilities.
const (
	firstNone  uint8 = 1 << iota // nothing written yet
	firstError                   // an error status was written first
	firstOther                   // something else was written first
)

// summarize reports whether every path of the function that returns
// writes the header, and whether the first write is then always an error
// status. It is a forward dataflow analysis over the CFG.
func (h *handler) summarize() (writes, isErr bool) {
	blocks := h.cfg.Blocks
	if len(blocks) == 0 {
		return false, false
	}
	in := make([]uint8, len(blocks))
	in[0] = firstNone
	out := func(b int) uint8 {
		set := in[b]
		if set&firstNone == 0 {
			return set
		}
		for _, n := range blocks[b].Nodes {
			for _, ev := range h.nodeEvents(n) {
				switch {
				case ev.kind == evError || ev.kind == evHelperError || ev.kind == evStatus && ev.code >= 400:
					return set&^firstNone | firstError
				case ev.kind.writes():
					return set&^firstNone | firstOther
				}
			}
		}
		return set
	}
	for changed := true; changed; {
		changed = false
		for i, b := range blocks {
			o := out(i)
			for _, s := range b.Succs {
				if in[s.Index]|o != in[s.Index] {
					in[s.Index] |= o
					changed = true
				}
			}
		}
	}
	var exits uint8
	for i, b := range blocks {
		if len(b.Nodes) > 0 {
			if _, ok := b.Nodes[len(b.Nodes)-1].(*ast.ReturnStmt); ok {
				exits |= out(i)
			}
		}
	}
	if exits == 0 || exits&firstNone != 0 {
		return false, false
	}
	return true, exits == firstError
}
