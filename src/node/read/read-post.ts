// One file's bytes → a post record (or a page). In: the file's bytes and where it lies. Out: the record
// with every issue found on the way, or the reason the file is not text.
import type { PageData } from '../../shared/contract.ts';
import { analyseBody, mayHoldLocalRefs, type BodyFacts } from './analyse-body.ts';
import { decodeText } from './decode-text.ts';
import type { StepIssue } from '../issues.ts';
import {
  FRONT_MATTER_KEYS,
  frontMatterTitle,
  normalisePost,
  removedReason,
  type NormaliseContext,
  type PostRecord,
} from './normalise-post.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
import { MAX_NESTING, repairBody } from './repair-body.ts';

/**
 * What a read is for: a post's page and lists (a build: the body analysed whole), or only the report
 * (`npm run check`: the body's Markdown parsed only where the report depends on it).
 */
export type ReadFor = 'page' | 'report';

/**
 * The facts of a body the report does not depend on: its Markdown is not parsed. The report shows a
 * post's title, dates, names and issues; of the body it takes the first heading for a post whose
 * front matter has no title, and local references (the files a post uses, or misses). Analysing
 * bodies is two fifths of the time to read an archive (the check's budget: docs/performance.md).
 */
const NOT_ANALYSED: BodyFacts = {
  excerpt: '',
  readingMinutes: 0,
  wordCount: 0,
  imageCount: 0,
  headings: [],
  rawHtml: false,
  localRefs: [],
};

export function readPost(
  path: string,
  bytes: Uint8Array,
  ctx: NormaliseContext,
  readFor: ReadFor = 'page',
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
  // a post taken down: nothing of its body is read, kept or copied
  if (removedReason(fm) !== undefined) fm.body = '';
  const facts =
    readFor === 'report' && frontMatterTitle(fm) && !mayHoldLocalRefs(fm.body)
      ? NOT_ANALYSED
      : analyseBody(fm.body);
  return normalisePost(path, fm, facts, ctx);
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
