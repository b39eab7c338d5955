"""One detector per check kind. Each takes the prepared comment, the context
and the rule's check settings, and returns Signals."""
