package plugin

import (
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin("httpstatus")
	require.NoError(t, err)
	p, err := newPlugin(map[string]any{"allow": []any{499, 520}, "disable": []any{"use-constant"}})
	require.NoError(t, err)
	assert.Equal(t, register.LoadModeTypesInfo, p.GetLoadMode())
	as, err := p.BuildAnalyzers()
	require.NoError(t, err)
	require.Len(t, as, 1)
	assert.Equal(t, "httpstatus", as[0].Name)
	assert.Equal(t, Settings{Allow: []int{499, 520}, Disable: []string{"use-constant"}}, p.(*Plugin).settings)

	_, err = newPlugin(map[string]any{"allow": "not a list"})
	assert.Error(t, err)
}
