package plugin

import (
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/httpref/httpref/analysis/httpstatus"
)

func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin("httpstatus")
	require.NoError(t, err)
	p, err := newPlugin(map[string]any{
		"allow":   []any{499, 520},
		"disable": []any{"deprecated-code"},
		"enable":  []any{"use-constant"},
		"places":  []any{"example.com/api.Send:1", "example.com/api.(*W).Go:0:redirect"},
	})
	require.NoError(t, err)
	assert.Equal(t, register.LoadModeTypesInfo, p.GetLoadMode())
	as, err := p.BuildAnalyzers()
	require.NoError(t, err)
	require.Len(t, as, 2)
	assert.Equal(t, "httpstatus", as[0].Name)
	assert.Equal(t, "handlerflow", as[1].Name)
	assert.Equal(t, httpstatus.Config{
		Allow:   []int{499, 520},
		Disable: []string{"deprecated-code"},
		Enable:  []string{"use-constant"},
		Places: []httpstatus.Place{
			{Func: "example.com/api.Send", Arg: 1, Rule: httpstatus.RuleStatus},
			{Func: "example.com/api.W.Go", Arg: 0, Rule: httpstatus.RuleRedirect},
		},
	}, p.(*Plugin).cfg)
}

func TestPluginFlowOff(t *testing.T) {
	newPlugin, err := register.GetPlugin("httpstatus")
	require.NoError(t, err)
	p, err := newPlugin(map[string]any{"flow": false})
	require.NoError(t, err)
	as, err := p.BuildAnalyzers()
	require.NoError(t, err)
	require.Len(t, as, 1)
	assert.Equal(t, "httpstatus", as[0].Name)
}

func TestPluginSettingsErrors(t *testing.T) {
	newPlugin, err := register.GetPlugin("httpstatus")
	require.NoError(t, err)
	tests := []struct {
		name     string
		settings map[string]any
		want     string
	}{
		{"not a list", map[string]any{"allow": "not a list"}, ""},
		{"unknown disable", map[string]any{"disable": []any{"use-constants"}}, `unknown category "use-constants"`},
		{"unknown enable", map[string]any{"enable": []any{"everything"}}, `unknown category "everything"`},
		{"bad place", map[string]any{"places": []any{"example.com/api.Send"}}, "want importpath.Func:argIndex"},
		{"bad index", map[string]any{"places": []any{"example.com/api.Send:x"}}, `argument index "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newPlugin(tt.settings)
			require.Error(t, err)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}
