hello, this is not a GOCAD file
