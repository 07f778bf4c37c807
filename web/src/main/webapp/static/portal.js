/*
 * Lumbra portal: draws the charts whose data the page carries in data-chart attributes.
 * No inline script anywhere: this file and Chart.js (from the WAR) are all the script there is.
 */
(function () {
  'use strict';

  var COLOURS = {
    pre: '#b45309',
    post: '#0f766e',
    other: '#6d28d9',
    baseline: '#475569',
    band: 'rgba(148, 163, 184, 0.18)'
  };

  function constant(labels, value) {
    return labels.map(function (label) { return { x: label, y: value }; });
  }

  function painChart(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    if (!data.labels || data.labels.length === 0 || typeof window.Chart === 'undefined') {
      canvas.hidden = true;
      return;
    }
    var datasets = [
      { label: 'Before session', data: data.pre, borderColor: COLOURS.pre, backgroundColor: COLOURS.pre,
        showLine: true, spanGaps: true, pointRadius: 4 },
      { label: 'After session', data: data.post, borderColor: COLOURS.post, backgroundColor: COLOURS.post,
        showLine: true, spanGaps: true, pointRadius: 4, pointStyle: 'rectRot' },
      { label: 'Other reports', data: data.other, borderColor: COLOURS.other, backgroundColor: COLOURS.other,
        showLine: false, pointRadius: 4, pointStyle: 'triangle' }
    ];
    if (typeof data.baseline === 'number') {
      datasets.push(
        { label: 'Not yet clinically important (low)', data: constant(data.labels, data.bandLow),
          borderColor: 'transparent', backgroundColor: COLOURS.band, pointRadius: 0, fill: false },
        { label: 'Band of changes that are not clinically important', data: constant(data.labels, data.bandHigh),
          borderColor: 'transparent', backgroundColor: COLOURS.band, pointRadius: 0, fill: '-1' },
        { label: 'Baseline (first 7 days)', data: constant(data.labels, data.baseline),
          borderColor: COLOURS.baseline, borderDash: [6, 4], pointRadius: 0, fill: false }
      );
    }
    canvas.setAttribute('data-drawn', 'true');
    return new window.Chart(canvas, {
      type: 'line',
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          y: { min: 0, max: 10, ticks: { stepSize: 1 }, title: { display: true, text: 'Pain (NRS 0–10)' } },
          x: { title: { display: true, text: 'Day' } }
        },
        plugins: {
          legend: {
            position: 'bottom',
            labels: {
              filter: function (item) { return item.text.indexOf('(low)') < 0; }
            }
          }
        }
      }
    });
  }

  function start() {
    var charts = document.querySelectorAll('canvas.pain-chart[data-chart]');
    for (var i = 0; i < charts.length; i++) {
      painChart(charts[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
