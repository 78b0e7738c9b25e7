// Package plugin registers the httpstatus analyzer as a golangci-lint
// module plugin under the name "httpstatus".
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
//	          allow: [499, 520]
//	          disable: [use-constant]
package plugin

import (
	"golang.org/x/tools/go/analysis"

	"github.com/golangci/plugin-module-register/register"
	"github.com/httpref/httpref/analysis/httpstatus"
)

// golangci-lint finds module plugins through this registration.
func init() { register.Plugin("httpstatus", New) }

// Settings is the plugin's configuration in .golangci.yml.
type Settings struct {
	Allow   []int    `json:"allow"`   // codes never reported as unknown, non-standard or deprecated
	Disable []string `json:"disable"` // categories not to report
}

// Plugin is the httpstatus linter as a golangci-lint module plugin.
type Plugin struct {
	settings Settings
}

// New decodes the settings from .golangci.yml and returns the plugin.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, err
	}
	return &Plugin{settings: s}, nil
}

// BuildAnalyzers returns the configured httpstatus analyzer.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{httpstatus.New(httpstatus.Config{
		Allow:   p.settings.Allow,
		Disable: p.settings.Disable,
	})}, nil
}

// GetLoadMode reports that the analyzer needs type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
