"""The pure session engine."""

from trainsim.engine.session import Clock, Session, SessionError

__all__ = ["Clock", "Session", "SessionError"]
