import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { folio } from './src/node/plugin.ts';

// Folio's options are documented in README.md ("Configuration") and src/node/options.ts.
export default defineConfig({
  plugins: [
    react(),
    folio({
      title: 'Folio',
      description: '一个静态的文章阅读器 · A static reader for large archives of Markdown articles',
      siteUrl: 'http://localhost:4173', // where the site is served: set it to your own address
      lang: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      content: 'content',
      pageSize: 20,
    }),
  ],
  preview: { port: 4173 },
});
