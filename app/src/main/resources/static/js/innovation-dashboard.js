// The Innovation Centre's dashboard: AUTM figures over the years, and the deals of the year by stage
// (read from the table above the chart, so the chart never says more than the page).
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') return;
  var options = {responsive: true, maintainAspectRatio: false, animation: false, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}};
  document.querySelectorAll('canvas.innovation-series').forEach(function (c) {
    var nums = function (a) { return (c.dataset[a] || '').split(',').map(Number); };
    var colours = {disclosures: '#9cc3ea', patents: '#0b5cad', licences: '#e0a030', startups: '#3c8d5a'};
    new Chart(c, {
      type: 'bar',
      data: {
        labels: (c.dataset.years || '').split(','),
        datasets: Object.keys(colours).map(function (k) {
          return {label: c.dataset['label' + k.charAt(0).toUpperCase() + k.slice(1)], data: nums(k), backgroundColor: colours[k]};
        })
      },
      options: options
    });
  });
  document.querySelectorAll('canvas.innovation-stages').forEach(function (c) {
    var rows = document.querySelectorAll('#deals-by-stage tr');
    var labels = [], counts = [];
    rows.forEach(function (r) {
      labels.push(r.querySelector('th').textContent.trim());
      counts.push(Number(r.querySelector('td').textContent.trim()));
    });
    new Chart(c, {
      type: 'bar',
      data: {labels: labels, datasets: [{label: c.dataset.label, data: counts, backgroundColor: '#0b5cad'}]},
      options: Object.assign({}, options, {indexAxis: 'y'})
    });
  });
});
