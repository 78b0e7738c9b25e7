module example.com/proj

go 1.26.0
