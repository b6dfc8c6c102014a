// Composite indices: the computation's progress bar, the rank-interval chart and the unit's radar.
document.addEventListener('DOMContentLoaded', function () {
  var run = document.getElementById('run');
  var status = document.getElementById('run-status');
  if (run && status) {
    var bar = document.getElementById('run-progress');
    var poll = function () {
      fetch(run.dataset.statusUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (!s.status) return;
          if (bar) { bar.value = s.progress; bar.textContent = s.progress + '%'; }
          if (s.status === 'QUEUED' || s.status === 'RUNNING') { setTimeout(poll, 1000); }
          else if (run.dataset.finalStatus !== s.status) { window.location.reload(); }
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    if (run.dataset.finalStatus === 'PENDING') poll();
  }
  if (typeof Chart === 'undefined') return;
  var nums = function (el, a) { return (el.dataset[a] || '').split(',').map(function (x) { return x === '' ? null : Number(x); }); };
  var ri = document.getElementById('rank-intervals');
  if (ri) {
    var q05 = nums(ri, 'q05'), q95 = nums(ri, 'q95');
    new Chart(ri, {
      type: 'bar',
      data: {
        labels: (ri.dataset.units || '').split('|'),
        datasets: [
          {type: 'bar', label: ri.dataset.labelInterval, data: q05.map(function (v, i) { return [v, q95[i]]; }),
            backgroundColor: '#9cc3ea'},
          {type: 'scatter', label: ri.dataset.labelMedian, data: nums(ri, 'median'), backgroundColor: '#0b5cad'},
          {type: 'scatter', label: ri.dataset.labelNominal, data: nums(ri, 'nominal'), backgroundColor: '#c0392b',
            pointStyle: 'crossRot', radius: 5}
        ]
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false,
        scales: {y: {reverse: true, beginAtZero: false, ticks: {precision: 0}}}}
    });
  }
  var radar = document.getElementById('unit-radar');
  if (radar) {
    new Chart(radar, {
      type: 'radar',
      data: {
        labels: (radar.dataset.labels || '').split('|'),
        datasets: [
          {label: radar.dataset.labelUnit, data: nums(radar, 'unit'), borderColor: '#0b5cad', backgroundColor: 'rgba(11,92,173,0.2)'},
          {label: radar.dataset.labelPeers, data: nums(radar, 'peers'), borderColor: '#888', backgroundColor: 'rgba(136,136,136,0.1)'}
        ]
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false, scales: {r: {beginAtZero: true}}}
    });
  }
  var groups = document.getElementById('audit-groups');
  if (groups) {
    new Chart(groups, {
      type: 'bar',
      data: {
        labels: (groups.dataset.labels || '').split('|'),
        datasets: [
          {label: groups.dataset.labelAlpha, data: nums(groups, 'alpha'), backgroundColor: '#0b5cad'},
          {label: groups.dataset.labelPca, data: nums(groups, 'pca'), backgroundColor: '#9cc3ea'}
        ]
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false, scales: {y: {beginAtZero: true, suggestedMax: 1}}}
    });
  }
  var history = document.getElementById('unit-history');
  if (history) {
    // Series as "v,v,v;v,v,v" (one per aggregate, one value per year; empty where the unit had no score).
    var labels = (history.dataset.labels || '').split('|');
    var series = (history.dataset.series || '').split(';').map(function (line, i) {
      return {label: labels[i], data: line.split(',').map(function (x) { return x === '' ? null : Number(x); })};
    });
    var palette = ['#0b5cad', '#c0392b', '#1a7f37', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#2c3e50', '#b7950b'];
    new Chart(history, {
      type: 'line',
      data: {
        labels: (history.dataset.years || '').split('|'),
        datasets: series.map(function (s, i) {
          return {label: s.label, data: s.data, borderColor: palette[i % palette.length],
            backgroundColor: palette[i % palette.length], spanGaps: true};
        })
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false, scales: {y: {beginAtZero: true}}}
    });
  }
  var sb = document.getElementById('scoreboard-calls');
  if (sb) {
    new Chart(sb, {
      type: 'bar',
      data: {
        labels: (sb.dataset.labels || '').split('|'),
        datasets: [
          {label: sb.dataset.labelProposals, data: nums(sb, 'proposals'), backgroundColor: '#9cc3ea'},
          {label: sb.dataset.labelFunded, data: nums(sb, 'funded'), backgroundColor: '#0b5cad'}
        ]
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false,
        scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
    });
  }
});
