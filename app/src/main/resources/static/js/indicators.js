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
});
