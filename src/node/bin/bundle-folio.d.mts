import type { folio } from '../plugin.ts';

/** Bundles Folio's build sources when they changed; returns the folder of the bundle. */
export function bundleFolio(root?: string): Promise<string>;
/** The `folio()` Vite plugin factory, run from the bundle. */
export function loadFolioPlugin(root?: string): Promise<typeof folio>;
