// The committee's what-if: moving a slider asks the server for the funding line and redraws
// the table's "line" column, the totals and the chart. Without JavaScript the form still works.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('what-if');
  if (!form) return;
  var canvas = document.getElementById('line-chart');
  var chart = null;
  var money = function (amount, currency) {
    try { return new Intl.NumberFormat(document.documentElement.lang, {style: 'currency', currency: currency, maximumFractionDigits: 0}).format(amount); }
    catch (e) { return amount + ' ' + currency; }
  };
  var budgets = function () {
    var b = {};
    form.querySelectorAll('input[type=range]').forEach(function (r) { b[r.name.substring(7)] = Number(r.value); });
    return b;
  };
  function draw(data) {
    if (typeof Chart === 'undefined' || !canvas) return;
    var b = data.budgets;
    var point = function (r) {
      var share = 0;
      Object.keys(r.costs).forEach(function (p) { if (Number(b[p]) > 0) share += Number(r.costs[p]) / Number(b[p]); });
      return {x: Math.round(share * 1000) / 10, y: r.merit, label: r.acronym};
    };
    var rows = data.rows.filter(function (r) { return r.merit !== null; });
    var inn = rows.filter(function (r) { return r.funded; }).map(point);
    var out = rows.filter(function (r) { return !r.funded; }).map(point);
    var cut = inn.length ? Math.min.apply(null, inn.map(function (p) { return p.y; })) : null;
    var xs = rows.map(point).map(function (p) { return p.x; });
    var line = cut === null ? [] : [{x: 0, y: cut}, {x: Math.max.apply(null, xs.concat([1])), y: cut}];
    var sets = [
      {type: 'scatter', label: canvas.dataset.labelFunded, data: inn, backgroundColor: '#0b7a3b'},
      {type: 'scatter', label: canvas.dataset.labelOut, data: out, backgroundColor: '#b3261e'},
      {type: 'line', label: '', data: line, borderColor: '#555', borderDash: [6, 4], pointRadius: 0}
    ];
    if (chart) { chart.data.datasets = sets; chart.update(); return; }
    chart = new Chart(canvas, {data: {datasets: sets}, options: {animation: false, responsive: true, maintainAspectRatio: false,
      plugins: {tooltip: {callbacks: {label: function (c) { return (c.raw.label || '') + ' (' + c.raw.x + '%, ' + c.raw.y + ')'; }}}},
      scales: {x: {title: {display: true, text: canvas.dataset.x}}, y: {title: {display: true, text: canvas.dataset.y}}}}});
  }
  function render(data) {
    data.rows.forEach(function (r) {
      var tr = document.querySelector('#board tr[data-proposal="' + r.proposalId + '"] td.why');
      if (!tr) return;
      tr.textContent = r.explanation;
      tr.classList.toggle('in', r.funded);
      tr.classList.toggle('out', !r.funded);
    });
    var summary = document.getElementById('line-summary');
    if (summary) summary.dataset.funded = data.funded;
    var proof = document.getElementById('line-proof');
    if (proof) proof.textContent = data.proof;
    var spent = document.getElementById('line-spent');
    if (spent) {
      spent.innerHTML = '';
      Object.keys(data.spent).forEach(function (p) {
        var input = form.querySelector('input[name="budget.' + p + '"]');
        var cur = input.dataset.currency;
        var li = document.createElement('li');
        // The party by its country's name, as the page wrote it; the code is only the API's key.
        li.textContent = (input.dataset.partyName || p) + ': ' + money(data.spent[p], cur) + ' / ' + money(data.budgets[p], cur);
        spent.appendChild(li);
      });
    }
    var unmet = document.getElementById('line-unmet');
    if (unmet) { unmet.innerHTML = ''; data.unmetMinimums.forEach(function (u) { var li = document.createElement('li'); li.textContent = u; unmet.appendChild(li); }); }
    // The proposal form carries the same what-if, so the decisions follow what the committee sees.
    var propose = document.getElementById('propose-form');
    if (propose) {
      Object.keys(data.budgets).forEach(function (p) {
        var h = propose.querySelector('input[name="budget.' + p + '"]');
        if (h) h.value = data.budgets[p];
      });
      var pol = propose.querySelector('input[name=policy]');
      if (pol) pol.value = data.policy;
    }
    draw(data);
  }
  var pending = null;
  function refresh() {
    var params = new URLSearchParams(new FormData(form));
    form.querySelectorAll('input[type=range]').forEach(function (r) {
      var out = document.getElementById(r.id + '-value');
      if (out) out.textContent = money(Number(r.value), r.dataset.currency);
    });
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(form.dataset.api + '?' + params.toString(), {headers: {'Accept': 'application/json'}, signal: pending.signal})
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (data) { if (data) { render(data); form.dataset.ready = 'true'; } })
      .catch(function () {});
  }
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  refresh();
});
