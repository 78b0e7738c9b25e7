package httpref

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Producer is a set of the layers that usually produce a code: the origin
// application, its framework, a web server, a reverse proxy, a CDN, a load
// balancer, a platform (API gateway, hosting panel), the client itself;
// ProducerLogsOnly marks a code that is written to logs and never sent to
// a client, such as nginx's 444 and 499 and the AWS ALB's 460. The source
// table says which for each code; the zero Producer is the empty set.
type Producer uint16

// The producers, one bit each, in the order of the source table's
// spellings.
const (
	ProducerOrigin       Producer = 1 << iota // the application that owns the resource
	ProducerFramework                         // the application's framework or server library
	ProducerWebServer                         // a web server such as IIS, Apache httpd or nginx serving files
	ProducerReverseProxy                      // a reverse proxy such as nginx, Envoy or HAProxy
	ProducerCDN                               // a content delivery network such as Cloudflare
	ProducerLoadBalancer                      // a load balancer such as the AWS ALB
	ProducerPlatform                          // a platform: an API gateway, a hosting panel, a SaaS edge
	ProducerClient                            // the client or its operating system, not a server
	ProducerLogsOnly                          // written to logs and never sent to a client
)

// Has reports whether p holds every producer of q.
func (p Producer) Has(q Producer) bool { return q != 0 && p&q == q }

// Names returns the names of the producers in p, in bit order, such as
// ["reverse_proxy", "logs_only"].
func (p Producer) Names() []string {
	var out []string
	for i, n := range producerNames {
		if p&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// String returns the names joined by commas, or "none".
func (p Producer) String() string {
	if p == 0 {
		return "none"
	}
	return strings.Join(p.Names(), ", ")
}

// MarshalJSON implements json.Marshaler: an array of names.
func (p Producer) MarshalJSON() ([]byte, error) {
	names := p.Names()
	if names == nil {
		names = []string{}
	}
	return json.Marshal(names)
}

// UnmarshalJSON implements json.Unmarshaler: it reads an array of the
// names MarshalJSON writes.
func (p *Producer) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	var out Producer
	for _, n := range names {
		found := false
		for i, pn := range producerNames {
			if n == pn {
				out |= 1 << i
				found = true
			}
		}
		if !found {
			return fmt.Errorf("httpref: unknown producer %q (want one of %s)", clipInput(n), strings.Join(producerNames[:], ", "))
		}
	}
	*p = out
	return nil
}

// Producers returns the layers that usually produce the code.
func (s Status) Producers() Producer { return s.entry().producers }

// LogOnly reports whether the code is only ever written to logs and never
// sent to a client, such as nginx's 444 and 499 and the AWS ALB's 460.
// Such codes record events (a closed connection, a dropped request) that
// no other code may stand for in a log.
func (s Status) LogOnly() bool { return s.entry().producers.Has(ProducerLogsOnly) }
