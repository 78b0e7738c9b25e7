// Package codes holds status codes that other packages use.
package codes

// Closed is a variable: its value is not known at compile time.
var Closed = 499

// Calm is a constant, so uses of it are checked.
const Calm = 420
