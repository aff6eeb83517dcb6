// A post's body, read again from its file when the build did not keep it: a large archive's bodies
// are not all held at once (100,000 posts are ~500 MB of text), only as each page is written.
// In: where the body was. Out: the body as the pipeline made it (placeholders repaired, local
// references rewritten).
import fs from 'node:fs';
import { decodeText } from './decode-text.ts';
import { repairBody } from './repair-body.ts';

/** Where a body that was not kept lies, and what the pipeline rewrote in it. */
export interface BodySource {
  /** The file to read. */
  abs: string;
  /** Where the body starts in the file's decoded text. */
  start: number;
  /** Local references and the hashed asset URLs they became. */
  rewrites: [ref: string, url: string][];
}

/** A local reference in Markdown or HTML, pointed at its hashed copy. */
export function replaceRef(body: string, ref: string, url: string): string {
  return body
    .split(`](${ref}`)
    .join(`](${url}`)
    .split(`="${ref}"`)
    .join(`="${url}"`)
    .split(`='${ref}'`)
    .join(`='${url}'`);
}

/** The body of a post: the one kept, else its file's, read again. */
export function bodyOf(post: { body: string; bodySource?: BodySource }): string {
  const source = post.bodySource;
  if (!source) return post.body;
  const decoded = decodeText(fs.readFileSync(source.abs));
  if ('binary' in decoded) throw new Error(`folio: ${source.abs} is no longer text`);
  let body = repairBody(decoded.text.slice(source.start));
  for (const [ref, url] of source.rewrites) body = replaceRef(body, ref, url);
  return body;
}
