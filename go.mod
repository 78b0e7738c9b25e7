module github.com/httpref/httpref

go 1.26.0

require (
	github.com/stretchr/testify v1.12.1 // indirect
	golang.org/x/text v0.44.0 // indirect
)
