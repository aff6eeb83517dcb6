// Applies the reader's remembered theme before the first paint (no flash). A file, not an inline
// script, so the site's Content-Security-Policy can forbid inline scripts.
(function () {
  try {
    var theme = localStorage.getItem('folio-theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  } catch {
    /* storage off: follow the system */
  }
})();
