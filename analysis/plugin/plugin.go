// Package plugin registers the httpstatus and handlerflow analyzers as a
// golangci-lint module plugin under the name "httpstatus".
//
// Build a custom golangci-lint with it (see the README), then configure:
//
//	linters:
//	  enable: [httpstatus]
//	  settings:
//	    custom:
//	      httpstatus:
//	        type: module
//	        description: HTTP status codes checked against the httpref catalog
//	        settings:
//	          allow: [520]
//	          disable: [deprecated-code]
//	          enable: [log-only-code]
//	          places:
//	            - example.com/api/respond.JSON:1
//	            - example.com/api/respond.(*Writer).Redirect:0:redirect
//	          flow: true   # also run handlerflow (the default)
//
// The settings mean what the command's flags of the same names mean, and
// are checked the same way: an unknown category or a malformed place is
// an error when golangci-lint loads the plugin. use-constant is off by
// default because golangci-lint's usestdlibvars reports the same literals;
// enable it here only if usestdlibvars is not used.
package plugin

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/golangci/plugin-module-register/register"
	"github.com/httpref/httpref/analysis/handlerflow"
	"github.com/httpref/httpref/analysis/httpstatus"
)

// golangci-lint finds module plugins through this registration.
func init() { register.Plugin("httpstatus", New) }

// Settings is the plugin's configuration in .golangci.yml.
type Settings struct {
	Allow   []int    `json:"allow"`   // codes never reported as unknown, non-standard or deprecated
	Disable []string `json:"disable"` // categories not to report
	Enable  []string `json:"enable"`  // opt-in categories to report
	Places  []string `json:"places"`  // extra places, importpath.Func:argIndex or importpath.Type.Method:argIndex
	Flow    *bool    `json:"flow"`    // whether to run handlerflow too; true when unset
}

// Config checks the settings and returns the analyzer configuration they
// describe.
func (s Settings) Config() (httpstatus.Config, error) {
	cfg := httpstatus.Config{Allow: s.Allow, Disable: s.Disable, Enable: s.Enable}
	for _, text := range s.Places {
		p, err := httpstatus.ParsePlace(text)
		if err != nil {
			return httpstatus.Config{}, fmt.Errorf("httpstatus: places: %w", err)
		}
		cfg.Places = append(cfg.Places, p)
	}
	if err := cfg.Validate(); err != nil {
		return httpstatus.Config{}, fmt.Errorf("httpstatus: %w", err)
	}
	return cfg, nil
}

// Plugin is the httpstatus linter as a golangci-lint module plugin.
type Plugin struct {
	settings Settings
	cfg      httpstatus.Config
}

// New decodes and checks the settings from .golangci.yml and returns the
// plugin.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, err
	}
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	return &Plugin{settings: s, cfg: cfg}, nil
}

// BuildAnalyzers returns the configured httpstatus analyzer and, unless
// the settings say flow: false, handlerflow.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as := []*analysis.Analyzer{httpstatus.New(p.cfg)}
	if p.settings.Flow == nil || *p.settings.Flow {
		as = append(as, handlerflow.Analyzer)
	}
	return as, nil
}

// GetLoadMode reports that the analyzer needs type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
