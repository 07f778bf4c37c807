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
    band: 'rgba(148, 163, 184, 0.18)',
    odi: '#1d4ed8',
    rmdq: '#be185d',
    odiBand: 'rgba(29, 78, 216, 0.10)',
    rmdqBand: 'rgba(190, 24, 93, 0.10)',
    med: '#a16207'
  };

  /* OUT-5: what the patient reported is a star, what the clinician recorded a circle. */
  function reportedStyle(context) {
    return context.raw && context.raw.patient ? 'star' : 'circle';
  }

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

  /* OUT-1: one questionnaire's scores, its baseline and its "not yet important" band. */
  function functionSeries(labels, series, name, colour, band, axis) {
    var datasets = [
      { label: name, data: series.points, borderColor: colour, backgroundColor: colour, yAxisID: axis,
        showLine: true, spanGaps: true, pointRadius: 5, pointStyle: reportedStyle }
    ];
    if (typeof series.baseline === 'number') {
      datasets.push(
        { label: name + ' not yet clinically important (low)', data: constant(labels, series.bandLow),
          borderColor: 'transparent', backgroundColor: band, pointRadius: 0, fill: false, yAxisID: axis },
        { label: name + ': band of changes that are not clinically important', data: constant(labels, series.bandHigh),
          borderColor: 'transparent', backgroundColor: band, pointRadius: 0, fill: '-1', yAxisID: axis },
        { label: name + ' baseline', data: constant(labels, series.baseline),
          borderColor: colour, borderDash: [6, 4], borderWidth: 1, pointRadius: 0, fill: false, yAxisID: axis }
      );
    }
    return datasets;
  }

  function functionChart(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    if (!data.labels || data.labels.length === 0 || typeof window.Chart === 'undefined') {
      canvas.hidden = true;
      return;
    }
    var datasets = functionSeries(data.labels, data.odi, 'Oswestry (ODI %)', COLOURS.odi, COLOURS.odiBand, 'y')
      .concat(functionSeries(data.labels, data.rmdq, 'Roland–Morris (RMDQ)', COLOURS.rmdq, COLOURS.rmdqBand, 'y1'));
    if (data.med && data.med.points.length > 0) {
      datasets.push({ label: 'Pain medication (doses a day)', data: data.med.points, borderColor: COLOURS.med,
        backgroundColor: COLOURS.med, yAxisID: 'y2', showLine: true, spanGaps: true, borderDash: [2, 3],
        pointRadius: 5, pointStyle: reportedStyle });
    }
    canvas.setAttribute('data-drawn', 'true');
    return new window.Chart(canvas, {
      type: 'line',
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          y: { min: 0, max: 100, position: 'left', title: { display: true, text: 'Oswestry (0–100 %)' } },
          y1: { min: 0, max: 24, position: 'right', grid: { drawOnChartArea: false },
                title: { display: true, text: 'Roland–Morris (0–24)' } },
          y2: { min: 0, max: 20, position: 'right', grid: { drawOnChartArea: false },
                display: 'auto', title: { display: true, text: 'Medication (doses a day)' } },
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

  /* OUT-3: a button that prints the page (the print stylesheet leaves only the summary). */
  function printButtons() {
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (event) {
        event.preventDefault();
        window.print();
      });
    }
  }

  function start() {
    var charts = document.querySelectorAll('canvas.pain-chart[data-chart]');
    for (var i = 0; i < charts.length; i++) {
      painChart(charts[i]);
    }
    var functions = document.querySelectorAll('canvas.function-chart[data-chart]');
    for (var j = 0; j < functions.length; j++) {
      functionChart(functions[j]);
    }
    printButtons();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
