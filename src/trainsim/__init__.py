"""trainsim: a practice simulator for clinicians in training."""

__version__ = "0.1.0"
