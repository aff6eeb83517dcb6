// Build-wide facts, read once from the entry page the app started on.
import type { EntryData, FacetKind, Manifest } from '../../shared/contract.ts';
import { ENTRY_DATA_ID, setUrlScheme } from '../../shared/paths.ts';
import { messagesFor } from '../../shared/messages/titles.ts';
import type { Messages } from '../../shared/messages/zh-CN.ts';

/** The entry data inside an HTML document. */
export function readEntry(doc: Document): EntryData | undefined {
  const text = doc.getElementById(ENTRY_DATA_ID)?.textContent;
  return text ? (JSON.parse(text) as EntryData) : undefined;
}

export const initialEntry: EntryData | undefined =
  typeof document === 'undefined' ? undefined : readEntry(document);

const fallback: Manifest = {
  schema: 1,
  site: { title: 'Folio', description: '', lang: 'zh-CN', timeZone: 'Asia/Shanghai', siteUrl: '' },
  posts: 0,
  pageSize: 20,
  directory: '',
  files: { tagsTop: '', tags: '', categories: '', authors: '', archive: '' },
  pages: [],
  search: { id: '', buckets: 0 },
  facetRefs: { id: '', shards: 1 },
};

export const manifest: Manifest = initialEntry?.manifest ?? fallback;

// the operator's folder and feed names: every route the app makes follows them
setUrlScheme(manifest.site.urls);

/** Interface text in the site's language. */
export const t: Messages = messagesFor(manifest.site.lang);

/** What a tag, category or author is, in the site's language. */
export const facetKindLabel: Record<FacetKind, string> = {
  tag: t.tags,
  category: t.category,
  author: t.author,
};
