"""A DOCX as the national database publishes it → the lines of a plain text.

Each paragraph of the document body is one line (a manual line break inside a paragraph
starts another line with the same number); tables and headers are not the regulation's
text. Read with python-docx.
"""

from __future__ import annotations

import io
import zipfile

from kg.errors import ParseError
from kg.source.formats import Document, plain
from kg.source.formats.repairs import Line


def document(data: bytes, source: str) -> Document:
    from docx import Document as open_docx  # imported here: only DOCX input needs it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        paragraphs = open_docx(io.BytesIO(data)).paragraphs
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ParseError(source, None, f"not a readable DOCX file ({exc}); save it again "
                         "from Word or as UTF-8 text") from None
    lines = [Line(number, piece) for number, paragraph in enumerate(paragraphs, start=1)
             for piece in paragraph.text.split("\n")]
    return plain.document(lines, source, "docx")
