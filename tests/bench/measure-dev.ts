// The dev server on a corpus: how long until it serves the home page, and how long from saving a
// changed post to the new data being served (median of `edits` saves; the file is restored after).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stop } from './measure-reader.ts';

export interface DevFigures {
  startSeconds: number;
  changeMs: number[];
}

async function until(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > end) throw new Error(`bench: the dev server did not answer in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export async function measureDev(
  root: string,
  content: string,
  report: string,
  port: number,
  edits = 10,
): Promise<DevFigures> {
  const t0 = performance.now();
  const server = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'tests/bench/dev-server.ts'), root, content, report, String(port)],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const origin = `http://127.0.0.1:${port}`;
  let file: string | undefined;
  let original: string | undefined;
  try {
    // Vite may restart its server (after optimising dependencies): a dropped connection is one more probe.
    const get = async (url: string) => {
      try {
        const res = await fetch(origin + url);
        return res.ok ? await res.text() : '';
      } catch {
        return '';
      }
    };
    await until(async () => (await get('/')).includes('id="folio-data"'), 120_000);
    const startSeconds = (performance.now() - t0) / 1000;

    // A published post from the report, and a title that says which save it is.
    const published = (
      JSON.parse(fs.readFileSync(report, 'utf8')) as {
        files: { path: string; status: string; slug?: string }[];
      }
    ).files.find((f) => f.status === 'published' && f.slug)!;
    file = path.join(content, published.path);
    original = fs.readFileSync(file, 'utf8');
    // Vite optimises dependencies after the first request: edits are timed on a settled server,
    // after one untimed save.
    await new Promise((r) => setTimeout(r, 3000));
    const changeMs: number[] = [];
    for (let i = -1; i < edits; i++) {
      const marker = `改稿${i}号`;
      const changed = original.replace(/^title: .*$/m, `title: "${marker}"`);
      await new Promise((r) => setTimeout(r, 300)); // let the last save settle
      const start = performance.now();
      fs.writeFileSync(file, changed);
      await until(
        async () => (await get(`/posts/${encodeURIComponent(published.slug!)}/`)).includes(marker),
        30_000,
      );
      if (i >= 0) changeMs.push(performance.now() - start);
    }
    return { startSeconds, changeMs };
  } finally {
    if (file && original !== undefined) fs.writeFileSync(file, original);
    await stop(server);
  }
}
