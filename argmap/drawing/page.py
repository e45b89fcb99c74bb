"""A self-contained HTML page around a map's SVG: click or hover a node to read its text, quote and place."""
from __future__ import annotations

import html
import json
from pathlib import Path

from ..model import ArgumentMap

_STYLE = """
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;display:flex;height:100vh}
#diagram{flex:1;overflow:auto;padding:8px}
#diagram svg{max-width:none;height:auto}
#panel{width:26rem;max-width:40vw;border-left:1px solid #ccc;padding:1rem 1.2rem;overflow:auto;background:#fafafa}
#panel h1{font-size:1.1rem;margin:.2rem 0 .6rem}
#panel .role{font-size:.75rem;letter-spacing:.05em;color:#555;text-transform:uppercase}
#panel blockquote{margin:.6rem 0;padding:.3rem .8rem;border-left:4px solid #0072B2;background:#fff;font-style:italic}
#panel .where{color:#555;font-size:.85rem}
g.node{cursor:pointer}
g.node.selected path,g.node.selected polygon,g.node.selected ellipse{stroke:#000;stroke-width:3px}
"""  # noqa: E501 - CSS rules, one per line as the page carries them

_SCRIPT = """
(function(){
  var data = JSON.parse(document.getElementById('argmap-data').textContent);
  var panel = document.getElementById('panel');
  function el(tag, cls, text){var e=document.createElement(tag); if(cls) e.className=cls; if(text!=null) e.textContent=text; return e;}
  function show(id){
    var item = data[id]; if(!item) return;
    panel.replaceChildren();
    panel.appendChild(el('div','role',item.kind));
    panel.appendChild(el('h1','text',item.text));
    (item.quotes||[]).forEach(function(q){panel.appendChild(el('blockquote','quote','\\u201c'+q+'\\u201d'));});
    (item.details||[]).forEach(function(d){panel.appendChild(el('p','where',d));});
    document.querySelectorAll('g.node.selected').forEach(function(n){n.classList.remove('selected');});
    var node = document.getElementById(id); if(node) node.classList.add('selected');
    panel.dataset.shown = id;
  }
  document.querySelectorAll('#diagram g.node').forEach(function(node){
    var id = node.id;
    node.addEventListener('click', function(){show(id);});
    node.addEventListener('mouseenter', function(){ if(!panel.dataset.pinned) show(id);});
  });
  document.getElementById('diagram').addEventListener('click', function(e){ panel.dataset.pinned = e.target.closest('g.node') ? '1' : ''; });
  window.argmapShow = show;
  // keep the shown node across reloads, and reload when the file changes (when served over http)
  var initial = decodeURIComponent(location.hash.slice(1)); if(initial) { show(initial); panel.dataset.pinned = '1'; }
  var origShow = show; window.argmapShow = show = function(id){ origShow(id); history.replaceState(null, '', '#' + encodeURIComponent(id)); };
  if(location.protocol.indexOf('http') === 0){
    var version = null;
    var check = function(){
      fetch(location.pathname, {method: 'HEAD', cache: 'no-store'}).then(function(r){
        var now = r.headers.get('ETag') || r.headers.get('Last-Modified');
        if(version && now && now !== version) location.reload();
        version = now;
      }).catch(function(){});
    };
    check();  // at once, so that a change right after loading is not taken for the first version
    setInterval(check, 700);
  }
})();
"""  # noqa: E501 - the page's script, kept as the page carries it


def _details(model: ArgumentMap, claim, places) -> list[str]:
    lines = []
    if claim.actors:
        lines.append("Actor: " + ", ".join(model.actors[a].name for a in claim.actors))
    if claim.section:
        section = model.sections.get(claim.section)
        lines.append("Section: " + (section.title if section else claim.section))
    where = sorted(set(places.get(claim.id, ())))
    if where:
        lines.append(f"Source: {model.source.file}, line{'s' * (len(where) > 1)} {', '.join(map(str, where))}")
    if claim.implicit:
        lines.append("Implicit: reconstructed by the mapper, not said in the essay.")
    if claim.note:
        lines.append("Note: " + claim.note)
    lines.append(f"Id: {claim.id}" + (f" (map file {Path(model.file).name}, line {claim.line})" if model.file else ""))
    return lines


def entries(model: ArgumentMap, places: dict[str, list[int]] | None = None, side: str = "") -> dict[str, dict]:
    """What the panel shows for each node, keyed by the node's SVG id."""
    from .graph import svg_id

    places = places or {}
    found = {}
    for c in model.claims.values():
        found[svg_id("claim", c.id, side)] = {
            "kind": c.role + (" (implicit)" if c.implicit else "") + (f" \u00b7 {model.id}" if side else ""),
            "text": c.text, "quotes": list(c.quotes), "details": _details(model, c, places)}
    for a in model.arguments.values():
        found[svg_id("argument", a.id, side)] = {
            "kind": "argument" + (f" ({a.scheme})" if a.scheme else ""),
            "text": a.text or f"Why: {model.claims[a.conclusion].text}", "quotes": [],
            "details": [f"Premises: {', '.join(model.claims[p].text for p in a.premises)}",
                        f"Conclusion: {model.claims[a.conclusion].text}", f"Id: {a.id}"]}
    return found


def page(title: str, svg: bytes, data: dict[str, dict]) -> bytes:
    """The HTML page: the SVG inline, the texts as JSON, and a little script; nothing from the network."""
    # '<' never appears raw inside the script element, so no text can close it early
    payload = (json.dumps(data, ensure_ascii=False)
               .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
    svg_text = svg.decode("utf-8")
    svg_text = svg_text[svg_text.find("<svg"):]  # drop the XML prolog and DOCTYPE: inline SVG takes neither
    title = html.escape(title)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{_STYLE}</style></head>
<body>
<main id="diagram">{svg_text}</main>
<aside id="panel"><div class="role">argmap</div><h1>{title}</h1><p class="where">Hover over a node to read it; click to keep it here.</p></aside>
<script type="application/json" id="argmap-data">{payload}</script>
<script>{_SCRIPT}</script>
</body></html>
""".encode()  # noqa: E501 - the page's markup, kept as served
