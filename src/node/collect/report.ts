// Everything the build found → the build report (JSON) and its one-screen summary.
import fs from 'node:fs';
import path from 'node:path';
import { formatIssue, type ContentIssue, type Severity } from '../issues.ts';
import type { SiteUrlCheck } from './site-url.ts';

export type FileStatus = 'published' | 'asset' | 'excluded' | 'skipped';

export interface ReportFile {
  /** Relative to the content folder, with `/`. */
  path: string;
  status: FileStatus;
  /** Why the file is excluded or skipped. */
  reason?: string;
  slug?: string;
  title?: string;
  date?: string;
  updated?: string;
  author?: string[];
  tags?: string[];
  categories?: string[];
  /** A published post out of every list, feed, the sitemap and search (`unlisted: true`). */
  unlisted?: true;
  /** A published post taken down (`removed:`), with the reason: its address shows a notice. */
  removed?: string;
  issues: { severity: Severity; line?: number; field?: string; message: string }[];
}

export interface Report {
  files: ReportFile[];
  /** The tags the operator hid (`hiddenTags`), each with the number of posts that carried it. */
  hidden?: { tag: string; posts: number }[];
  /** A production build's or a check's word on `siteUrl`, when it would send the site out wrong. */
  siteUrl?: SiteUrlCheck;
  /** Old addresses (aliases): redirect pages and feed copies written, and those refused with why. */
  aliases?: { pages: number; copies: number; refused: { from: string; reason: string }[] };
  /** The tags the operator renamed (`tagSynonyms`), each with the number of posts that wrote it. */
  synonyms?: { from: string; to: string; posts: number }[];
  summary: {
    found: number;
    published: number;
    pages: number;
    /** Published posts out of the lists (`unlisted`), and taken down (`removed`). */
    unlisted: number;
    removed: number;
    assets: number;
    excluded: number;
    skipped: number;
    errors: number;
    warnings: number;
  };
}

export function makeReport(
  files: ReportFile[],
  { hidden = [], synonyms = [] }: Pick<Report, 'hidden' | 'synonyms'> = {},
): Report {
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // every count in one pass (the dev server makes the report on every save: 10,000 entries)
  const summary: Report['summary'] = {
    found: files.length,
    published: 0,
    pages: 0,
    unlisted: 0,
    removed: 0,
    assets: 0,
    excluded: 0,
    skipped: 0,
    errors: 0,
    warnings: 0,
  };
  const COUNTED = { asset: 'assets', excluded: 'excluded', skipped: 'skipped' } as const;
  for (const f of files) {
    if (f.status === 'published') {
      if (f.path.startsWith('pages/')) summary.pages++;
      else summary.published++;
      if (f.unlisted) summary.unlisted++;
      if (f.removed !== undefined) summary.removed++;
    } else summary[COUNTED[f.status]]++;
    for (const i of f.issues) summary[i.severity === 'error' ? 'errors' : 'warnings']++;
  }
  return {
    files,
    ...(hidden.length > 0 && { hidden }),
    ...(synonyms.length > 0 && { synonyms }),
    summary,
  };
}

/**
 * What fails a strict build or check, one message each: a `siteUrl` that would send the site out
 * wrong, then every error in content at once.
 */
export function strictFailures(report: Report): string[] {
  const errors = reportIssues(report).filter((i) => i.severity === 'error');
  return [
    ...(report.siteUrl ? [`folio: ${report.siteUrl.problem} (strict mode)`] : []),
    ...(errors.length > 0
      ? [`folio: ${errors.length} errors in content (strict mode):\n${errors.map(formatIssue).join('\n')}`]
      : []),
  ];
}

/** Every issue of the report, with its file. */
export function reportIssues(report: Report): ContentIssue[] {
  return report.files.flatMap((f) => f.issues.map((i) => ({ file: f.path, ...i })));
}

const MAX_LINES = 40;

/** The one-screen summary: counts, then excluded and skipped files and issues, errors first. */
export function summarise(report: Report, reportPath?: string): string {
  const s = report.summary;
  const lines = [
    `folio: ${s.found} files found: ${s.published} posts and ${s.pages} pages published, ${s.assets} assets, ` +
      `${s.excluded} excluded, ${s.skipped} skipped; ${s.errors} errors, ${s.warnings} warnings`,
  ];
  if (report.siteUrl) lines.push(`  ${report.siteUrl.severity}: ${report.siteUrl.problem}`);
  if (s.unlisted > 0 || s.removed > 0)
    lines.push(
      `  ${s.unlisted} unlisted (at their address, out of every list, feed, the sitemap and search), ` +
        `${s.removed} removed (a notice at their address)`,
    );
  const details = [
    ...report.files
      .filter((f) => f.status === 'excluded' || f.status === 'skipped')
      .map((f) => `${f.path}: ${f.status}: ${f.reason}`),
    ...report.files
      .filter((f) => f.removed !== undefined)
      .map((f) => `${f.path}: removed${f.removed ? `: ${f.removed}` : ''}`),
    ...reportIssues(report)
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
      .map(formatIssue),
  ];
  if (report.hidden?.length)
    lines.push(
      `  hidden tags: ${report.hidden.map((h) => `${h.tag} (${h.posts} post${h.posts === 1 ? '' : 's'})`).join(', ')}`,
    );
  if (report.aliases)
    lines.push(
      `  old addresses: ${report.aliases.pages} redirect pages, ${report.aliases.copies} feed copies` +
        (report.aliases.refused.length > 0
          ? `; refused: ${report.aliases.refused.map((r) => `${r.from} (${r.reason})`).join(', ')}`
          : ''),
    );
  if (report.synonyms?.length)
    lines.push(
      `  tags renamed: ${report.synonyms.map((s) => `${s.from} → ${s.to} (${s.posts} post${s.posts === 1 ? '' : 's'})`).join(', ')}`,
    );
  for (const d of details.slice(0, MAX_LINES)) lines.push(`  ${d}`);
  if (details.length > MAX_LINES) lines.push(`  … and ${details.length - MAX_LINES} more`);
  if (reportPath) lines.push(`  full report: ${reportPath}`);
  return lines.join('\n');
}

export function writeReport(report: Report, reportPath: string): void {
  fs.mkdirSync(path.dirname(reportPath), { recursive: true });
  fs.writeFileSync(reportPath, JSON.stringify(report, null, 1) + '\n');
}
