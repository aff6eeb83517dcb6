// The doors between Folio's parts (docs/architecture.md), checked by `npm run lint`:
// - src/node: foundation files (options, issues, hash, worker-source, escape-html, csp, fences, markdown) import
//   nothing else of src/node; the stages (read, collect, emit, search, render, write, dev) never import
//   an orchestrator (pipeline, plugin, cli, write-site); no import circle anywhere.
// - src/client: features/, components/ and lib/ never import app/.
// - src/client and src/node never import each other; src/shared imports neither.
const FOUNDATION = '^src/node/(options|issues|hash|worker-source|escape-html|csp|fences|markdown)\\.ts$';
const STAGES = '^src/node/(read|collect|emit|search|render|write|dev)/';
const ORCHESTRATORS = '^src/node/(pipeline|plugin|cli|write-site)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: the stages are one-way doors.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'stage-imports-orchestrator',
      severity: 'error',
      comment: 'A stage of the build imports an orchestrator: hand it what it needs instead.',
      from: { path: STAGES },
      to: { path: ORCHESTRATORS },
    },
    {
      name: 'foundation-imports-node',
      severity: 'error',
      comment: 'A foundation file imports another file of src/node.',
      from: { path: FOUNDATION },
      to: { path: '^src/node/' },
    },
    {
      name: 'client-part-imports-app',
      severity: 'error',
      comment: 'features/, components/ and lib/ are used by app/, never the other way round.',
      from: { path: '^src/client/(features|components|lib)/' },
      to: { path: '^src/client/app/' },
    },
    {
      name: 'client-imports-node',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^src/node/' },
    },
    {
      name: 'node-imports-client',
      severity: 'error',
      from: { path: '^src/node/' },
      to: { path: '^src/client/' },
    },
    {
      name: 'shared-imports-a-side',
      severity: 'error',
      comment: 'src/shared is what the build and the app share: it imports neither.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(client|node)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '^src/node/bin/' },
  },
};
