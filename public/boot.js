// Runs first on every page, before the first paint. A file, not an inline script, so the site's
// Content-Security-Policy can forbid inline scripts.
(function () {
  // The reader's remembered theme, applied before anything is painted (no flash).
  try {
    var theme = localStorage.getItem('folio-theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  } catch {
    /* storage off: follow the system */
  }

  // Script runs: what the first screen says only to readers without it (`.without-script`) is hidden
  // before it is painted. (Not <noscript>: a browser that has scripting but runs none shows it.)
  document.documentElement.setAttribute('data-js', '');

  // Until the reader first moves to another page, cards below a phone's first screen are laid out
  // when they come near the viewport (styles.css, `data-first-view`): the page's first layout and the
  // app's first render of it cost less. The app drops it at its first navigation, so that a list
  // returned to is laid out whole and its scroll position restored exactly.
  document.documentElement.setAttribute('data-first-view', '');

  // The app (and the chunks the page needs at once) is fetched after the page's own HTML is painted:
  // a reader on a slow phone sees the first screen without waiting for the JavaScript, and nothing
  // the app does holds it up. Pages built by the dev server start the app from their head instead.
  function start() {
    var app = document.querySelector('meta[name="folio-app"]');
    if (!app) return;
    var preload = document.querySelector('meta[name="folio-preload"]');
    var add = function (tag, attrs) {
      var el = document.createElement(tag);
      for (var k in attrs) el[k] = attrs[k];
      document.head.appendChild(el);
    };
    if (preload)
      preload.content.split(' ').forEach(function (href) {
        add('link', { rel: 'modulepreload', crossOrigin: '', href: href });
      });
    add('script', { type: 'module', crossOrigin: '', src: app.content });
  }
  var started = false;
  function once() {
    if (started) return;
    started = true;
    start();
  }
  // After the first contentful paint where the browser reports it (a frame later is not always
  // after it), else after the next frame; at once in a tab that is not shown (it paints nothing).
  function afterPaint() {
    var root = document.getElementById('root');
    var painted =
      root &&
      root.firstChild &&
      window.PerformanceObserver &&
      (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') !== -1;
    if (document.visibilityState === 'hidden') once();
    else if (painted) {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        setTimeout(once, 0);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(once, 3000); // a paint that is never reported must not keep the app away
    } else
      requestAnimationFrame(function () {
        setTimeout(once, 0);
      });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterPaint);
  else afterPaint();
})();
