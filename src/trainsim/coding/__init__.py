"""The free-text coder: a clinician's typed turn (plus the client's last line) -> codes with spans.

Pure, deterministic and offline: standard library only, with a small weights
file shipped beside this module.

    >>> from trainsim.coding import code
    >>> code("What goes through your mind when that happens?").question
    'open'
"""

from trainsim.coding.coder import code, code_many
from trainsim.coding.codes import LABELS, Codes

__all__ = ["LABELS", "Codes", "code", "code_many"]
