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
  // The page's language, in the reader's own variant of it when the browser has one (en-GB: 24 h).
  var locale = (navigator.language || '').toLowerCase().indexOf(lang.toLowerCase() + '-') === 0 ? navigator.language : lang;

  // The server already wrote times in the zone of the cookie; only a reader whose browser zone
  // it did not know yet (the first page, or after travelling) needs them rewritten here.
  function localise() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    var footer = document.querySelector('[data-reader-zone]');
    if (!zone || (footer && footer.getAttribute('data-reader-zone') === zone)) return;
    // dateStyle/timeStyle cannot be combined with timeZoneName (the browser throws), so the
    // fields are spelled out and the zone's short name is read separately.
    var when = new Intl.DateTimeFormat(locale, {year: 'numeric', month: 'short', day: 'numeric',
      hour: '2-digit', minute: '2-digit'});
    var name = new Intl.DateTimeFormat(locale, {timeZoneName: 'short'});
    document.querySelectorAll('time.reader[datetime]').forEach(function (el) {
      var d = new Date(el.getAttribute('datetime'));
      if (isNaN(d)) return;
      var abbr = name.formatToParts(d).filter(function (p) { return p.type === 'timeZoneName'; })
        .map(function (p) { return p.value; }).join('');
      el.textContent = when.format(d) + ' (' + zone + (abbr ? ', ' + abbr : '') + ')';
    });
    var label = document.querySelector('.reader-zone'), fmt = document.querySelector('.reader-zone-format');
    if (label && fmt) label.textContent = fmt.textContent.replace('{0}', zone);
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

  // A live "used / allowed" under every field that has a limit; the server enforces the limit.
  function counters() {
    var fmt = document.querySelector('.char-count-format');
    document.querySelectorAll('[data-count][maxlength]').forEach(function (field) {
      var out = document.createElement('div');
      out.className = 'char-count';
      out.setAttribute('aria-live', 'polite');
      if (field.id) out.id = field.id + '-count';
      field.insertAdjacentElement('afterend', out);
      var max = parseInt(field.getAttribute('maxlength'), 10);
      function update() {
        var used = Array.from(field.value).length;
        out.textContent = (fmt ? fmt.textContent : '{0} / {1}')
          .replace('{0}', used.toLocaleString(lang)).replace('{1}', max.toLocaleString(lang));
        out.classList.toggle('over', used >= max);
      }
      field.addEventListener('input', update);
      update();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    counters();
    localise();
    tick();
    setInterval(tick, 30000);
  });
})();
