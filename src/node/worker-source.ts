// The code a worker thread of the build starts with: a module of src/node (`read/read-worker`), in
// TypeScript run with the tsx loader (Node 20 does not take `--import` in a worker's execArgv), or as
// the plain JavaScript that bin/bundle-folio.mjs made of it (then every entry lies in one folder, by
// its file's name).
export function workerSource(module: string): string {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
        tsx.register();
        return import(${JSON.stringify(new URL(`./${module}.ts`, here).href)});
      });`
    : `import(${JSON.stringify(new URL(`./${module.split('/').pop()!}.mjs`, here).href)});`;
}
