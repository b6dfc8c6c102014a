// Progressive enhancement only: every page works without this file.
(function () {
  // Tell the server the reader's time zone so the next page shows times in it.
  try {
    var tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && document.cookie.indexOf('tandem-tz=' + encodeURIComponent(tz)) < 0) {
      document.cookie = 'tandem-tz=' + encodeURIComponent(tz) + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (e) { /* old browser: times stay in UTC, labelled so */ }

  var lang = document.documentElement.lang || 'en';

  function localise() {
    document.querySelectorAll('time.reader[datetime]').forEach(function (el) {
      var d = new Date(el.getAttribute('datetime'));
      if (isNaN(d)) return;
      el.textContent = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short'}).format(d)
        + ' (' + Intl.DateTimeFormat().resolvedOptions().timeZone + ')';
    });
  }

  function tick() {
    // The deadline is the reader-zone <time> of the same .deadline block; the format comes translated.
    document.querySelectorAll('.deadline').forEach(function (box) {
      var el = box.querySelector('.countdown'), t = box.querySelector('time.reader[datetime]');
      var fmt = box.querySelector('.countdown-format');
      if (!el || !t) return;
      var left = new Date(t.getAttribute('datetime')) - new Date();
      if (left <= 0) { el.textContent = '0'; return; }
      var m = Math.floor(left / 60000), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60);
      el.textContent = (fmt ? fmt.textContent : '{0} d {1} h {2} min')
        .replace('{0}', d).replace('{1}', h).replace('{2}', m % 60);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localise();
    tick();
    setInterval(tick, 30000);
  });
})();
