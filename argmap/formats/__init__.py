"""Other formats that argmap writes and reads: one module per format, each with dump() and, where it reads, load()."""
