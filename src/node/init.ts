// `folio init [folder]`: a starter config, a sample post and a GitHub Pages workflow, written where
// nothing of the same name is (an existing file is never overwritten). Out: one line per file.
import fs from 'node:fs';
import path from 'node:path';
import { findConfig } from './config-file.ts';

const CONFIG = `// Folio's options (every one is in Folio's README, "Configuration"). Each may also be given for one
// run as a flag (--site-url https://…) or a variable (FOLIO_SITE_URL=https://…).
/** @type {import('folio').FolioOptions} */
export default {
  title: 'My archive',
  description: '',
  // the address the site is served from: canonical links, feeds and the sitemap need it
  siteUrl: '',
  lang: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  content: 'content',
  out: 'dist',
};
`;

const post = (today: string) => `---
title: 你好，Folio
date: ${today}
tags: [Folio]
---
这是 Folio 的示例文章：把它换成你自己的文章，或删掉它。

每篇文章是一个 Markdown 文件，开头的 front matter 写标题、日期和标签。运行 \`npx folio build\`
生成网站，\`npx folio preview\` 在本机预览。
`;

const WORKFLOW = `# Builds the site with Folio and publishes it on GitHub Pages (Settings → Pages → Source: GitHub Actions).
name: Publish the site
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - id: pages
        uses: actions/configure-pages@v5
      - run: npx folio build --base "\${{ steps.pages.outputs.base_path }}/" --site-url "\${{ steps.pages.outputs.base_url }}" --out dist
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;

/** Writes the starter files into `dir`; says what it wrote and what it left as it was. */
export function initSite(dir: string, today = new Date().toISOString().slice(0, 10)): string[] {
  const lines: string[] = [];
  const existing = findConfig([dir]);
  const files: [string, string][] = [
    ...(existing ? [] : [['folio.config.js', CONFIG] as [string, string]]),
    [`content/${today}-hello-folio.md`, post(today)],
    ['.github/workflows/folio.yml', WORKFLOW],
  ];
  if (existing) lines.push(`folio: ${path.relative(dir, existing)} is there already: left as it is`);
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) {
      lines.push(`folio: ${name} is there already: left as it is`);
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { flag: 'wx' });
    lines.push(`folio: wrote ${name}`);
  }
  lines.push(
    'folio: next, set title and siteUrl in the config, put your posts in content/, then run',
    '  npx folio build && npx folio preview',
  );
  return lines;
}
