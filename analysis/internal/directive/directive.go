// Package directive finds the lines that a comment directive such as
// //httpstatus:ignore exempts from an analyzer's diagnostics, for the
// analyzers of this module.
package directive

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Line names a line of a file.
type Line struct {
	File string
	Line int
}

// Lines is a set of exempted lines.
type Lines map[Line]bool

// Covers reports whether the line of pos is exempted.
func (l Lines) Covers(fset *token.FileSet, pos token.Pos) bool {
	p := fset.Position(pos)
	return l[Line{p.Filename, p.Line}]
}

// Ignored returns the lines that directive (such as "//httpstatus:ignore")
// exempts in the files of pass: the comment's own line and the line after
// it. The directive may be followed by a space and a reason.
func Ignored(pass *analysis.Pass, directive string) Lines {
	lines := Lines{}
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				if c.Text == directive || strings.HasPrefix(c.Text, directive+" ") {
					p := pass.Fset.Position(c.Slash)
					lines[Line{p.Filename, p.Line}] = true
					lines[Line{p.Filename, p.Line + 1}] = true
				}
			}
		}
	}
	return lines
}
