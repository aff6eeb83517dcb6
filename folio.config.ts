// Folio's options (README.md, "Configuration"; their types in src/node/options.ts). vite.config.ts
// hands them to the plugin, and `npm run check` reads them from here without starting Vite.
import type { FolioOptions } from './src/node/options.ts';

export default {
  title: 'Folio',
  description: '一个静态的文章阅读器 · A static reader for large archives of Markdown articles',
  siteUrl: 'http://localhost:4173', // where the site is served: set it to your own address
  lang: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  content: 'content',
  pageSize: 20,
} satisfies FolioOptions;
