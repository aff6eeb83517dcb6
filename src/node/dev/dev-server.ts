// The dev server serves the data contract from memory and rebuilds it when a post changes.
import fs from 'node:fs';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { DATA_DIR, routeFile } from '../../shared/paths.ts';
import { searchFiles } from '../search/index-builder.ts';
import { MEDIA_TYPES, type MediaFile } from '../collect/media.ts';
import type { OrderedPost } from '../collect/order-posts.ts';
import { notFoundRoute, type EmittedData } from '../emit/run.ts';
import { renderEntry } from '../render/entry.ts';
import { watchContent, type ContentEvent } from './watch-content.ts';

/** What the dev server serves of the pipeline's latest run (pipeline.ts's result is one). */
export interface Served {
  data: EmittedData;
  posts: OrderedPost[];
  assets: Map<string, MediaFile>;
}

export interface DevState {
  current: () => Served;
  /** A watcher's event on a file in the content folder, as it comes. */
  changed: (event: ContentEvent, file: string) => void;
  /** Runs once events stop coming for a moment. */
  rebuild: () => void;
  contentDir: string;
}

/** The route path a request path names (`posts/a/`, `posts/a`, `posts/a/index.html`), if any. */
function routeOf(rel: string, result: Served): string | undefined {
  const bare = rel.replace(/index\.html$/, '');
  for (const candidate of [bare, bare.endsWith('/') || bare === '' ? bare : `${bare}/`])
    if (result.data.routes.has(candidate)) return candidate;
  return undefined;
}

export function serveFolio(server: ViteDevServer, state: DevState): void {
  const base = server.config.base;
  let timer: NodeJS.Timeout | undefined;
  let search: { id: string; files: Map<string, Uint8Array> } | undefined;
  const unwatch = watchContent(state.contentDir, (event, file) => {
    state.changed(event, file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.rebuild();
      server.ws.send({ type: 'custom', event: 'folio:data-changed' });
      server.ws.send({ type: 'full-reload' });
    }, 10);
  });
  server.httpServer?.on('close', unwatch);
  server.middlewares.use((req, res, next) => {
    const url = (req.url ?? '/').split('?')[0]!;
    if (!url.startsWith(base)) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(url.slice(base.length));
    } catch {
      return next();
    }
    const result = state.current();
    if (rel.startsWith(`${DATA_DIR}/search/`)) {
      // The search index is made when it is first asked for, not on every save.
      const plan = result.data.manifest.search;
      if (search?.id !== plan.id)
        search = { id: plan.id, files: searchFiles(plan, result.data.manifest.site.lang, result.posts) };
      const bytes = search.files.get(rel);
      if (!bytes) {
        // (an index a save has replaced: not found, never the app's page read as a bucket)
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('Content-Type', 'application/octet-stream');
      res.end(bytes);
      return;
    }
    const data = result.data.files.get(rel);
    if (data !== undefined) {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(data);
      return;
    }
    const asset = result.assets.get(rel);
    if (asset) {
      // as the hosts of docs/deployment.md serve media/: as what it is named, never run
      res.setHeader('Content-Type', MEDIA_TYPES[path.extname(rel)]!);
      res.setHeader('Content-Security-Policy', 'sandbox');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (asset instanceof Uint8Array) res.end(asset);
      else fs.createReadStream(asset.copy).pipe(res);
      return;
    }
    const route = routeOf(rel, result);
    // A page no route names, asked for as a page: the built site's 404.html, with its status (Vite's
    // fallback, the bare index.html, carries no data, which the app reads as a page cut short).
    const missing =
      route === undefined &&
      req.method === 'GET' &&
      /text\/html/.test(req.headers.accept ?? '') &&
      !rel.startsWith('@') &&
      (path.posix.extname(rel) === '' || rel.endsWith('.html'));
    if (
      !missing &&
      (route === undefined || (rel !== '' && !rel.endsWith('/') && !rel.endsWith(routeFile(''))))
    ) {
      if (route !== undefined) {
        res.statusCode = 301;
        res.setHeader('Location', `${url}/`);
        res.end();
        return;
      }
      return next();
    }
    const shell = fs.readFileSync(path.join(server.config.root, 'index.html'), 'utf8');
    const html = renderEntry(
      shell,
      {
        path: route ?? '404.html',
        manifest: result.data.manifest,
        route: route === undefined ? notFoundRoute(result.data) : result.data.routes.get(route)!,
      },
      { base, feeds: false },
    );
    server
      .transformIndexHtml(url, html)
      .then((out) => {
        if (route === undefined) res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(out);
      })
      .catch(next);
  });
}
