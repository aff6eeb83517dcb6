// The dev server on a corpus: how long until it serves the home page, and how long from saving a
// changed post to the new data being served (median of `edits` saves; the file is restored after).
// A save is followed as a browser follows it: the dev server's socket says "reload", and the page is
// fetched again until it carries the change (probing the page every few milliseconds instead kept the
// server so busy that it heard of the save 30 ms late).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
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
    const token = /const wsToken = "([^"]*)"/.exec(await get('/@vite/client'))?.[1];
    if (token === undefined) throw new Error("bench: no socket token in Vite's client");
    const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, 'vite-hmr');
    let reloaded: () => void = () => {};
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'full-reload') reloaded();
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const page = `/posts/${encodeURIComponent(published.slug!)}/`;
    const changeMs: number[] = [];
    try {
      for (let i = -1; i < edits; i++) {
        const marker = `改稿${i}号`;
        const changed = original.replace(/^title: .*$/m, `title: "${marker}"`);
        // Let the last save settle: its report is written 300 ms after it is served.
        await new Promise((r) => setTimeout(r, 1000));
        const reload = new Promise<void>((resolve) => (reloaded = resolve));
        const start = performance.now();
        fs.writeFileSync(file, changed);
        await reload;
        await until(async () => (await get(page)).includes(marker), 30_000);
        if (i >= 0) changeMs.push(performance.now() - start);
      }
    } finally {
      socket.close();
    }
    return { startSeconds, changeMs };
  } finally {
    if (file && original !== undefined) fs.writeFileSync(file, original);
    await stop(server);
  }
}
