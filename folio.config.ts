// This site's options (docs/configuration.md; their types in src/node/options.ts): the `folio`
// command finds this file beside the content. Each may be given for one run as a flag or a variable.
import type { FolioOptions } from './src/node/options.ts';

export default {
  title: 'Folio',
  description: '',
  // where the site is served: `npm start` serves it here; set your own address (https://…) to publish
  siteUrl: 'http://localhost:4173',
  lang: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  content: 'content',
  pageSize: 20,
} satisfies FolioOptions;
