"""Print a comparison of more than two maps: the links files, and the recurring claims as chains in date order."""
from __future__ import annotations

import html
import json
from collections import Counter
from typing import TYPE_CHECKING

from ..checking.links import RELATIONS

if TYPE_CHECKING:
    from ..comparing.many import Chain, Corpus, Node


def _when(model) -> str:
    return str(model.source.published or "undated")


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _counts(counts: dict) -> str:
    return ", ".join(f"{n} {r}" for r, n in counts.items() if n) or "none"


def _summary(corpus: Corpus) -> str:
    spans = Counter(len(c.maps) for c in corpus.chains)
    widest = max(spans, default=0)
    text = (f"{len(corpus.maps)} maps ({_when(corpus.maps[0])} to {_when(corpus.maps[-1])}), "
            f"{len(corpus.links)} links file{'s' * (len(corpus.links) != 1)}, "
            f"{sum(len(k.links) for k in corpus.links)} links; {len(corpus.chains)} claim{'s' * (len(corpus.chains) != 1)} "
            f"recur across two or more essays")
    if widest:
        text += f", {spans[widest]} of them across {widest}"
    return text + "."


def _node(node: Node) -> str:
    return f"{_when(node.map)} {node.map.id} {node.claim.id}: {_short(node.claim.text, 80)}"


def as_text(corpus: Corpus) -> str:
    lines = [f"Comparing {len(corpus.maps)} maps in date order: "
             + ", ".join(f"{m.id} ({_when(m)}, {len(m.claims)} claims)" for m in corpus.maps),
             _summary(corpus), "", "Links files:"]
    for links, counts in corpus.pair_counts():
        lines.append(f"  {links.a.id} \u2013 {links.b.id}: {len(links.links)} links ({_counts(counts)}); {links.file}")
    lines += ["", f"Recurring claims, as chains of links in date order: {len(corpus.chains)}"]
    for number, chain in enumerate(corpus.chains, 1):
        relations = _counts({r: sum(k.relation == r for k in chain.links) for r in RELATIONS})
        lines.append(f"  Chain {number}: {len(chain.nodes)} claims in {len(chain.maps)} essays ({relations})")
        for node in chain.nodes:
            lines.append(f"    {_node(node)}")
        for k in chain.links:
            lines.append(f"      {k.earlier.map.id}:{k.earlier.claim.id} --{k.relation}--> "
                         f"{k.later.map.id}:{k.later.claim.id}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown(corpus: Corpus) -> str:
    out = [f"# {len(corpus.maps)} essays compared", "", _summary(corpus), "",
           "| map | published | claims |", "| --- | --- | ---: |"]
    out += [f"| `{m.id}` | {_when(m)} | {len(m.claims)} |" for m in corpus.maps]
    out += ["", "| links file | links | by relation |", "| --- | ---: | --- |"]
    out += [f"| `{k.a.id}` \u2013 `{k.b.id}` | {len(k.links)} | {_counts(c)} |" for k, c in corpus.pair_counts()]
    out += ["", f"## Recurring claims: {len(corpus.chains)}", ""]
    for number, chain in enumerate(corpus.chains, 1):
        out += [f"### Chain {number}: {len(chain.maps)} essays", "", "| published | map | claim |", "| --- | --- | --- |"]
        out += [f"| {_when(n.map)} | `{n.map.id}` | {_cell(n.claim.text)} (`{n.claim.id}`) |" for n in chain.nodes]
        out += ["", "Links: " + "; ".join(f"`{k.earlier.claim.id}` {k.relation} `{k.later.claim.id}`"
                                            for k in chain.links) + ".", ""]
    return "\n".join(out)


def _node_json(node: Node) -> dict:
    return {"map": node.map.id, "published": node.map.source.published, "id": node.claim.id,
            "text": node.claim.text, "role": node.claim.role}


def _chain_json(chain: Chain) -> dict:
    return {"maps": [m.id for m in chain.maps], "claims": [_node_json(n) for n in chain.nodes],
            "links": [{"from": {"map": k.earlier.map.id, "id": k.earlier.claim.id},
                       "to": {"map": k.later.map.id, "id": k.later.claim.id},
                       "relation": k.relation, "note": k.note} for k in chain.links]}


def as_dict(corpus: Corpus) -> dict:
    return {
        "summary": _summary(corpus),
        "maps": [{"id": m.id, "title": m.title, "file": m.file, "published": m.source.published,
                  "claims": len(m.claims)} for m in corpus.maps],
        "links_files": [{"file": k.file, "a": k.a.id, "b": k.b.id, "links": len(k.links), "by_relation": c}
                        for k, c in corpus.pair_counts()],
        "chains": [_chain_json(c) for c in corpus.chains],
    }


def as_json(corpus: Corpus) -> str:
    return json.dumps(as_dict(corpus), indent=2, ensure_ascii=False)


_PAGE_SCRIPT = """
(function(){
  var data = JSON.parse(document.getElementById('argmap-chains').textContent);
  var list = document.getElementById('chains'), filter = document.getElementById('filter');
  function el(tag, cls, text){var e=document.createElement(tag); if(cls) e.className=cls; if(text!=null) e.textContent=text; return e;}
  function draw(){
    var q = filter.value.toLowerCase(); list.replaceChildren();
    data.chains.forEach(function(chain, n){
      var words = chain.claims.map(function(c){return c.text + ' ' + c.id + ' ' + c.map;}).join(' ').toLowerCase();
      if(q && words.indexOf(q) < 0) return;
      var box = el('section', 'chain'); box.appendChild(el('h2', null, 'Chain ' + (n + 1) + ': ' + chain.maps.length + ' essays'));
      var ol = el('ol');
      chain.claims.forEach(function(c){
        var li = el('li'); li.appendChild(el('span', 'when', (c.published || 'undated') + ' \\u00b7 ' + c.map));
        li.appendChild(el('span', 'text', c.text)); li.appendChild(el('code', null, c.id)); ol.appendChild(li);
      });
      box.appendChild(ol);
      var ul = el('ul', 'links');
      chain.links.forEach(function(k){ ul.appendChild(el('li', 'rel-' + k.relation, k.from.map + ':' + k.from.id + ' \\u2192 ' + k.relation + ' \\u2192 ' + k.to.map + ':' + k.to.id)); });
      box.appendChild(ul); list.appendChild(box);
    });
  }
  filter.addEventListener('input', draw); draw();
})();
"""

_PAGE_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;max-width:60rem;margin:1rem auto;padding:0 1rem}
.chain{border:1px solid #ccc;border-radius:6px;padding:.4rem 1rem;margin:.8rem 0;background:#fafafa}
.chain h2{font-size:1rem;margin:.3rem 0}
.when{display:inline-block;min-width:14rem;color:#555;font-size:.85rem}
.text{margin-right:.5rem}
code{color:#666;font-size:.8rem}
.links{color:#444;font-size:.85rem}
.rel-contradicts{color:#D55E00}.rel-develops{color:#7B3294}.rel-same{color:#009E73}.rel-recast{color:#0072B2}
#filter{width:100%;padding:.4rem;font-size:1rem}
"""


def as_html(corpus: Corpus) -> bytes:
    """The explorer's page for many essays: every chain, filterable, self-contained (nothing from the network)."""
    payload = json.dumps(as_dict(corpus), ensure_ascii=False)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    title = html.escape(f"{len(corpus.maps)} essays compared")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{_PAGE_STYLE}</style></head>
<body><h1>{title}</h1><p>{html.escape(_summary(corpus))}</p>
<input id="filter" type="search" placeholder="Filter chains by a word, a claim id or a map id">
<main id="chains"></main>
<script type="application/json" id="argmap-chains">{payload}</script>
<script>{_PAGE_SCRIPT}</script>
</body></html>
""".encode()


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}
