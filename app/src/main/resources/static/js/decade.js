// Draws planned vs committed per year for each party from the data attributes of its canvas.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') return;
  document.querySelectorAll('canvas.decade-chart').forEach(function (c) {
    var nums = function (a) { return (c.dataset[a] || '').split(',').map(Number); };
    new Chart(c, {
      type: 'bar',
      data: {
        labels: (c.dataset.years || '').split(','),
        datasets: [
          {label: c.dataset.labelPlanned, data: nums('planned'), backgroundColor: '#9cc3ea'},
          {label: c.dataset.labelCommitted, data: nums('committed'), backgroundColor: '#0b5cad'}
        ]
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false,
        scales: {y: {beginAtZero: true}}}
    });
  });
});
