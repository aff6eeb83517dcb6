// One file's bytes → a post record (or a page). In: the file's bytes and where it lies. Out: the record
// with every issue found on the way, or the reason the file is not text.
import type { PageData } from '../shared/contract.ts';
import { analyseBody } from './analyse-body.ts';
import { decodeText } from './decode-text.ts';
import type { StepIssue } from './issues.ts';
import {
  FRONT_MATTER_KEYS,
  normalisePost,
  type NormaliseContext,
  type PostRecord,
} from './normalise-post.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
import { MAX_NESTING, repairBody } from './repair-body.ts';

export function readPost(
  path: string,
  bytes: Uint8Array,
  ctx: NormaliseContext,
): PostRecord | { binary: string } {
  const decoded = decodeText(bytes);
  if ('binary' in decoded) return decoded;
  const fm = parseFrontMatter(decoded.text, FRONT_MATTER_KEYS);
  fm.issues.unshift(...decoded.issues);
  fm.body = repairBody(fm.body, (line) =>
    fm.issues.push({
      severity: 'warning',
      line: fm.bodyLine + line - 1,
      message: `containers (quotes, lists) nested deeper than ${MAX_NESTING} levels are flattened from here`,
    }),
  );
  return normalisePost(path, fm, analyseBody(fm.body), ctx);
}

export interface PageRecord {
  path: string;
  page: PageData;
  issues: StepIssue[];
}

export function readPage(
  path: string,
  bytes: Uint8Array,
  ctx: NormaliseContext,
): PageRecord | { binary: string } {
  const record = readPost(path, bytes, { ...ctx, page: true });
  if ('binary' in record) return record;
  return {
    path,
    page: { slug: record.slugBase, title: record.title, body: record.body, rawHtml: record.rawHtml },
    issues: record.issues,
  };
}
