"""Captions left behind by removed images: short stand-alone lines describing a picture."""

from __future__ import annotations

from generator.model import Doc


def apply(doc: Doc) -> Doc:
    """Mark stand-alone picture captions inside the body."""
    return doc
