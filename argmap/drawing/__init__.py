"""Drawing: a valid map to a Graphviz graph, through dot, to SVG, PNG, PDF or an HTML page."""
