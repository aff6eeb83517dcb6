import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { folio } from './src/node/plugin.ts';
import site from './folio.config.ts';

// The site's own options live in folio.config.ts; Vite's (`base`, `build.outDir`) here.
export default defineConfig({
  plugins: [react(), folio(site)],
  preview: { port: 4173 },
});
