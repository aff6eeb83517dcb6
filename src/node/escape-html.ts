// Text → HTML text or attribute value.
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : text;
}

// XML 1.0 allows no control characters but tab, LF and CR, nor U+FFFE, U+FFFF or a lone surrogate,
// not even escaped: a feed with one is not XML, and a strict reader drops it whole.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- exactly those are what must go
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text without the characters XML 1.0 forbids. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Text as XML character data or an attribute: what XML forbids removed, the rest escaped (`&#39;` is XML too). */
export const escapeXml = (text: string): string => escapeHtml(xmlChars(text));
