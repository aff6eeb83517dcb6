// Ordered posts → the data contract. In: published posts in order, pages, site settings. Out: hashed
// data files (name → JSON text), every route's first-screen data, and the manifest. The dev server's
// runs patch the last one where they can (EmitMemo).
import type { FacetCount, FacetKind, Manifest, PageData, SiteInfo } from '../../shared/contract.ts';
import { routes, TOP_TAGS, type DataKind } from '../../shared/paths.ts';
import { searchPlan } from '../search/plan.ts';
import { emitMemo, Run, type EmitMemo, type EmittedData } from './run.ts';
import { FACET_NAMES, facetsHold, layFacets } from './facets.ts';
import type { OrderedPost } from '../collect/order-posts.ts';

export { contentHash } from '../hash.ts';
export { emitMemo, type EmitMemo } from './run.ts';

export type { EmittedData } from './run.ts';

const samePages = (a: PageData[], b: PageData[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** How lists are cut: posts per page, and the least number of posts a tag needs to be in the cloud. */
export interface ListSettings {
  pageSize: number;
  cloudMinCount?: number;
  /** The pinned posts the home page leads with (collect, order-posts.ts's pinnedPosts). */
  pinned?: OrderedPost[];
}

/**
 * The data of a run. `posts` are the listed ones (ordinals from 0); `unlisted`, the posts after them,
 * get their own routes and nothing else: no list, count, archive or search plan holds them.
 */
export function emitData(
  posts: OrderedPost[],
  pages: PageData[],
  site: SiteInfo,
  lists: ListSettings,
  memo: EmitMemo = emitMemo(),
  unlisted: OrderedPost[] = [],
): EmittedData {
  const { pageSize, cloudMinCount = 1, pinned = [] } = lists;
  const settings = JSON.stringify([site, pageSize, cloudMinCount]);
  const last = memo.last;
  const data =
    last &&
    last.settings === settings &&
    unlisted.length === 0 &&
    last.unlisted === 0 &&
    samePages(last.pages, pages) &&
    memo.facets?.posts === last.posts &&
    facetsHold(posts, last.posts)
      ? patchData(posts, memo, last, pinned)
      : undefined;
  return data ?? emitAll(posts, unlisted, pages, site, pageSize, cloudMinCount, memo, settings, pinned);
}

function emitAll(
  posts: OrderedPost[],
  unlisted: OrderedPost[],
  pages: PageData[],
  site: SiteInfo,
  pageSize: number,
  cloudMinCount: number,
  memo: EmitMemo,
  settings: string,
  pinned: OrderedPost[],
): EmittedData {
  const run = new Run(posts, pageSize, memo, new Map(), new Map(), [], []);
  for (const p of posts) {
    const k = run.known(p);
    run.summaries.push(k.summary);
    run.summaryJson.push(k.json);
  }
  const { names, directory } = run.shards();

  if (!memo.facets || !facetsHold(posts, memo.facets.posts))
    memo.facets = { posts, layout: layFacets(posts, run.keyOf) };
  memo.facets.posts = posts;
  const layout = memo.facets.layout;
  for (const [name, text] of layout.chunks) run.files.set(name, text);
  for (const [name, text] of layout.refFiles) run.files.set(name, text);
  const counts = {} as Record<FacetKind, FacetCount[]>;
  layout.kinds.forEach(([kind, facets], k) => {
    counts[kind] = facets.map((f) => ({ name: f.name, count: f.ordinals.length }));
    for (let i = 0; i < facets.length; i++) run.facetRoute(layout, k, i);
  });
  const archive = run.archiveIndex(site.timeZone);
  run.archiveRoutes(archive);
  const put = (kind: DataKind, value: unknown) => run.putText(kind, JSON.stringify(value));
  // the cloud: the most used tags that have the operator's least number of posts
  const cloud = counts.tag.filter((c) => c.count >= cloudMinCount).slice(0, TOP_TAGS);
  const manifest: Manifest = {
    schema: 1,
    site,
    posts: posts.length,
    pageSize,
    directory,
    files: {
      tagsTop: put('tags-top', cloud),
      tags: put('tags', counts.tag),
      categories: put('categories', counts.category),
      authors: put('authors', counts.author),
      archive: put('archive', archive),
    },
    pages: pages.map((p) => ({ slug: p.slug, title: p.title })),
    search: searchPlan(posts, site.lang),
    facetRefs: layout.refsInfo,
  };
  run.home(names, pinned);
  run.routeData.set(routes.tags(), { kind: 'tags', top: cloud });
  run.routeData.set(routes.search(), { kind: 'search' });
  for (const p of posts) run.postRoute(p);
  for (const p of unlisted) run.postRoute(p);
  for (const page of pages) run.routeData.set(routes.page(page.slug), { kind: 'page', page });
  const facets = layout.kinds.flatMap(([kind, list]) =>
    list.map((f) => ({ kind, name: f.name, ordinals: f.ordinals })),
  );
  const data = { files: run.files, facets, routes: run.routeData, manifest };
  memo.last = {
    posts,
    unlisted: unlisted.length,
    pages,
    settings,
    summaries: run.summaries,
    summaryJson: run.summaryJson,
    archive,
    data,
  };
  return data;
}

/**
 * Last run's data with the posts that changed since made again, when each keeps its place, its date
 * and its names (the facets hold: facetsHold). Undefined when a post's slug or date moved.
 */
function patchData(
  posts: OrderedPost[],
  memo: EmitMemo,
  last: NonNullable<EmitMemo['last']>,
  pinned: OrderedPost[],
) {
  const changed: number[] = [];
  for (let i = 0; i < posts.length; i++) {
    if (posts[i] === last.posts[i]) continue;
    const [now, was] = [posts[i]!, last.posts[i]!];
    // a new slug moves the post's route; a new date may move it in the archive
    if (now.slug !== was.slug || now.date?.ms !== was.date?.ms) return undefined;
    changed.push(i);
  }
  if (changed.length === 0) return last.data;
  const { data, pages } = last;
  const pageSize = data.manifest.pageSize;
  const run = new Run(
    posts,
    pageSize,
    memo,
    new Map(data.files),
    new Map(data.routes),
    last.summaries.slice(),
    last.summaryJson.slice(),
  );
  for (const i of changed) {
    const k = run.known(posts[i]!);
    run.summaries[i] = k.summary;
    run.summaryJson[i] = k.json;
  }
  const root = data.manifest.directory;
  for (const name of JSON.parse(run.files.get(root)!) as string[]) run.files.delete(name);
  run.files.delete(root);
  const { names, directory } = run.shards();
  const layout = memo.facets!.layout;
  memo.facets!.posts = posts;
  // The lists that show a changed post on one of their pages, and the post's own route.
  layout.kinds.forEach(([kind], k) => {
    const touched = new Set<number>();
    for (const i of changed)
      for (const name of FACET_NAMES[kind](posts[i]!)) touched.add(layout.index[k]!.get(run.keyOf(name))!);
    for (const at of touched) run.facetRoute(layout, k, at);
  });
  run.archiveRoutes(last.archive, changed);
  run.home(names, pinned);
  for (const i of changed) run.postRoute(posts[i]!);
  const patched: EmittedData = {
    ...data,
    files: run.files,
    routes: run.routeData,
    manifest: { ...data.manifest, directory, search: searchPlan(posts, data.manifest.site.lang) },
  };
  memo.last = {
    ...last,
    posts,
    pages,
    summaries: run.summaries,
    summaryJson: run.summaryJson,
    data: patched,
  };
  return patched;
}
