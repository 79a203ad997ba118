"""What an uploaded meeting document really is, decided from its bytes, not its name."""

import zipfile

from meetings.models import FileType

CONTENT_TYPES = {
    FileType.PDF: "application/pdf",
    FileType.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileType.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# The part that makes an Office Open XML package a Word document or a workbook.
_OOXML_MAIN_PART = {
    "word/document.xml": FileType.DOCX,
    "xl/workbook.xml": FileType.XLSX,
}


def sniff_file_type(upload) -> str | None:
    """FileType of an uploaded file from its content (PDF header, or an OOXML zip package with
    its main part), or None when it is neither. Leaves the file positioned at its start."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return FileType.PDF
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for part, file_type in _OOXML_MAIN_PART.items():
        if part in names:
            return file_type
    return None
