// The files a post references that the build copies (into media/, apart from the app's code): only
// types a browser shows without running anything of theirs, by extension. An SVG is a document that
// runs scripts when opened, so it is copied sanitised (sanitise-svg.ts); an HTML, XHTML or JavaScript
// file, or anything not listed, is not copied at all: its reference stays a link to nothing, and the
// post gets a warning. (The host also serves media/ with `Content-Security-Policy: sandbox` and
// `X-Content-Type-Options: nosniff`, where it reads `_headers` or the nginx recipe of docs/deployment.md.)
import fs from 'node:fs';
import { sanitiseSvg } from './sanitise-svg.ts';

/**
 * Raster images, documents, audio, video, plain text and archives, shown or downloaded, never run; and
 * SVG, sanitised. By extension, with the type a server names them by.
 */
export const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.jfif': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.oga': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mov': 'video/quicktime',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.7z': 'application/x-7z-compressed',
};

/** A file the build copies into the output: from the content folder as it is, or these bytes. */
export type MediaFile = { copy: string } | Uint8Array;

/** What the build makes of a referenced file: its copy, or why there is none. */
export type MediaCopy = MediaFile | { refused: string };

/** The copy of the content file at `abs`, by its extension (`ext`, lower case). */
export function mediaCopy(abs: string, ext: string): MediaCopy {
  if (ext === '.svg') {
    const svg = sanitiseSvg(fs.readFileSync(abs, 'utf8'));
    return svg === undefined ? { refused: 'an SVG file with no drawing in it' } : Buffer.from(svg);
  }
  if (Object.hasOwn(MEDIA_TYPES, ext)) return { copy: abs };
  return {
    refused: `${ext || 'no extension'}: not an image, SVG drawing, PDF, audio, video, text or archive, and a browser could run it`,
  };
}
