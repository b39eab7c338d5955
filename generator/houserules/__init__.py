"""houserules: councils' social-media house rules, published from one YAML source."""

__version__ = "0.1.0"
