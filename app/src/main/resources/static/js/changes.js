// Progressive enhancement: without this file every part of the change form is shown and the
// server reads only the fields of the chosen kind.
(function () {
  var kind = document.getElementById('change-kind');
  if (!kind) {
    return;
  }
  function show() {
    document.querySelectorAll('#change-form [data-kinds]').forEach(function (el) {
      el.hidden = el.getAttribute('data-kinds').split(' ').indexOf(kind.value) < 0;
    });
  }
  kind.addEventListener('change', show);
  show();
})();
