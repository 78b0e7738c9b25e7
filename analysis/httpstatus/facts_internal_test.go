package httpstatus

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFactGob checks that the fact survives the gob encoding that
// unitchecker (go vet) uses to pass facts between packages.
func TestFactGob(t *testing.T) {
	in := &statusParams{Params: []statusParam{{1, siteWrite}, {3, siteRedirect}}}
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(in))
	out := new(statusParams)
	require.NoError(t, gob.NewDecoder(&buf).Decode(out))
	assert.Equal(t, in, out)
	assert.Equal(t, "status at argument 1,3", out.String())
}
