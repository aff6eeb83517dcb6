import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { loadFolioPlugin } from './src/node/bin/bundle-folio.mjs';
import site from './folio.config.ts';

// The site's own options live in folio.config.ts; Vite's (`base`, `build.outDir`) here. The Folio
// plugin runs from a bundle of its sources, made again whenever they change (bundle-folio.mjs).
const folio = await loadFolioPlugin(import.meta.dirname);

export default defineConfig({
  plugins: [react(), folio(site)],
  preview: { port: 4173 },
});
