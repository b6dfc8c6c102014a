// Live totals of the proposal's budget grid (per category, per project year, overall) while the
// applicant types. Only a preview: the server recomputes every total from what it stores.
(function () {
  'use strict';

  // Same reading as the server: spaces and thousands marks ignored; a final comma or point
  // followed by one or two digits is the decimal mark. Anything else counts as nothing here.
  function parse(text) {
    var s = (text || '').replace(/[\s\u00a0\u202f']/g, '');
    if (!/^[0-9][0-9.,]*$/.test(s)) return 0;
    var last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    var whole = s, fraction = '';
    var tail = s.length - last - 1;
    if (last >= 0 && tail >= 1 && tail <= 2) {
      whole = s.substring(0, last);
      fraction = s.substring(last + 1);
    }
    if (!/^[0-9]{1,3}([.,][0-9]{3})*$/.test(whole) && !/^[0-9]+$/.test(whole)) return 0;
    var n = Number(whole.replace(/[.,]/g, '') + (fraction ? '.' + fraction : ''));
    return isFinite(n) ? n : 0;
  }

  function grid(table) {
    var currency = table.getAttribute('data-currency');
    var locale = table.getAttribute('data-locale') || document.documentElement.lang || 'en';
    var money;
    try {
      money = new Intl.NumberFormat(locale, { style: 'currency', currency: currency, maximumFractionDigits: 2,
        minimumFractionDigits: 0 });
    } catch (e) {
      money = new Intl.NumberFormat(locale);
    }
    function update() {
      var years = {}, total = 0;
      table.querySelectorAll('tbody tr').forEach(function (row) {
        var sum = 0;
        row.querySelectorAll('input.amount').forEach(function (input) {
          var v = parse(input.value);
          var y = input.getAttribute('data-year');
          years[y] = (years[y] || 0) + v;
          sum += v;
        });
        var cell = row.querySelector('.row-total');
        if (cell) cell.textContent = money.format(sum);
        total += sum;
      });
      table.querySelectorAll('tfoot .year-total').forEach(function (cell) {
        cell.textContent = money.format(years[cell.getAttribute('data-year')] || 0);
      });
      var grand = table.querySelector('.grand-total');
      if (grand) grand.textContent = money.format(total);
    }
    table.addEventListener('input', update);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('table.budget-grid').forEach(grid);
  });
})();
