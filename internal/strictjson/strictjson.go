// Package strictjson decodes the reviewed source tables strictly:
// encoding/json accepts duplicate keys (the last wins) and matches keys
// without regard to case, and its syntax errors give a byte offset only.
// Decode walks the document against the Go type it fills and reports, with
// the line, the column and the path of the value (such as
// entries[12].phrase), a syntax error, a duplicate key, or a key the type
// does not have in exactly that spelling. Then it decodes with
// encoding/json, unknown fields disallowed.
//
// The generators share it: gen (the catalog) and gen/signatures.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// Error is a problem in a document, with where it is.
type Error struct {
	Line, Column int    // from 1
	Path         string // the path of the value, such as "entries[12].phrase"; "" at the top
	Msg          string
}

// Error returns "line 12, column 5 (entries[3].phrase): msg".
func (e *Error) Error() string {
	where := fmt.Sprintf("line %d, column %d", e.Line, e.Column)
	if e.Path != "" {
		where += " (" + e.Path + ")"
	}
	return where + ": " + e.Msg
}

// Decode decodes data into v, a pointer, strictly (see the package doc).
func Decode(data []byte, v any) error {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return &Error{Line: 1, Column: 1, Msg: "the file starts with a byte order mark; save it as UTF-8 without one"}
	}
	rt := reflect.TypeOf(v)
	if rt == nil || rt.Kind() != reflect.Pointer {
		return errors.New("strictjson: Decode needs a pointer")
	}
	w := &walker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	if err := w.value(rt.Elem(), ""); err != nil {
		return err
	}
	if _, err := w.dec.Token(); err != io.EOF {
		return w.errorf("", "unexpected data after the top-level value")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			line, col := position(data, te.Offset)
			return &Error{Line: line, Column: col, Path: te.Field, Msg: fmt.Sprintf("a %s cannot be a %s", te.Value, te.Type)}
		}
		return &Error{Line: 1, Column: 1, Msg: err.Error()}
	}
	return nil
}

type walker struct {
	data []byte
	dec  *json.Decoder
}

// position returns the line and column of a byte offset.
func position(data []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

func (w *walker) errorf(path, format string, args ...any) error {
	line, col := position(w.data, w.dec.InputOffset())
	return &Error{Line: line, Column: col, Path: path, Msg: fmt.Sprintf(format, args...)}
}

// token reads the next token, turning a syntax error into an *Error.
func (w *walker) token(path string) (json.Token, error) {
	tok, err := w.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := position(w.data, se.Offset)
			return nil, &Error{Line: line, Column: col, Path: path, Msg: "JSON syntax: " + se.Error()}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, w.errorf(path, "the document ends too early")
		}
		return nil, w.errorf(path, "JSON syntax: %v", err)
	}
	return tok, nil
}

// value walks one value that will fill type t.
func (w *walker) value(t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	tok, err := w.token(path)
	if err != nil {
		return err
	}
	if err := w.kindCheck(t, tok, path); err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		return w.object(t, path)
	case json.Delim('['):
		var elem reflect.Type
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			elem = t.Elem()
		} else {
			elem = reflect.TypeFor[any]()
		}
		for i := 0; w.dec.More(); i++ {
			if err := w.value(elem, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		_, err := w.token(path)
		return err
	}
	return nil
}

// kindCheck reports a value whose JSON kind cannot fill type t, naming
// the path, where encoding/json would name only the field.
func (w *walker) kindCheck(t reflect.Type, tok json.Token, path string) error {
	if tok == nil || t.Kind() == reflect.Interface {
		return nil // null fills anything; any takes everything
	}
	want := ""
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		if tok != json.Delim('{') {
			want = "an object"
		}
	case reflect.Slice, reflect.Array:
		if tok != json.Delim('[') {
			want = "an array"
		}
	case reflect.String:
		if _, ok := tok.(string); !ok {
			want = "a string"
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			want = "true or false"
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n, ok := tok.(json.Number); !ok {
			want = "an integer"
		} else if _, err := n.Int64(); err != nil {
			want = "an integer"
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := tok.(json.Number); !ok {
			want = "a number"
		}
	}
	if want == "" {
		return nil
	}
	return w.errorf(path, "want %s here, not %s", want, describe(tok))
}

// describe names a token for messages.
func describe(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "an array"
	case string:
		if len(v) > 32 {
			v = v[:32] + "..."
		}
		return strconv.Quote(v)
	case json.Number:
		return "the number " + v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	return "null"
}

// object walks an object's members; the opening brace is read.
func (w *walker) object(t reflect.Type, path string) error {
	fields := map[string]reflect.Type{}
	strict := t.Kind() == reflect.Struct
	if strict {
		for f := range t.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			fields[name] = f.Type
		}
	}
	seen := map[string]bool{}
	for w.dec.More() {
		tok, err := w.token(path)
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		sub := key
		if path != "" {
			sub = path + "." + key
		}
		if seen[key] {
			return w.errorf(sub, "duplicate key %q", key)
		}
		seen[key] = true
		ft := reflect.TypeFor[any]()
		switch {
		case strict:
			var ok bool
			if ft, ok = fields[key]; !ok {
				for name := range fields {
					if strings.EqualFold(name, key) {
						return w.errorf(sub, "key %q is spelled %q", key, name)
					}
				}
				return w.errorf(sub, "unknown key %q", key)
			}
		case t.Kind() == reflect.Map:
			ft = t.Elem()
		}
		if err := w.value(ft, sub); err != nil {
			return err
		}
	}
	_, err := w.token(path)
	return err
}
