// Draws each party's money per year (plan, committed, paid, reported spent) and the projects by status
// from their canvases' data attributes; the tables beside them carry the same numbers.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') return;
  var list = function (c, a) { return (c.dataset[a] || '').split(',').filter(function (x) { return x !== ''; }); };
  document.querySelectorAll('canvas.money-chart').forEach(function (c) {
    var nums = function (a) { return list(c, a).map(Number); };
    new Chart(c, {
      type: 'bar',
      data: {
        labels: list(c, 'years'),
        datasets: [
          {label: c.dataset.labelPlanned, data: nums('planned'), backgroundColor: '#9cc3ea'},
          {label: c.dataset.labelCommitted, data: nums('committed'), backgroundColor: '#0b5cad'},
          {label: c.dataset.labelPaid, data: nums('paid'), backgroundColor: '#1a7f37'},
          {label: c.dataset.labelSpent, data: nums('spent'), backgroundColor: '#8a5a00'}
        ]
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false, scales: {y: {beginAtZero: true}}}
    });
    c.dataset.drawn = 'true';
  });
  document.querySelectorAll('canvas.status-chart').forEach(function (c) {
    new Chart(c, {
      type: 'bar',
      data: {labels: list(c, 'labels'), datasets: [{label: c.dataset.title, data: list(c, 'values').map(Number),
        backgroundColor: '#0b5cad'}]},
      options: {indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {legend: {display: false}}, scales: {x: {beginAtZero: true, ticks: {precision: 0}}}}
    });
    c.dataset.drawn = 'true';
  });
});
