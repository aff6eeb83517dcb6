// The report's one-screen summary: counts, then excluded and skipped files, then issues, errors first.
import { expect, test } from 'vitest';
import { formatIssue } from '../../src/node/issues.ts';
import { makeReport, summarise, type ReportFile } from '../../src/node/collect/report.ts';

const files: ReportFile[] = [
  {
    path: 'posts/b.md',
    status: 'published',
    issues: [{ severity: 'warning', message: 'dated in the future' }],
  },
  {
    path: 'posts/a.md',
    status: 'published',
    issues: [{ severity: 'error', line: 3, message: 'broken YAML' }],
  },
  { path: 'posts/c.md', status: 'excluded', reason: 'published: false', issues: [] },
  {
    path: 'posts/x.jpg',
    status: 'skipped',
    reason: 'not a post (.jpg) and no post references it',
    issues: [],
  },
  { path: 'posts/i.png', status: 'asset', issues: [] },
  { path: 'pages/about.md', status: 'published', issues: [] },
];

test('issues print as path:line: severity: message', () => {
  expect(formatIssue({ file: 'posts/a.md', line: 3, severity: 'error', message: 'broken YAML' })).toBe(
    'posts/a.md:3: error: broken YAML',
  );
  expect(formatIssue({ file: 'posts/a.md', severity: 'warning', message: 'no front matter' })).toBe(
    'posts/a.md: warning: no front matter',
  );
});

test('the summary counts and lists, errors before warnings, sorted by path', () => {
  const report = makeReport(files.map((f) => ({ ...f })));
  expect(report.summary).toEqual({
    found: 6,
    published: 2,
    pages: 1,
    unlisted: 0,
    removed: 0,
    assets: 1,
    excluded: 1,
    skipped: 1,
    errors: 1,
    warnings: 1,
  });
  expect(summarise(report, '/site/folio-report.json')).toBe(
    [
      'folio: 6 files found: 2 posts and 1 pages published, 1 assets, 1 excluded, 1 skipped; 1 errors, 1 warnings',
      '  posts/c.md: excluded: published: false',
      '  posts/x.jpg: skipped: not a post (.jpg) and no post references it',
      '  posts/a.md:3: error: broken YAML',
      '  posts/b.md: warning: dated in the future',
      '  full report: /site/folio-report.json',
    ].join('\n'),
  );
});

test('a long report stays on one screen', () => {
  const many: ReportFile[] = Array.from({ length: 100 }, (_, i) => ({
    path: `posts/${String(i).padStart(3, '0')}.md`,
    status: 'published',
    issues: [{ severity: 'warning', message: 'no front matter' }],
  }));
  const lines = summarise(makeReport(many)).split('\n');
  expect(lines).toHaveLength(42);
  expect(lines.at(-1)).toBe('  … and 60 more');
});
