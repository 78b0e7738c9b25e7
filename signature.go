package httpref

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

//go:generate go run ./gen/signatures

// signature is one error signature; the generated array signatures holds
// them, by product then id.
type signature struct {
	id, product, text, meaning, source string
	layer                              Layer
	codes                              span   // into sigCodes
	literal                            int    // literal bytes of text
	statusInText                       bool   // the text's {num} is the response's status
	alone                              bool   // common words: a match needs them to be much of the text (see aloneCover)
	naming                             string // for a signature marked alone with no placeholder, the words that name its product in a text, lower case, a space between (see talkReader.names)
	generic                            bool   // every word is one that status lines hold (see sigtable.DistinctMask): many products print it
}

// sigWord is one word of Explain's index with its span of sigPlaces.
type sigWord struct {
	word    string
	places  span
	anchors span   // of sigAnchors: the signatures the word anchors
	weight  uint16 // the word's length times its rarity among signatures, in tenths
	common  uint8  // for a common word, its index + 1 in sigCommonMask and sigCommonStart; else 0
}

// Layer is the layer of the stack that emits a message: a browser, a
// client library, a CDN, a load balancer, a reverse proxy, a web server,
// an application framework or a platform. The zero value, LayerUnknown,
// is the layer of no signature.
type Layer uint8

// The layers, outermost first.
const (
	LayerUnknown      Layer = iota // no layer
	LayerBrowser                   // a web browser: Chrome, Firefox, their consoles
	LayerClient                    // an HTTP client library
	LayerCDN                       // a content delivery network: Cloudflare, CloudFront
	LayerLoadBalancer              // a load balancer: AWS ALB, Google Cloud load balancing
	LayerReverseProxy              // a reverse proxy: nginx, Envoy, HAProxy, Traefik
	LayerWebServer                 // a web server: Apache httpd, IIS
	LayerFramework                 // an application framework: net/http, Django, Rails, Spring
	LayerPlatform                  // a platform: Heroku's router, API gateways
)

// layerNames are the Layer spellings; gen/signatures writes the same in
// the source table, and sigLayerCount guards the count.
var layerNames = [...]string{
	"unknown", "browser", "client_library", "cdn", "load_balancer", "reverse_proxy", "web_server", "framework", "platform",
}

// The generator's count of layers must match the constants above.
var _ = [1]struct{}{}[len(layerNames)-sigLayerCount]
var _ = [1]struct{}{}[sigLayerCount-1-int(LayerPlatform)]

// Layers returns the known layers, outermost first.
func Layers() []Layer {
	out := make([]Layer, 0, len(layerNames)-1)
	for l := LayerBrowser; int(l) < len(layerNames); l++ {
		out = append(out, l)
	}
	return out
}

// String returns the layer's snake_case name, such as "reverse_proxy", or
// "unknown" for the zero value.
func (l Layer) String() string {
	if int(l) < len(layerNames) {
		return layerNames[l]
	}
	return "Layer(" + strconv.Itoa(int(l)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It returns the String
// form, and an error for values without a name.
func (l Layer) MarshalText() ([]byte, error) {
	if int(l) >= len(layerNames) {
		return nil, fmt.Errorf("httpref: invalid layer %d", l)
	}
	return []byte(layerNames[l]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts exactly
// the String forms.
func (l *Layer) UnmarshalText(text []byte) error {
	for i, n := range layerNames {
		if string(text) == n {
			*l = Layer(i)
			return nil
		}
	}
	return fmt.Errorf("httpref: unknown layer %q (want one of %s)", clipInput(string(text)), strings.Join(layerNames[:], ", "))
}

// Signature is an error signature: a message, default page or log line
// that real software emits, with the status codes it goes with. It is a
// small immutable value; the zero Signature means none.
type Signature struct{ s *signature }

// noSignature stands behind the zero Signature.
var noSignature signature

func (g Signature) sig() *signature {
	if g.s == nil {
		return &noSignature
	}
	return g.s
}

// IsValid reports whether g is a signature rather than the zero value.
func (g Signature) IsValid() bool { return g.s != nil }

// ID returns the signature's stable id, such as "nginx-upstream-read-timeout".
func (g Signature) ID() string { return g.sig().id }

// Product returns the software that emits the message, such as "nginx".
func (g Signature) Product() string { return g.sig().product }

// Layer returns the layer the product sits in.
func (g Signature) Layer() Layer { return g.sig().layer }

// Text returns the message as the software prints it, with placeholders
// ({num}, {host}, {addr}, {path}, {url}, {id}, {text}) for the parts that
// vary.
func (g Signature) Text() string { return g.sig().text }

// Meaning returns what the message means and what to check.
func (g Signature) Meaning() string { return g.sig().meaning }

// Source returns where the message is defined: an upstream source file or
// the vendor's documentation.
func (g Signature) Source() string { return g.sig().source }

// Codes returns the status codes the message goes with, the main one
// first.
func (g Signature) Codes() []Code {
	sp := g.sig().codes
	if sp.n == 0 {
		return nil
	}
	return append([]Code(nil), sigCodes[sp.off:sp.off+sp.n]...)
}

// String returns "nginx (reverse_proxy): upstream timed out ...".
func (g Signature) String() string {
	if g.s == nil {
		return ""
	}
	return g.s.product + " (" + g.s.layer.String() + "): " + g.s.text
}

// MarshalJSON implements json.Marshaler: an object with the signature's
// id, product, layer, codes, text, meaning and source; the zero Signature
// is null.
func (g Signature) MarshalJSON() ([]byte, error) {
	if g.s == nil {
		return []byte("null"), nil
	}
	return json.Marshal(signatureJSON{g.ID(), g.Product(), g.Layer(), g.Codes(), g.Text(), g.Meaning(), g.Source()})
}

// signatureJSON is the JSON form of a Signature.
type signatureJSON struct {
	ID      string `json:"id"`
	Product string `json:"product"`
	Layer   Layer  `json:"layer"`
	Codes   []Code `json:"codes"`
	Text    string `json:"text"`
	Meaning string `json:"meaning"`
	Source  string `json:"source"`
}

// Signatures returns the error signatures that go with the status, by
// product.
func (s Status) Signatures() []Signature {
	i := position(s.Code())
	if i < 0 || s.e == nil {
		return nil
	}
	sp := sigByCode[i]
	if sp.n == 0 {
		return nil
	}
	out := make([]Signature, sp.n)
	for k, x := range sigIndex[sp.off : sp.off+sp.n] {
		out[k] = Signature{&signatures[x]}
	}
	return out
}

// AllSignatures returns every error signature, by product then id.
func AllSignatures() []Signature {
	out := make([]Signature, len(signatures))
	for i := range signatures {
		out[i] = Signature{&signatures[i]}
	}
	return out
}

// sigByCode has an entry per catalog entry; the generators guard it.
var _ = [1]struct{}{}[len(sigByCode)-catalogSize]
