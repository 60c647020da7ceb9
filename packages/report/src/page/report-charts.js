// Draws the report's charts with the inlined Chart.js from the figures in #report-data. Labels
// reach the canvas as text, never as markup. Runs under the report's CSP (hashed scripts only).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var drawn = 0;
  if (typeof Chart === 'undefined') return;
  var colours = { coordinated: '#b3261e', suspect: '#e8a33d', clean: '#9aa5b1', other: '#f1c6c2', rest: '#d9dee3' };
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  Chart.defaults.color = '#333';

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, config);
    canvas.setAttribute('data-drawn', 'true');
    drawn++;
  }
  function stacked(labels, sets, xTitle, yTitle, horizontal) {
    var valueAxis = { stacked: true, beginAtZero: true, title: { display: true, text: yTitle }, ticks: { precision: 0 } };
    var labelAxis = { stacked: true, title: { display: true, text: xTitle } };
    return {
      type: 'bar',
      data: { labels: labels, datasets: sets },
      options: { indexAxis: horizontal ? 'y' : 'x', scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis }, plugins: { legend: { position: 'bottom' } } },
    };
  }
  function set(label, values, colour) {
    return { label: label, data: values, backgroundColor: colour };
  }

  var t = data.timeline;
  if (t.labels.length > 0) {
    draw('chart-timeline', stacked(t.labels, [set('coordinated', t.coordinated, colours.coordinated), set('suspect', t.suspect, colours.suspect)], t.unit === 'hour' ? 'hour (UTC)' : t.unit === 'day' ? 'day (UTC)' : 'week (UTC)', 'flagged comments'));
  }
  [['chart-sizes', data.sizes, 'comments in the cluster'], ['chart-accounts', data.accountCounts, 'accounts in the cluster']].forEach(function (h) {
    if (h[1].labels.length === 0) return;
    // Clean clusters (similar text, no sign of coordination) outnumber the flagged ones many times over:
    // they start hidden, and a click on their legend entry adds them.
    var clean = set('clean', h[1].clean, colours.clean);
    clean.hidden = true;
    draw(h[0], stacked(h[1].labels, [set('coordinated', h[1].coordinated, colours.coordinated), set('suspect', h[1].suspect, colours.suspect), clean], h[2], 'clusters'));
  });
  var th = data.threads;
  if (th.length > 0) {
    var pct = function (n, i) { return Math.round((1000 * n) / th[i].comments) / 10; };
    var config = stacked(
      th.map(function (r) { return r.label; }),
      [
        set('largest flagged cluster', th.map(function (r, i) { return pct(r.largestCount, i); }), colours.coordinated),
        set('other flagged clusters', th.map(function (r, i) { return pct(r.flagged - r.largestCount, i); }), colours.other),
        set('rest of the thread', th.map(function (r, i) { return pct(r.comments - r.flagged, i); }), colours.rest),
      ],
      'thread',
      '% of the thread\u2019s comments',
      true
    );
    config.options.scales.x.max = 100;
    draw('chart-threads', config);
  }
  document.documentElement.setAttribute('data-charts', String(drawn));
})();
