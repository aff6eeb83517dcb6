// Entry pages carry their route's data inline; the app reads it on start and fetches other routes'
// entry pages for theirs (one file per route, nothing else per post).
import type { EntryData, RouteData } from '../../shared/contract.ts';
import { ENTRY_DATA_ID } from '../../shared/paths.ts';

export const BASE = import.meta.env.BASE_URL;

/** The entry data of the page the app started on. */
export function readInitialEntry(doc: Document = document): EntryData | undefined {
  const text = doc.getElementById(ENTRY_DATA_ID)?.textContent;
  return text ? (JSON.parse(text) as EntryData) : undefined;
}

/** The route path (relative to the base, ending in `/`) of a location's pathname. */
export function routeOfPathname(pathname: string): string {
  let rel = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\//, '');
  rel = rel.replace(/index\.html$/, '');
  if (rel !== '' && !rel.endsWith('/')) rel += '/';
  return rel
    .split('/')
    .map((s) => decodeURIComponent(s))
    .join('/');
}

export class NotFoundError extends Error {}

/** Fetches a route's entry page and returns the data it carries. */
export async function fetchRouteData(route: string): Promise<RouteData> {
  const res = await fetch(BASE + route.split('/').map(encodeURIComponent).join('/'));
  if (res.status === 404) throw new NotFoundError(route);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  const entry = readInitialEntry(doc);
  // A host may answer an unknown path with its fallback page (index.html or 404.html): not this route.
  if (!entry || entry.path !== route) throw new NotFoundError(route);
  return entry.route;
}

/** Fetches a hashed data file. */
export async function fetchData<T>(file: string): Promise<T> {
  const res = await fetch(BASE + file);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}
