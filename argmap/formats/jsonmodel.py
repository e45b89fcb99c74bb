"""The validated model as JSON, for programs; its shape is published as schema/argmap-model.schema.json."""

from __future__ import annotations

import json

from ..model import ArgumentMap


def as_dict(model: ArgumentMap) -> dict:
    source = model.source
    return {
        "argmap-model": 1,
        "id": model.id,
        "title": model.title,
        "description": model.description,
        "thesis": model.thesis,
        "source": {
            "title": source.title,
            "author": source.author,
            "published": source.published,
            "file": source.file,
            "sha256": source.sha256,
            "url": source.url,
            "omitted": [{"quotes": list(o.quotes), "reason": o.reason, "draft": o.draft} for o in source.omitted],
            "connectives": list(source.connectives),
        },
        "actors": [{"id": a.id, "name": a.name, "note": a.note} for a in model.actors.values()],
        "sections": [{"id": s.id, "title": s.title, "note": s.note} for s in model.sections.values()],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "role": c.role,
                "quotes": list(c.quotes),
                "implicit": c.implicit,
                "actors": list(c.actors),
                "section": c.section,
                "tags": list(c.tags),
                "note": c.note,
                "specifies": list(c.specifies),
                "means-to": list(c.means_to),
                "conditional": {"if": c.antecedent, "then": c.consequent} if c.conditional else None,
                "draft": c.draft,
            }
            for c in model.claims.values()
        ],
        "arguments": [
            {
                "id": a.id,
                "conclusion": a.conclusion,
                "premises": list(a.premises),
                "scheme": a.scheme,
                "text": a.text,
                "section": a.section,
                "tags": list(a.tags),
                "note": a.note,
                "exhaustive": a.exhaustive,
                "corollary": a.corollary,
                "draft": a.draft,
            }
            for a in model.arguments.values()
        ],
        "objections": [
            {"id": o.id, "claim": o.claim, "target": o.target, "kind": o.kind, "note": o.note, "draft": o.draft}
            for o in model.objections.values()
        ],
        "tensions": [
            {"id": t.id, "claims": list(t.claims), "kind": t.kind, "note": t.note} for t in model.tensions.values()
        ],
    }


def dump(model: ArgumentMap) -> str:
    return json.dumps(as_dict(model), indent=2, ensure_ascii=False) + "\n"
