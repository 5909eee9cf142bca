"""Drawing a GraphView: the vis-network page (``page``) and its message protocol."""
