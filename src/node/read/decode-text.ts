// Bytes → text. In: a file's bytes. Out: its text with LF line endings, or a reason it is not text.
import { isUtf8 } from 'node:buffer';
import type { StepIssue } from '../issues.ts';

export type Decoded = { text: string; issues: StepIssue[] } | { binary: string };

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

export function decodeText(bytes: Uint8Array): Decoded {
  const issues: StepIssue[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = utf16le.decode(bytes.subarray(2));
    issues.push({ severity: 'warning', message: 'file is UTF-16 LE; decoded, but please save it as UTF-8' });
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = utf16be.decode(bytes.subarray(2));
    issues.push({ severity: 'warning', message: 'file is UTF-16 BE; decoded, but please save it as UTF-8' });
  } else {
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0)) return { binary: 'binary file (it holds NUL bytes), not text' };
    if (isUtf8(bytes)) {
      text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    } else {
      text = utf8.decode(bytes);
      const lines = text.split(/\r\n|\r|\n/);
      const bad = lines.findIndex((l) => l.includes('\uFFFD'));
      issues.push({
        severity: 'error',
        line: bad + 1,
        message: 'invalid UTF-8 bytes, shown as \uFFFD',
      });
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.includes('\u0000')) {
    text = text.replaceAll('\u0000', '');
    issues.push({ severity: 'warning', message: 'NUL characters removed' });
  }
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, issues };
}
