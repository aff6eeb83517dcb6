// A build's manifest for tests of entry pages: a site in Chinese with no posts of its own, its data files
// named but never read.
import type { Manifest, SiteInfo } from '../../src/shared/contract.ts';

export function testManifest(site: Partial<SiteInfo> = {}, posts = 0): Manifest {
  return {
    schema: 1,
    site: {
      title: 'Site',
      description: 'About',
      lang: 'zh-CN',
      timeZone: 'UTC',
      siteUrl: 'https://example.org',
      ...site,
    },
    posts,
    pageSize: 20,
    directory: '',
    files: { tagsTop: 't', tags: 't', categories: 'c', authors: 'a', archive: 'r' },
    pages: [],
    search: { id: 's', buckets: 1 },
    facetRefs: { id: 'r', shards: 1 },
  };
}
