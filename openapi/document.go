// Package openapi checks the status codes an OpenAPI description documents,
// and holds handlers to what it promises.
//
// # Tour
//
// Load a description (OpenAPI 3.0 or 3.1, YAML or JSON) and lint the
// responses each operation documents:
//
//	doc, err := openapi.Load(data)
//	for _, f := range doc.Lint(nil) {
//		fmt.Println(f) // api.yaml:42: POST /users 201: warning created-missing-location: ...
//	}
//
// Give the description to check.Middleware, which then reports every
// status an operation does not document, and ask afterwards which
// documented statuses the tests never produced:
//
//	c := openapi.NewContract(doc)
//	handler = check.Middleware(report, &check.Options{Contract: c})(handler)
//	// ... run the test suite ...
//	for _, u := range c.Unexercised() {
//		fmt.Println(u.Operation, u.Statuses)
//	}
//
// Documents are read with github.com/pb33f/libopenapi, which supports
// OpenAPI 3.0 and 3.1 and keeps the line of every key, so that each
// finding points into the document.
package openapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/textproto"
	"strings"

	"github.com/pb33f/libopenapi"
	"github.com/pb33f/libopenapi/datamodel"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// Document is the part of an OpenAPI description that concerns status
// codes: its operations and the responses each documents. It is read
// once by Load and immutable after.
type Document struct {
	Version    string      // the document's openapi version, such as "3.1.0"
	BasePath   string      // the path of the first server URL, such as "/v1", or ""
	Operations []Operation // in document order
}

// Operation is one operation of the document.
type Operation struct {
	Method    string     // the HTTP method in upper case, such as "GET"
	Path      string     // the path template, such as "/users/{id}"
	ID        string     // the operationId, if any
	Line      int        // the line of the operation's key in the document
	Column    int        // its column, which matters in minified JSON
	Responses []Response // in document order; default last
}

// String returns "GET /users/{id}".
func (o *Operation) String() string { return o.Method + " " + o.Path }

// Response is one documented response of an operation.
type Response struct {
	Status     string   // the key as written: "404", "4XX" or "default"
	Line       int      // the line of the key in the document
	Column     int      // its column
	Headers    []string // the documented header fields, in canonical form
	MediaTypes []string // the documented content media types, lower case
}

// Documents reports whether r covers code: an exact key, a range such as
// 4XX, or default.
func (r *Response) Documents(code int) bool {
	switch {
	case r.Status == "default":
		return true
	case len(r.Status) == 3 && (r.Status[1] == 'X' || r.Status[1] == 'x'):
		return int(r.Status[0]-'0') == code/100
	}
	return r.Status == fmt.Sprint(code)
}

// Error is a document that cannot be read, with the place where reading
// failed when the parser gives one.
type Error struct {
	Line, Column int    // where the problem is, or 0
	Msg          string // what is wrong
}

// Error returns the message with its line and column.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("openapi: line %d, column %d: %s", e.Line, e.Column, e.Msg)
	}
	return "openapi: " + e.Msg
}

// maxDocument bounds the size of a document Load reads: 64 MiB, five
// times GitHub's REST API description.
const maxDocument = 64 << 20

// Load reads an OpenAPI 3.0 or 3.1 description in YAML or JSON. A document
// that cannot be read gives an *Error naming the line and column where the
// parser stopped, when it knows them; Load never panics.
func Load(data []byte) (doc *Document, err error) {
	if len(data) > maxDocument {
		return nil, &Error{Msg: fmt.Sprintf("document of %d bytes is larger than the %d-byte limit", len(data), maxDocument)}
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, &Error{Msg: "empty document"}
	}
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, &Error{Msg: fmt.Sprintf("the OpenAPI parser failed on this document: %v", p)}
		}
	}()
	if t := bytes.TrimSpace(data); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		// JSON: report a syntax error with its line and column, which the
		// parser's message lacks.
		var v json.RawMessage
		if err := json.Unmarshal(t, &v); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				line, col := position(data, int(se.Offset)+(len(data)-len(bytes.TrimLeft(data, " \t\r\n"))))
				return nil, &Error{Line: line, Column: col, Msg: se.Error()}
			}
			return nil, &Error{Msg: err.Error()}
		}
	}
	cfg := datamodel.NewDocumentConfiguration()
	cfg.SkipCircularReferenceCheck = true // not needed to read responses; costs seconds on large documents
	d, err := libopenapi.NewDocumentWithConfiguration(data, cfg)
	if err != nil {
		return nil, parseError(err)
	}
	defer d.Release()
	version := d.GetVersion()
	if !strings.HasPrefix(version, "3.") {
		if version == "" {
			return nil, &Error{Msg: `no "openapi" field: not an OpenAPI 3 document`}
		}
		return nil, &Error{Msg: fmt.Sprintf("OpenAPI version %q is not supported; convert Swagger 2.0 documents to OpenAPI 3", version)}
	}
	m, err := d.BuildV3Model()
	if m == nil {
		if err == nil {
			err = errors.New("the document has no OpenAPI 3 model")
		}
		return nil, parseError(err)
	}
	// Errors beside a model are unresolved references and the like: the
	// responses that could be read are still worth checking.
	return fromModel(version, &m.Model), nil
}

// position returns the line and column (from 1) of a byte offset.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// parseError turns a parser error into an *Error, reading the line and
// column from messages such as "... at L7.C1: ...".
func parseError(err error) *Error {
	msg := err.Error()
	e := &Error{Msg: msg}
	if i := strings.Index(msg, " at L"); i >= 0 {
		var line, col int
		if n, _ := fmt.Sscanf(msg[i+5:], "%d.C%d", &line, &col); n == 2 {
			e.Line, e.Column = line, col
		}
	}
	return e
}

// fromModel copies what the checks need out of libopenapi's model.
func fromModel(version string, m *v3.Document) *Document {
	doc := &Document{Version: version}
	if len(m.Servers) > 0 && m.Servers[0] != nil {
		doc.BasePath = serverPath(m.Servers[0].URL)
	}
	if m.Paths == nil || m.Paths.PathItems == nil {
		return doc
	}
	for path, item := range m.Paths.PathItems.FromOldest() {
		if item == nil {
			continue
		}
		for method, op := range item.GetOperations().FromOldest() {
			if op == nil {
				continue
			}
			o := Operation{Method: strings.ToUpper(method), Path: path, ID: op.OperationId}
			if low := op.GoLow(); low != nil && low.KeyNode != nil {
				o.Line, o.Column = low.KeyNode.Line, low.KeyNode.Column
			}
			o.Responses = responses(op.Responses)
			doc.Operations = append(doc.Operations, o)
		}
	}
	return doc
}

// responses copies an operation's documented responses.
func responses(rs *v3.Responses) []Response {
	if rs == nil {
		return nil
	}
	var out []Response
	places := map[string][2]int{}
	if low := rs.GoLow(); low != nil {
		if low.Codes != nil {
			for k := range low.Codes.KeysFromOldest() {
				if k.KeyNode != nil {
					places[k.Value] = [2]int{k.KeyNode.Line, k.KeyNode.Column}
				}
			}
		}
		if low.Default.KeyNode != nil {
			places["default"] = [2]int{low.Default.KeyNode.Line, low.Default.KeyNode.Column}
		}
	}
	if rs.Codes != nil {
		for code, r := range rs.Codes.FromOldest() {
			out = append(out, response(code, places[code], r))
		}
	}
	if rs.Default != nil {
		out = append(out, response("default", places["default"], rs.Default))
	}
	return out
}

func response(status string, place [2]int, r *v3.Response) Response {
	out := Response{Status: status, Line: place[0], Column: place[1]}
	if r == nil {
		return out
	}
	if r.Headers != nil {
		for h := range r.Headers.KeysFromOldest() {
			out.Headers = append(out.Headers, textproto.CanonicalMIMEHeaderKey(h))
		}
	}
	if r.Content != nil {
		for mt := range r.Content.KeysFromOldest() {
			out.MediaTypes = append(out.MediaTypes, strings.ToLower(mt))
		}
	}
	return out
}

// serverPath returns the path of a server URL ("https://api.example.com/v1"
// gives "/v1"; "/api" gives "/api"), without a trailing slash; variables
// are kept as written.
func serverPath(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = ""
		}
	}
	return strings.TrimRight(u, "/")
}
