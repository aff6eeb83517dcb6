// The renderer's plugins a standalone page's text needs beyond its own chunk (articles come as HTML),
// each fetched only for the texts that need it: rehype-raw + rehype-sanitize for raw HTML, remark-cjk-friendly for emphasis beside Chinese
// punctuation. Each is undefined when not needed, null while it loads.
import { useEffect, useMemo, useState } from 'react';
import type { PluggableList } from 'unified';
import { mayNeedCjkEmphasis } from '../../../../shared/cjk-emphasis.ts';

function useChunk(needed: boolean, load: () => Promise<PluggableList>): PluggableList | undefined | null {
  const [plugins, setPlugins] = useState<PluggableList | null>(null);
  useEffect(() => {
    if (needed) void load().then(setPlugins);
  }, [needed, load]);
  return needed ? plugins : undefined;
}

const loadRaw = () => import('./raw-html-plugins.ts').then((m) => m.rawHtmlPlugins);
const loadCjk = () => import('./cjk-plugins.ts').then((m) => m.cjkPlugins);

export function useBodyPlugins(rawHtml: boolean, body: string) {
  const cjkNeeded = useMemo(() => mayNeedCjkEmphasis(body), [body]);
  return { raw: useChunk(rawHtml, loadRaw), cjk: useChunk(cjkNeeded, loadCjk) };
}
