// Package places calls functions that the configuration names as places.
package places

import "lib"

func use() {
	lib.Send(nil, 777) // want `^lib.Send with 777: not an HTTP status code`
	lib.Send(nil, 200)
	r := &lib.Resp{}
	r.Reply(200) // want `^lib.Resp.Reply with 200 OK, which is not a redirect`
	r.Reply(308)
	r.Other(777)
}
