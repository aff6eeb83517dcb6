// `npm run check`: src/node/cli.ts run as plain JavaScript, from the bundle that bundle-folio.mjs keeps
// up to date. In: the project folder (the working directory). Out: what cli.ts does.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleFolio } from './bundle-folio.mjs';

const out = await bundleFolio(process.cwd());
if (fs.existsSync(path.join(out, 'site-config.mjs')))
  process.env.FOLIO_CONFIG_MODULE = path.join(out, 'site-config.mjs');
await import(pathToFileURL(path.join(out, 'cli.mjs')).href);
