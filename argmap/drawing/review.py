"""The compare page's review block: every suggestion and draft, to accept, reject or retype, and the links file
that results, to download or copy. Self-contained: its data rides in the page's JSON (key "argmap-review"),
its style and script are inline, and nothing is fetched.

The links file is rebuilt from its own text: a draft's `draft:` line is rewritten in place (as a reviewer
would edit it by hand), and each decided suggestion is added at the end of the `links:` list, with the
file's sides; undecided suggestions are left out.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..comparing.compare import Comparison, Pair

KEY = "argmap-review"


def _end_of_links(lines: list[str]) -> tuple[int, str]:
    """(index of the line before which new links go, their indent) in a links file's lines."""
    start = next((i for i, line in enumerate(lines) if re.match(r"links\s*:", line)), len(lines))
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"[^\s#-]", lines[i])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    items = [line for line in lines[start + 1:end] if line.lstrip().startswith("- ")]
    indent = items[0][: len(items[0]) - len(items[0].lstrip())] if items else "  "
    return end, indent


def _item(pair: Pair, kind: str, swapped: bool, line: int | None = None) -> dict:
    a, b = (pair.b, pair.a) if swapped else (pair.a, pair.b)
    return {"kind": kind, "a": pair.a.id, "b": pair.b.id, "file_a": a.id, "file_b": b.id,
            "a_text": pair.a.text, "b_text": pair.b.text, "score": pair.score, "guess": pair.guess,
            "reasons": list(pair.reasons), "line": line}


def review_data(result: Comparison) -> dict:
    """What the block needs: the links file's text (or a new file's), where new links go, and every item."""
    from ..comparing.compare import links_names
    from ..comparing.review import default_links_path, new_links_file
    from ..reading.document import read_document

    a, b = result.a, result.b
    swapped = False
    if result.links_file and Path(result.links_file).is_file():
        path = Path(result.links_file)
        text = path.read_text(encoding="utf-8")
        names = links_names(read_document(path))
        swapped = bool(names and a.file and names[0] != Path(a.file).resolve())
    else:
        path = default_links_path(a.file or a.id, b.file or b.id)
        text = new_links_file(path, a.file or f"{a.id}.yaml", b.file or f"{b.id}.yaml", f"{a.title} and {b.title}")
    lines = text.splitlines()
    end, indent = _end_of_links(lines)
    items = []
    for pair in result.drafts:
        draft_line = next((i for i in range(max(0, pair.line - 1), len(lines))
                           if re.search(r"\bdraft\s*:", lines[i])), None)
        items.append(_item(pair, "draft", swapped, draft_line))
    items += [_item(pair, "suggestion", swapped) for pair in result.suggested]
    return {"file": path.name, "text": text, "insert": end, "indent": indent, "items": items,
            "a": a.id, "b": b.id}


_STYLE = """
#review{position:fixed;left:8px;bottom:8px;max-width:min(64rem,calc(100vw - 30rem));max-height:46vh;overflow:auto;
 background:#fff;border:1px solid #999;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.2);font-size:13px;z-index:5}
#review summary{cursor:pointer;padding:.4rem .7rem;font-weight:600;background:#f2f2f2}
#review table{border-collapse:collapse;margin:.3rem .5rem}
#review td,#review th{border-bottom:1px solid #ddd;padding:.2rem .4rem;vertical-align:top;text-align:left}
#review td.score{font-variant-numeric:tabular-nums}
#review td.why{color:#555;font-size:12px;min-width:14rem;max-width:24rem}
#review .bar{padding:.3rem .5rem;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
#review textarea{width:calc(100% - 1rem);margin:.3rem .5rem;height:10rem;font:12px monospace}
#review tr.accepted{background:#eef8f1}#review tr.rejected{background:#fbeeee;color:#777}
"""

_SCRIPT = """
(function(){
  var all = JSON.parse(document.getElementById('argmap-data').textContent);
  var data = all['argmap-review']; if(!data) return;
  var body = document.getElementById('review-rows'), out = document.getElementById('review-yaml');
  var RELS = ['same', 'recast', 'contradicts', 'develops'];
  function el(tag, cls, text){var e=document.createElement(tag); if(cls) e.className=cls; if(text!=null) e.textContent=text; return e;}
  function q(s){return JSON.stringify(s);}
  data.items.forEach(function(item, n){
    var tr = el('tr'); tr.id = 'review-' + n;
    tr.appendChild(el('td', 'score', item.score == null ? '' : item.score.toFixed(2)));
    tr.appendChild(el('td', null, item.a_text)); tr.appendChild(el('td', null, item.b_text));
    var td = el('td'), select = el('select'); select.id = 'review-choice-' + n;
    select.setAttribute('aria-label', 'Decision on ' + item.a + ' and ' + item.b);
    [['', item.kind === 'draft' ? 'undecided (draft: ' + item.guess + ')' : 'undecided']].concat(
      [['accept', 'accept as ' + item.guess]], RELS.filter(function(r){return r !== item.guess;}).map(function(r){return [r, 'retype: ' + r];}),
      [['reject', 'reject']]).forEach(function(o){ var opt = el('option', null, o[1]); opt.value = o[0]; select.appendChild(opt); });
    select.addEventListener('change', function(){ tr.className = select.value === 'reject' ? 'rejected' : (select.value ? 'accepted' : ''); build(); });
    td.appendChild(select); tr.appendChild(td);
    tr.appendChild(el('td', 'why', (item.kind === 'draft' ? 'draft in the file; ' : '') + item.reasons.join('; ')));
    body.appendChild(tr);
  });
  function decision(n){
    var v = document.getElementById('review-choice-' + n).value, item = data.items[n];
    if(!v) return null;
    if(v === 'reject') return {key: 'rejected', rel: item.guess};
    return {key: 'relation', rel: v === 'accept' ? item.guess : v};
  }
  function build(){
    var lines = data.text.replace(/\\n$/, '').split('\\n'), added = [];
    data.items.forEach(function(item, n){
      var d = decision(n); if(!d) return;
      if(item.kind === 'draft' && item.line != null){
        lines[item.line] = lines[item.line].replace(/\\bdraft(\\s*:\\s*)[A-Za-z]+/, d.key + '$1' + d.rel);
      } else if(item.kind === 'suggestion'){
        var ind = data.indent;
        added.push(ind + '- a: ' + item.file_a, ind + '  b: ' + item.file_b, ind + '  ' + d.key + ': ' + d.rel);
        if(item.score != null) added.push(ind + '  score: ' + item.score);
        if(item.reasons.length){ added.push(ind + '  reasons:'); item.reasons.forEach(function(r){ added.push(ind + '    - ' + q(r)); }); }
      }
    });
    var result = lines.slice(0, data.insert).concat(added, lines.slice(data.insert));
    out.value = result.join('\\n') + '\\n';
    var decided = data.items.filter(function(_, n){ return decision(n); }).length;
    document.getElementById('review-count').textContent = decided + ' of ' + data.items.length + ' decided';
  }
  document.getElementById('review-download').addEventListener('click', function(){
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([out.value], {type: 'text/yaml'}));
    a.download = data.file; document.body.appendChild(a); a.click(); a.remove();
  });
  document.getElementById('review-copy').addEventListener('click', function(){ out.select(); document.execCommand('copy'); });
  build();
})();
"""


def review_block(data: dict) -> str:
    """The block's HTML (style, markup, script), to go in the page's body; empty when there is nothing to review."""
    if not data.get("items"):
        return ""
    name = html.escape(data["file"])
    return f"""<style>{_STYLE}</style>
<aside aria-label="Review of the suggested links"><details id="review" open><summary>Review {len(data['items'])} suggested links \u00b7 <span id="review-count"></span></summary>
<table><thead><tr><th>score</th><th>{html.escape(data['a'])}</th><th>{html.escape(data['b'])}</th><th>decision</th><th>why</th></tr></thead>
<tbody id="review-rows"></tbody></table>
<div class="bar"><button id="review-download" type="button">Download {name}</button>
<button id="review-copy" type="button">Copy the YAML</button>
<span>Undecided suggestions are left out; decided drafts are rewritten in place.</span></div>
<textarea id="review-yaml" readonly aria-label="The links file with your decisions"></textarea>
</details></aside>
<script>{_SCRIPT}</script>
"""
