"""PDF for print: the section overview, then each section of the essay on its own page, in tiles where it is too
big to read on one A4 page. dot writes one page per run, so the pages are drawn one by one and joined here.
"""
from __future__ import annotations

import math
import re

from ..model import ArgumentMap
from .dot import run_dot
from .graph import RenderOptions, _html, build_graph

A4 = (595.0, 842.0)  # points
MARGIN = 28.0  # a printer's margin, about 1 cm
SMALLEST = 0.7  # the least a page may shrink the drawing: 11-point text stays above 7.5 points


def section_groups(model: ArgumentMap) -> list[tuple[str, set[str]]]:
    """(title, ids to draw) for each section in the essay's order, then the claims without a section: a
    section's claims and the arguments whose conclusion it holds."""
    members: dict[str | None, set[str]] = {}
    for claim in model.claims.values():
        members.setdefault(claim.section, set()).add(claim.id)
    order: list[str | None] = [s for s in model.sections if s in members] + ([None] if None in members else [])
    order += [s for s in members if s not in order]
    groups = []
    for section in order:
        claims = members[section]
        arguments = {a.id for a in model.arguments.values() if a.conclusion in claims and set(a.premises) & claims}
        title = (model.sections[section].title if section and section in model.sections
                 else section or "Claims in no section")
        groups.append((title, claims | arguments))
    return groups


def _size(svg: bytes) -> tuple[float, float]:
    found = re.search(rb'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"', svg)
    return (float(found.group(1)), float(found.group(2))) if found else A4


def _with(source: str, attributes: str) -> str:
    """The DOT text with attributes added to the root graph's (its first, single-tab "graph [" line)."""
    return source.replace("\tgraph [", f"\tgraph [margin=0 {attributes} ", 1)


def pages_of(source: str, timeout: float, warn, tiles: bool = True) -> list[bytes]:
    """One drawing as single-page PDFs: shrunk onto one A4 page (either way round) when that keeps it readable,
    else (unless not tiles: then no page at all) cut into A4 tiles, read row by row."""
    width, height = _size(run_dot(source, "svg", timeout, warn))
    best = max(((min(1.0, (w - 2 * MARGIN) / width, (h - 2 * MARGIN) / height), w, h) for w, h in (A4, A4[::-1])))
    scale, page_w, page_h = best
    if scale >= SMALLEST:
        inches = f'{(page_w - 2 * MARGIN) / 72:.2f},{(page_h - 2 * MARGIN) / 72:.2f}'
        return [run_dot(_with(source, f'size="{inches}"'), "pdf", timeout, warn)]
    if not tiles:
        return []
    page_w, page_h = A4 if height >= width else A4[::-1]
    # each tile shows this much of the drawing, shrunk by SMALLEST onto the page
    tile_w, tile_h = (page_w - 2 * MARGIN) / SMALLEST, (page_h - 2 * MARGIN) / SMALLEST
    columns, rows = math.ceil(width / tile_w), math.ceil(height / tile_h)
    pages: list[bytes] = []
    for row in range(rows):
        for column in range(columns):
            # viewport: the page's size in points, the zoom, and the window's centre in dot's coordinates (y up)
            x = min(width - tile_w / 2, (column + 0.5) * tile_w) if width > tile_w else width / 2
            y = max(tile_h / 2, height - (row + 0.5) * tile_h) if height > tile_h else height / 2
            size = f"{min(tile_w, width) * SMALLEST:.0f},{min(tile_h, height) * SMALLEST:.0f}"
            pages.append(run_dot(_with(source, f'viewport="{size},{SMALLEST},{x:.1f},{y:.1f}"'), "pdf", timeout, warn))
    return pages


def pdf_pages(model: ArgumentMap, options: RenderOptions, timeout: float, warn) -> bytes:
    """The map for print: on one A4 page when it is readable there; else its overview, then a page (or tiles)
    per section; a map without sections in tiles."""
    from .overview import build_overview

    whole = build_graph(model, options).source
    parts = pages_of(whole, timeout, warn, tiles=not model.sections)
    if parts:  # the whole map is readable on one page, or has no sections to cut it by
        return join_pdfs(parts)
    parts = pages_of(build_overview(model, options).source, timeout, warn)
    for title, keep in section_groups(model):
        graph = build_graph(model, options, keep=keep)
        graph.graph_attr["label"] = f"<{_html(model.title, 80, 300)}<BR/><B>{_html(title, 80, 300)}</B>>"
        parts += pages_of(graph.source, timeout, warn)
    return join_pdfs(parts)


_OBJECT = re.compile(rb"(\d+) 0 obj")
_REFERENCE = re.compile(rb"(\d+) 0 R\b")
_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Each object's body (between 'N 0 obj' and 'endobj') of a PDF with a plain xref table, as cairo writes."""
    xref = re.search(rb"startxref\s+(\d+)", pdf)
    if xref is None:
        raise ValueError("not a PDF with a cross-reference table")
    start = int(xref.group(1))
    offsets = sorted(int(m.group(1)) for m in re.finditer(rb"(\d{10}) 00000 n", pdf[start:]))
    found = {}
    for begin, end in zip(offsets, [*offsets[1:], start], strict=True):
        chunk = pdf[begin:end]
        header = _OBJECT.match(chunk)
        if header is None:
            raise ValueError(f"no object at offset {begin}")
        body = chunk[header.end():chunk.rindex(b"endobj")]
        found[int(header.group(1))] = body
    return found


def join_pdfs(pdfs: list[bytes]) -> bytes:
    """One PDF holding every page of the given single-file PDFs, in order (each file's objects renumbered)."""
    if len(pdfs) == 1:
        return pdfs[0]
    objects: list[bytes] = []
    pages: list[int] = []
    root = 1  # the joined file's page tree; its catalog comes last
    for pdf in pdfs:
        found = _objects(pdf)
        base = len(objects)  # old number n becomes base + n
        numbers = {old: base + old for old in found}

        def renumber(part: bytes, numbers: dict[int, int] = numbers) -> bytes:
            return _REFERENCE.sub(lambda m: b"%d 0 R" % numbers.get(int(m.group(1)), int(m.group(1))), part)

        for old in range(1, max(found) + 1):
            body = found.get(old, b" null ")
            stream = body.find(b"stream")
            head, tail = (body, b"") if stream < 0 else (body[:stream], body[stream:])
            head = renumber(head)
            if _PAGE.search(head):
                head = re.sub(rb"/Parent\s+\d+ 0 R", b"/Parent PARENT", head)
                pages.append(base + old)
            elif re.search(rb"/Type\s*/(Pages|Catalog)\b", head):
                head, tail = b" null ", b""  # replaced by the joined file's own
            objects.append(head + tail)
    total = len(objects)
    root = total + 1
    catalog = total + 2
    objects = [o.replace(b"/Parent PARENT", b"/Parent %d 0 R" % root) for o in objects]
    kids = b" ".join(b"%d 0 R" % page for page in pages)
    objects.append(b" << /Type /Pages /Kids [ " + kids + b" ] /Count %d >> " % len(pages))
    objects.append(b" << /Type /Catalog /Pages %d 0 R >> " % root)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)
