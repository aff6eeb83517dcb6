// The site's Content-Security-Policy: in every entry page (a meta tag) and in _headers. No inline
// script may run (the entry data is a JSON data block, never run; public/boot.js is a file); nothing
// from a post can load a plugin, change the base of relative addresses or send a form elsewhere.
// Images come from anywhere (WeChat and Zhihu mirrors, images.weserv.nl), and styles may be inline
// (the image boxes' aspect ratios, the image viewer).
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'img-src * data: blob:',
  'media-src *',
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy for a meta tag (frame-ancestors only works as a header, and warns in a meta tag). */
export const CSP_META = DIRECTIVES.join('; ');

/** The policy as a header: framing by other sites refused too. */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'self'"].join('; ');
