"""Reading: files to plain data, with a line and column for every node."""
