// A background assignment run: the bar follows the run's progress (polled from the API) and the
// page reloads once the run has ended, to show its result. Without JavaScript, reloading does the same.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('progress.run-progress[data-api]').forEach(function (bar) {
    var phase = document.getElementById(bar.id + '-phase');
    var timer = null;
    function poll() {
      fetch(bar.dataset.api, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (run) {
          if (!run) return;
          if (run.status !== 'queued' && run.status !== 'running') {
            clearInterval(timer);
            window.location.reload();
            return;
          }
          bar.value = run.percent;
          bar.textContent = run.percent + ' %';
          var key = run.cancelRequested ? 'cancelling' : (run.phase || 'queued');
          var words = bar.dataset['phase' + key.charAt(0).toUpperCase() + key.slice(1)];
          if (phase && words) phase.textContent = words;
        })
        .catch(function () { /* a missed poll is retried on the next tick */ });
    }
    timer = setInterval(poll, 1000);
  });
});
