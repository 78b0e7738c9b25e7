//go:build !race

package httpref

const raceEnabled = false
