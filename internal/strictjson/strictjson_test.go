package strictjson

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type entry struct {
	Code   int               `json:"code"`
	Phrase string            `json:"phrase"`
	Tags   []string          `json:"tags"`
	Extra  map[string]string `json:"extra"`
}

type doc struct {
	Entries []entry `json:"entries"`
}

func TestDecode(t *testing.T) {
	var d doc
	require.NoError(t, Decode([]byte(`{"entries": [{"code": 404, "phrase": "Not Found", "tags": ["a"], "extra": {"Any": "key"}}]}`), &d))
	assert.Equal(t, 404, d.Entries[0].Code)
	assert.Equal(t, "key", d.Entries[0].Extra["Any"], "map keys are free")
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in   string
		line, col  int
		path, want string
	}{
		{"duplicate key", "{\"entries\": [\n {\"code\": 404, \"phrase\": \"a\", \"phrase\": \"b\"}]}", 2, 39, "entries[0].phrase", `duplicate key "phrase"`},
		{"wrong case", "{\"entries\": [{\"code\": 404,\n \"Phrase\": \"a\"}]}", 2, 10, "entries[0].Phrase", `key "Phrase" is spelled "phrase"`},
		{"unknown key", `{"entries": [{"code": 404, "phrases": "a"}]}`, 1, 37, "entries[0].phrases", `unknown key "phrases"`},
		{"trailing comma", "{\"entries\": [\n  {\"code\": 404,}\n]}", 2, 16, "entries[0]", "JSON syntax"},
		{"bom", "\xef\xbb\xbf{}", 1, 1, "", "byte order mark"},
		{"truncated", `{"entries": [{"code": 404`, 1, 26, "entries[0]", "ends too early"},
		{"type", `{"entries": [{"code": "404"}]}`, 1, 28, "entries[0].code", `want an integer here, not "404"`},
		{"not an array", `{"entries": {"code": 404}}`, 1, 14, "entries", "want an array here, not an object"},
		{"trailing data", `{} {}`, 1, 5, "", "after the top-level value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			err := Decode([]byte(tc.in), &d)
			require.Error(t, err)
			var e *Error
			require.True(t, errors.As(err, &e), "%T: %v", err, err)
			assert.Contains(t, e.Msg, tc.want)
			assert.Equal(t, tc.path, e.Path)
			assert.Equal(t, tc.line, e.Line, err.Error())
			assert.Equal(t, tc.col, e.Column, err.Error())
		})
	}
}
