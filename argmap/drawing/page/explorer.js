/* argmap's explorer page: zoom and pan the diagram's viewBox, search, collapse, follow the argument.
   Our own code, no library: the SVG and every text it needs are already in the page. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('argmap-data').textContent);
  var nodes = data.nodes || {};
  var viewport = document.getElementById('viewport');
  var svg = viewport.querySelector('svg');
  var panel = document.getElementById('panel');
  var find = document.getElementById('find');
  var count = document.getElementById('count');
  var SVGNS = 'http://www.w3.org/2000/svg';

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function node(id) { var found = $(id); return found && found.classList.contains('node') ? found : null; }

  // ---------------------------------------------------------------- the graph: who stands above whom
  var up = {}, down = {};
  (data.edges || []).forEach(function (e) {  // [lower, upper, edge id, kind]
    (up[e[0]] = up[e[0]] || []).push({ id: e[1], edge: e[2], kind: e[3] });
    (down[e[1]] = down[e[1]] || []).push({ id: e[0], edge: e[2], kind: e[3] });
  });
  var linksOf = {};
  (data.links || []).forEach(function (link, index) {
    link.index = index;
    (linksOf[link.a] = linksOf[link.a] || []).push(link);
    (linksOf[link.b] = linksOf[link.b] || []).push(link);
  });
  var theses = data.theses || (data.thesis ? [data.thesis] : []);

  // claims' depth from the thesis: one step per argument or objection, whatever the inference nodes between
  var depth = {};
  (function () {
    var queue = theses.slice();
    theses.forEach(function (t) { depth[t] = 0; });
    for (var i = 0; i < queue.length; i++) {
      var here = queue[i];
      (down[here] || []).forEach(function (d) {  // an argument's node stands level with its conclusion
        if (depth[d.id] === undefined) { depth[d.id] = depth[here] + (d.kind === 'support' ? 0 : 1); queue.push(d.id); }
      });
    }
  })();

  // ---------------------------------------------------------------- zoom and pan: the viewBox is the camera
  var first = (svg.dataset.home || '').split(' ').map(Number), base = svg.viewBox.baseVal;  // fit.js kept it
  var home = first.length === 4 ? { x: first[0], y: first[1], w: first[2], h: first[3] }
    : { x: base.x, y: base.y, w: base.width, h: base.height };
  var box = { x: home.x, y: home.y, w: home.w, h: home.h };
  var PT = 96 / 72;  // dot's units are points: at 100% one point is 4/3 of a CSS pixel

  function rect() { return viewport.getBoundingClientRect(); }
  function scale() { var r = rect(); return r.width / box.w; }  // CSS pixels per unit
  function apply() {
    svg.setAttribute('viewBox', box.x + ' ' + box.y + ' ' + box.w + ' ' + box.h);
    var s = scale();
    viewport.dataset.zoom = Math.round(s / PT * 100);
    document.body.classList.toggle('far', s < 0.25);
    if (texts && !writing) { writing = true; requestAnimationFrame(write); }
  }
  // big maps: each node's text is added when the node comes into view at a zoom where text can be read
  var texts = data.texts || null, boxes = data.boxes || {}, writing = false, left = texts ? Object.keys(texts) : [];
  function write() {
    writing = false;
    if (!left.length || scale() < 0.25) return;
    var x0 = box.x, y0 = box.y, x1 = box.x + box.w, y1 = box.y + box.h, kept = [];
    left.forEach(function (id) {
      var b = boxes[id], n;
      if (b && b[2] >= x0 && b[0] <= x1 && b[3] >= y0 && b[1] <= y1 && (n = $(id))) n.insertAdjacentHTML('beforeend', texts[id]);
      else kept.push(id);
    });
    left = kept;
  }
  function shaped(x, y, w, h) {  // a box of the viewport's shape around (x, y, w, h), so units map 1:1 both ways
    var r = rect(), aspect = (r.width || 1) / (r.height || 1);
    if (w / h < aspect) { var nw = h * aspect; x -= (nw - w) / 2; w = nw; } else { var nh = w / aspect; y -= (nh - h) / 2; h = nh; }
    return { x: x, y: y, w: w, h: h };
  }
  function fit() {
    var pad = Math.max(home.w, home.h) * 0.01;
    box = shaped(home.x - pad, home.y - pad, home.w + 2 * pad, home.h + 2 * pad);
    apply();
  }
  function units(clientX, clientY) {
    var r = rect();
    return { x: box.x + (clientX - r.left) / r.width * box.w, y: box.y + (clientY - r.top) / r.height * box.h };
  }
  function zoom(factor, clientX, clientY) {
    var r = rect();
    if (clientX === undefined) { clientX = r.left + r.width / 2; clientY = r.top + r.height / 2; }
    var fitted = r.width / Math.max(home.w, home.h * r.width / r.height);
    var next = Math.min(Math.max(scale() * factor, fitted / 2), 8 * PT);
    factor = next / scale();
    var p = units(clientX, clientY);
    box.w /= factor; box.h /= factor;
    box.x = p.x - (clientX - r.left) / r.width * box.w;
    box.y = p.y - (clientY - r.top) / r.height * box.h;
    apply();
  }
  function pan(dx, dy) { var s = scale(); box.x -= dx / s; box.y -= dy / s; apply(); }
  function centreOn(id, atLeast) {
    var n = node(id);
    if (!n) return;
    var b = n.getBoundingClientRect(), c = units(b.left + b.width / 2, b.top + b.height / 2);
    var r = rect();
    if (atLeast && scale() < atLeast) { box.w = r.width / atLeast; box.h = r.height / atLeast; }
    box.x = c.x - box.w / 2; box.y = c.y - box.h / 2;
    apply();
  }
  function visible(id) {
    var n = node(id);
    if (!n) return false;
    var b = n.getBoundingClientRect(), r = rect();
    return b.right > r.left && b.left < r.right && b.bottom > r.top && b.top < r.bottom;
  }
  function reset() {  // 100%, on the thesis
    if (theses.length && node(theses[0])) { centreOn(theses[0], PT); zoom(PT / scale()); return; }
    var r = rect();
    box = { x: home.x, y: home.y, w: r.width / PT, h: r.height / PT };
    apply();
  }

  viewport.addEventListener('wheel', function (e) {
    e.preventDefault();
    zoom(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015)), e.clientX, e.clientY);  // ctrl: a touchpad's pinch
  }, { passive: false });
  var pointers = {}, dragged = false, spread = 0;
  function distance() {
    var p = Object.keys(pointers).map(function (k) { return pointers[k]; });
    return p.length < 2 ? 0 : Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
  }
  viewport.addEventListener('pointerdown', function (e) {
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    dragged = false;
    spread = distance();
  });
  viewport.addEventListener('pointermove', function (e) {
    var last = pointers[e.pointerId];
    if (!last) return;
    var dx = e.clientX - last.x, dy = e.clientY - last.y;
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    if (Object.keys(pointers).length > 1) {  // pinch: two fingers
      var now = distance();
      if (spread) zoom(now / spread);
      spread = now;
      dragged = true;
      return;
    }
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 3) return;
    if (!dragged) { dragged = true; viewport.setPointerCapture(e.pointerId); viewport.classList.add('dragging'); }
    pan(dx, dy);
  });
  function release(e) {
    delete pointers[e.pointerId];
    viewport.classList.remove('dragging');
    spread = distance();
  }
  viewport.addEventListener('pointerup', release);
  viewport.addEventListener('pointercancel', release);
  window.addEventListener('resize', function () {
    var c = { x: box.x + box.w / 2, y: box.y + box.h / 2 }, s = scale();
    var r = rect();
    box.w = r.width / s; box.h = r.height / s; box.x = c.x - box.w / 2; box.y = c.y - box.h / 2;
    apply();
  });

  $('zoom-in').addEventListener('click', function () { zoom(1.4); });
  $('zoom-out').addEventListener('click', function () { zoom(1 / 1.4); });
  $('fit').addEventListener('click', fit);
  $('reset').addEventListener('click', reset);

  viewport.addEventListener('keydown', function (e) {
    if (e.altKey || e.metaKey || e.ctrlKey) return;
    var target = e.target.closest && e.target.closest('g.node');
    var step = 80;
    var keys = {
      '+': function () { zoom(1.4); }, '=': function () { zoom(1.4); }, '-': function () { zoom(1 / 1.4); },
      '0': fit, 'Home': reset,
      'ArrowLeft': function () { pan(step, 0); }, 'ArrowRight': function () { pan(-step, 0); },
      'ArrowUp': function () { pan(0, step); }, 'ArrowDown': function () { pan(0, -step); },
      'Escape': function () { viewport.focus(); }
    };
    if (target && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(target.id, true); return; }
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
  viewport.addEventListener('focusin', function (e) {
    var target = e.target.closest && e.target.closest('g.node');
    if (target && !visible(target.id)) centreOn(target.id, 0.9);
  });

  // ---------------------------------------------------------------- the side panel: read, follow, fold
  var pinned = null;
  function go(id, text, cls) {
    var a = el('a', 'go' + (cls ? ' ' + cls : ''), text);
    a.href = '#' + id;
    a.dataset.id = id;
    return a;
  }
  function textOf(id) { return nodes[id] ? nodes[id].text : id; }
  function claimsAbove(id) {  // what a claim supports or attacks, through its arguments
    var found = [];
    (up[id] || []).forEach(function (u) {
      if (u.kind === 'premise') (up[u.id] || []).forEach(function (c) { if (c.kind === 'support') found.push({ id: c.id, via: u.id, kind: 'supports' }); });
      else if (u.kind === 'attack') found.push({ id: u.id, kind: 'attacks' });
    });
    return found;
  }
  function claimsBelow(id) {
    var found = [];
    (down[id] || []).forEach(function (d) {
      if (d.kind === 'support') {
        (down[d.id] || []).forEach(function (p) {
          if (p.kind === 'premise') found.push({ id: p.id, via: d.id, kind: 'supported by' });
          if (p.kind === 'attack') found.push({ id: p.id, via: d.id, kind: 'attacked by' });  // an undercut
        });
      } else if (d.kind === 'attack') found.push({ id: d.id, kind: 'attacked by' });
    });
    return found;
  }
  function pathToThesis(id) {  // the shortest chain upward, as [node, edge, node, ...]
    var seen = {}, queue = [[id]];
    seen[id] = true;
    for (var i = 0; i < queue.length; i++) {
      var path = queue[i], last = path[path.length - 1];
      if (theses.indexOf(last) >= 0) return path;
      (up[last] || []).forEach(function (u) {
        if (!seen[u.id]) { seen[u.id] = true; queue.push(path.concat([u.edge, u.id])); }
      });
    }
    return [id];
  }
  var marked = [];
  function mark(ids, cls) {
    marked.forEach(function (m) { var e = $(m[0]); if (e) e.classList.remove(m[1]); });
    marked = [];
    ids.forEach(function (id) { var e = $(id); if (e) { e.classList.add(cls); marked.push([id, cls]); } });
  }
  function list(title, items) {
    if (!items.length) return null;
    var box = el('section', 'relations');
    box.appendChild(el('h2', null, title + ' (' + items.length + ')'));
    var ul = el('ul');
    items.forEach(function (item) {
      var li = el('li');
      li.appendChild(go(item.id, textOf(item.id)));
      if (item.note) li.appendChild(el('p', 'note', item.note));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }
  function context(id) {  // each quote of the claim, highlighted in its paragraph of the source
    var source = data.source;
    if (!source) return null;
    var found = source.quotes.filter(function (q) { return q[3] === id; });
    if (!found.length) return null;
    var box = el('section', 'context');
    box.appendChild(el('h2', null, 'In the essay'));
    found.forEach(function (q) {
      var text = source.paragraphs[q[0]], from = Math.max(0, q[1] - 320), to = Math.min(text.length, q[2] + 320);
      var p = el('p', 'paragraph');
      p.appendChild(document.createTextNode((from ? '\u2026' : '') + text.slice(from, q[1])));
      p.appendChild(el('mark', null, text.slice(q[1], q[2])));
      p.appendChild(document.createTextNode(text.slice(q[2], to) + (to < text.length ? '\u2026' : '')));
      box.appendChild(p);
      var more = go('source-' + q[0], 'Show in the source text', 'to-source');
      box.appendChild(more);
    });
    return box;
  }
  function show(id, pin) {
    var item = nodes[id];
    if (!item) return;
    if (pinned && !pin) return;
    panel.replaceChildren();
    panel.appendChild(el('p', 'role', item.kind));
    panel.appendChild(el('h1', 'text', item.text));
    (item.quotes || []).forEach(function (q) { panel.appendChild(el('blockquote', 'quote', '\u201c' + q + '\u201d')); });
    (item.details || []).forEach(function (d) { panel.appendChild(el('p', 'where', d)); });
    var ctx = context(id);
    if (ctx) panel.appendChild(ctx);
    var above = claimsAbove(id), below = claimsBelow(id);
    [list('Supports', above.filter(function (x) { return x.kind === 'supports'; })),
     list('Attacks', above.filter(function (x) { return x.kind === 'attacks'; })),
     list('Supported by', below.filter(function (x) { return x.kind === 'supported by'; })),
     list('Attacked by', below.filter(function (x) { return x.kind === 'attacked by'; })),
     list('Links to the other map', (linksOf[id] || []).map(function (link) {
       return { id: link.a === id ? link.b : link.a, note: link.relation + (link.origin === 'suggested' ? ' (suggested, score ' + (link.score || 0).toFixed(2) + ')' : '') + (link.note ? ': ' + link.note : '') };
     }))
    ].forEach(function (section) { if (section) panel.appendChild(section); });
    var path = pathToThesis(id);
    if (path.length > 1) {
      var trail = el('section', 'path');
      trail.appendChild(el('h2', null, 'Path to the thesis'));
      var ol = el('ol');
      path.filter(function (p, i) { return i % 2 === 0 && p.indexOf('argument-') < 0; }).forEach(function (p) {
        var li = el('li'); li.appendChild(go(p, textOf(p))); ol.appendChild(li);
      });
      trail.appendChild(ol);
      panel.appendChild(trail);
    }
    if (down[id] && id.indexOf('argument-') < 0) {
      var fold = el('button', 'fold', folds[id] ? 'Expand this branch' : 'Collapse this branch');
      fold.type = 'button';
      fold.dataset.id = id;
      panel.appendChild(fold);
    }
    panel.dataset.shown = id;
    if (pin) mark(path, 'onpath');
  }
  function select(id, focus) {
    if (!nodes[id]) return;
    if (node(id) && node(id).classList.contains('gone')) { folds = {}; depthLimit = null; $('depth').value = ''; refold(); }
    pinned = null;
    show(id, true);
    pinned = id;
    document.querySelectorAll('g.node.selected').forEach(function (n) { n.classList.remove('selected'); });
    var n = node(id);
    if (n) {
      n.classList.add('selected');
      if (!visible(id) || scale() < 0.5) centreOn(id, 0.9);
      if (focus) n.focus({ preventScroll: true });
    }
    history.replaceState(null, '', '#' + encodeURIComponent(id));
  }
  window.argmapShow = function (id) { select(id); };

  viewport.addEventListener('mouseover', function (e) {
    var target = e.target.closest('g.node');
    if (target && !pinned) show(target.id, false);
  });
  viewport.addEventListener('click', function (e) {
    if (dragged) return;
    var target = e.target.closest('g.node');
    if (target) select(target.id);
    else { pinned = null; mark([], 'onpath'); }
  });
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a.go');
    if (link) {
      e.preventDefault();
      var id = link.dataset.id;
      if (id.indexOf('source-') === 0) { view('source'); var p = $(id); if (p) { p.scrollIntoView(); p.focus(); } return; }
      view('diagram');
      select(id, true);
      return;
    }
    var fold = e.target.closest && e.target.closest('button.fold');
    if (fold) { toggleFold(fold.dataset.id); show(fold.dataset.id, true); }
  });

  // ---------------------------------------------------------------- collapse, expand, depth
  var folds = {}, depthLimit = null, gone = [];
  function toggleFold(id) { if (folds[id]) delete folds[id]; else folds[id] = true; refold(); }
  function refold() {
    gone.forEach(function (id) { var e = $(id); if (e) e.classList.remove('gone'); });
    document.querySelectorAll('g.node.folded').forEach(function (n) { n.classList.remove('folded'); });
    document.querySelectorAll('text.hidden-count').forEach(function (t) { t.remove(); });
    var hidden = {};
    Object.keys(folds).forEach(function (root) {
      var stack = [root], count = 0;
      while (stack.length) {
        var here = stack.pop();
        (down[here] || []).forEach(function (d) {
          hidden[d.edge] = true;
          if (!hidden[d.id] && d.id !== root) { hidden[d.id] = true; if (d.id.indexOf('argument-') < 0) count++; stack.push(d.id); }
        });
      }
      badge(root, count);
    });
    if (depthLimit !== null) {
      Object.keys(nodes).forEach(function (id) {
        if (depth[id] !== undefined && depth[id] > depthLimit) hidden[id] = true;
      });
      (data.edges || []).forEach(function (e) { if (hidden[e[0]] || hidden[e[1]]) hidden[e[2]] = true; });
      (data.edges || []).forEach(function (e) { if (!hidden[e[1]] && hidden[e[0]] && e[3] !== 'support' && nodes[e[1]] && depth[e[1]] === depthLimit) badgeOnce(e[1]); });
    }
    gone = Object.keys(hidden);
    gone.forEach(function (id) { var e = $(id); if (e) e.classList.add('gone'); });
  }
  function badge(id, hiddenCount) {
    var n = node(id);
    if (!n) return;
    n.classList.add('folded');
    var shape = n.querySelector('path, polygon');
    if (!shape) return;
    var b = shape.getBBox(), t = document.createElementNS(SVGNS, 'text');
    t.setAttribute('x', b.x + b.width - 4);
    t.setAttribute('y', b.y + b.height + 12);
    t.setAttribute('text-anchor', 'end');
    t.setAttribute('class', 'hidden-count');
    t.textContent = '+' + hiddenCount + ' hidden';
    n.appendChild(t);
  }
  var badged = {};
  function badgeOnce(id) { if (!badged[id]) { badged[id] = true; var n = node(id); if (n && !n.querySelector('text.hidden-count')) badge(id, countBelow(id)); } }
  function countBelow(id) {
    var seen = {}, stack = [id], total = 0;
    while (stack.length) {
      (down[stack.pop()] || []).forEach(function (d) { if (!seen[d.id]) { seen[d.id] = true; if (d.id.indexOf('argument-') < 0) total++; stack.push(d.id); } });
    }
    return total;
  }
  $('depth').addEventListener('change', function () {
    depthLimit = this.value === '' ? null : Number(this.value);
    badged = {};
    refold();
  });

  // ---------------------------------------------------------------- search
  // a claim is found by its text, quotes, id, actors, tags, section and note: all of them are in its entry
  var matches = [], at = -1, keys = Object.keys(nodes).filter(function (id) { return id.indexOf('claim-') >= 0; });
  keys.forEach(function (id) {
    var n = nodes[id];
    n.find = [n.text].concat(n.quotes || [], n.details || []).join(' \u2029 ').toLowerCase();
  });
  function search() {
    var q = find.value.trim().toLowerCase();
    matches.forEach(function (id) { var e = $(id); if (e) e.classList.remove('match', 'current'); });
    matches = q ? keys.filter(function (id) { return nodes[id].find.indexOf(q) >= 0; }) : [];
    matches.forEach(function (id) { var e = $(id); if (e) e.classList.add('match'); });
    at = -1;
    count.textContent = q ? (matches.length ? matches.length + ' found' : 'none found') : '';
  }
  function step(by) {
    if (!matches.length) return;
    if (at >= 0) { var old = $(matches[at]); if (old) old.classList.remove('current'); }
    at = (at + by + matches.length) % matches.length;
    var id = matches[at];
    view('diagram');
    select(id);
    var e = $(id);
    if (e) e.classList.add('current');
    centreOn(id, Math.max(scale(), 0.9));
    count.textContent = (at + 1) + ' of ' + matches.length;
  }
  find.addEventListener('input', search);
  find.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); step(e.shiftKey ? -1 : 1); } });
  $('next').addEventListener('click', function () { step(1); });
  $('previous').addEventListener('click', function () { step(-1); });
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && document.activeElement.tagName !== 'INPUT') { e.preventDefault(); find.focus(); }
  });

  // ---------------------------------------------------------------- views: diagram, overview, outline, source, links
  function view(name) {
    document.querySelectorAll('#views > .view').forEach(function (v) { v.hidden = v.id !== 'view-' + name; });
    document.querySelectorAll('nav .tab').forEach(function (t) { t.setAttribute('aria-pressed', String(t.dataset.view === name)); });
    document.body.dataset.view = name;
    if (name === 'outline') buildOutline();
    if (name === 'source') buildSource();
    if (name === 'links') buildLinks();
  }
  document.querySelectorAll('nav .tab').forEach(function (t) { t.addEventListener('click', function () { view(t.dataset.view); }); });
  var overview = $('view-overview');
  overview.addEventListener('click', function (e) {
    var target = e.target.closest('g.node');
    if (target && data.overview && data.overview[target.id]) { view('diagram'); select(data.overview[target.id], true); }
  });
  overview.addEventListener('keydown', function (e) {
    var target = e.target.closest && e.target.closest('g.node');
    if (target && (e.key === 'Enter' || e.key === ' ') && data.overview && data.overview[target.id]) {
      e.preventDefault(); view('diagram'); select(data.overview[target.id], true);
    }
  });
  overview.querySelectorAll('g.node').forEach(function (n) {
    var claim = data.overview && data.overview[n.id];
    n.setAttribute('tabindex', '0');
    n.setAttribute('role', 'button');
    n.setAttribute('aria-label', 'Section ' + (n.textContent || '').replace(/\s+/g, ' ').trim() + (claim ? '' : ''));
  });

  var outlined = false;
  function buildOutline() {
    if (outlined || !data.outline) return;
    outlined = true;
    var root = $('outline');
    function tree(items) {
      var ul = el('ul');
      var stack = [[items, ul]];
      while (stack.length) {
        var job = stack.pop();
        job[0].forEach(function (item) {  // [kind, id, lead, children]
          var li = el('li', item[0]);
          if (item[3].length) {
            var toggle = el('button', 'toggle', '\u25be');
            toggle.type = 'button';
            toggle.setAttribute('aria-expanded', 'true');
            toggle.setAttribute('aria-label', 'Collapse');
            li.appendChild(toggle);
          }
          if (item[0] === 'argument') li.appendChild(el('span', 'because', 'Because' + (nodes[item[1]] && nodes[item[1]].kind !== 'argument' ? ' (' + nodes[item[1]].kind.replace(/^argument \(|\)$/g, '').replace(/-/g, ' ') + ')' : '') + ':'));
          else if (item[0] === 'repeat') li.appendChild(el('span', 'repeat', '(its reasons are given above)'));
          else if (item[0] === 'heading') li.appendChild(el('span', 'because', item[1]));
          else {
            if (item[2]) li.appendChild(el('span', 'lead', item[2]));
            li.appendChild(go(item[1], textOf(item[1])));
            li.appendChild(el('span', 'role', ' ' + (nodes[item[1]] ? nodes[item[1]].kind : '')));
          }
          if (item[3].length) { var sub = el('ul'); li.appendChild(sub); stack.push([item[3], sub]); }
          job[1].appendChild(li);
        });
      }
      return ul;
    }
    function part(title, outline) {
      if (!outline) return;
      if (title) root.appendChild(el('h3', null, title));
      root.appendChild(tree(outline[0]));
      if (outline[2] && outline[2].length) { root.appendChild(el('h3', null, 'Follows from the thesis')); root.appendChild(tree(outline[2])); }
      if (outline[1].length) { root.appendChild(el('h3', null, 'Claims not reached from the thesis')); root.appendChild(tree(outline[1])); }
    }
    part(data.maps ? data.maps[0] : '', data.outline);
    if (data.outline_b) part(data.maps[1], data.outline_b);
    root.addEventListener('click', function (e) {
      var toggle = e.target.closest('button.toggle');
      if (!toggle) return;
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!open));
      toggle.setAttribute('aria-label', open ? 'Expand' : 'Collapse');
      toggle.textContent = open ? '\u25b8' : '\u25be';
      toggle.parentNode.classList.toggle('shut', open);
    });
  }

  var sourced = false;
  function buildSource() {
    if (sourced || !data.source) return;
    sourced = true;
    var root = $('source'), source = data.source, byParagraph = {};
    source.quotes.forEach(function (q) { (byParagraph[q[0]] = byParagraph[q[0]] || []).push(q); });
    if (source.file) root.appendChild(el('p', 'where', source.file));
    source.paragraphs.forEach(function (text, index) {
      var p = el('p');
      p.id = 'source-' + index;
      p.tabIndex = -1;
      var at = 0;
      (byParagraph[index] || []).forEach(function (q) {
        if (q[1] < at) return;  // overlapping quotes: the first one links the passage
        p.appendChild(document.createTextNode(text.slice(at, q[1])));
        var link = go(q[3], text.slice(q[1], q[2]), 'quote');
        link.title = textOf(q[3]);
        p.appendChild(link);
        at = q[2];
      });
      p.appendChild(document.createTextNode(text.slice(at)));
      root.appendChild(p);
    });
  }

  var linked = false;
  function buildLinks() {
    if (linked || !data.links) return;
    linked = true;
    var body = document.querySelector('#links tbody'), relation = $('relation'), filter = $('link-find');
    var relations = [];
    data.links.forEach(function (link) {
      if (relations.indexOf(link.relation) < 0) relations.push(link.relation);
      var tr = el('tr', 'link ' + link.relation);
      tr.dataset.relation = link.relation;
      tr.dataset.find = (textOf(link.a) + ' ' + textOf(link.b) + ' ' + (link.note || '')).toLowerCase();
      tr.appendChild(el('td', 'relation', link.relation + (link.origin === 'suggested' ? ' (suggested)' : '')));
      var a = el('td'); a.appendChild(go(link.a, textOf(link.a))); tr.appendChild(a);
      var b = el('td'); b.appendChild(go(link.b, textOf(link.b))); tr.appendChild(b);
      tr.appendChild(el('td', 'note', link.note || (link.score != null ? 'score ' + link.score.toFixed(2) : '')));
      body.appendChild(tr);
    });
    relations.forEach(function (r) { var o = el('option', null, r); o.value = r; relation.appendChild(o); });
    function apply() {
      var want = relation.value, q = filter.value.trim().toLowerCase();
      body.querySelectorAll('tr').forEach(function (tr) {
        tr.hidden = (want && tr.dataset.relation !== want) || (q && tr.dataset.find.indexOf(q) < 0);
      });
    }
    relation.addEventListener('change', apply);
    filter.addEventListener('input', apply);
  }
  // printed: the overview (or, for a map without sections, the whole diagram fitted) and the whole outline
  if (!overview.querySelector('svg')) document.body.classList.add('no-overview');
  var before = null;
  window.addEventListener('beforeprint', function () { buildOutline(); before = box; fit(); });
  window.addEventListener('afterprint', function () { if (before) { box = before; apply(); } });

  // ---------------------------------------------------------------- start: the fitted view, then the rest
  fit();
  if (texts) {  // a big map's nodes are named here, by their text, not in the SVG (a smaller file opens faster)
    setTimeout(function () {
      viewport.querySelectorAll('g.node[role=button]').forEach(function (n) {
        var markup = texts[n.id];
        var name = markup ? markup.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
          .replace(/&#45;/g, '-').replace(/&#160;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim()
          : nodes[n.id] ? nodes[n.id].kind + ': ' + nodes[n.id].text : n.id;
        n.setAttribute('aria-label', name);
      });
    }, 0);
  }
  var initial = decodeURIComponent(location.hash.slice(1));
  if (initial && nodes[initial]) select(initial);
  setTimeout(function () { buildOutline(); buildSource(); document.body.classList.add('ready'); }, 0);

  // reload when the file changes (when served over http by argmap render --watch --serve)
  if (location.protocol.indexOf('http') === 0) {
    var version = null;
    var check = function () {
      fetch(location.pathname, { method: 'HEAD', cache: 'no-store' }).then(function (r) {
        var now = r.headers.get('ETag') || r.headers.get('Last-Modified');
        if (version && now && now !== version) location.reload();
        version = now;
      }).catch(function () {});
    };
    check();
    setInterval(check, 700);
  }
})();
