// The dev server as an operator runs it (`npm run dev`), in a process of its own so that the bench's
// probes do not share its event loop: `tsx tests/bench/dev-server.ts <root> <content> <report> <port>`.
// The bench's folder (every corpus and output, 250,000 files at 100k posts) is no part of a site an
// operator would run: Vite watches the app and the corpus measured, not the corpora beside it.
import path from 'node:path';
import { createServer } from 'vite';

const [root, content, report, port] = process.argv.slice(2) as [string, string, string, string];
process.env.FOLIO_CONTENT = content;
process.env.FOLIO_REPORT = report;
const bench = path.dirname(path.dirname(content));
const within = (dir: string, file: string) => file === dir || file.startsWith(dir + path.sep);
const server = await createServer({
  root,
  logLevel: 'silent',
  server: {
    port: Number(port),
    strictPort: true,
    host: '127.0.0.1',
    watch: { ignored: (file: string) => within(bench, file) && !within(content, file) },
  },
});
await server.listen();
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
