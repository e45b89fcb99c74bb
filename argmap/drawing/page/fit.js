/* The first view: the whole diagram fitted to the window, before the page's data is even read. */
(function () {
  'use strict';
  var viewport = document.getElementById('viewport'), svg = viewport.querySelector('svg');
  var base = svg.viewBox.baseVal, r = viewport.getBoundingClientRect(), aspect = (r.width || 1) / (r.height || 1);
  var pad = Math.max(base.width, base.height) * 0.01;
  var x = base.x - pad, y = base.y - pad, w = base.width + 2 * pad, h = base.height + 2 * pad;
  svg.dataset.home = [base.x, base.y, base.width, base.height].join(' ');  // explorer.js fits to this again
  if (w / h < aspect) { x -= (h * aspect - w) / 2; w = h * aspect; } else { y -= (w / aspect - h) / 2; h = w / aspect; }
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('viewBox', x + ' ' + y + ' ' + w + ' ' + h);
  document.body.classList.add('fitted');  // the diagram was hidden until now: the first view is the fitted one
  requestAnimationFrame(function () { requestAnimationFrame(function () { performance.mark('argmap-fitted'); }); });
})();
