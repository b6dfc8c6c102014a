// One horizontal bar per expert: how many proposals each has in this party's assignment.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') return;
  document.querySelectorAll('canvas.load-chart').forEach(function (c) {
    new Chart(c, {
      type: 'bar',
      data: {labels: c.dataset.names.split('|'),
        datasets: [{label: c.dataset.label, data: c.dataset.loads.split(',').map(Number), backgroundColor: '#0b5cad'}]},
      options: {indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        scales: {x: {beginAtZero: true, ticks: {precision: 0}}}}
    });
  });
});
