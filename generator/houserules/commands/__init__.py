"""One plain function per command-line command (as in MkDocs' commands/)."""
