// The code a worker thread of the build starts with: a sibling module, in TypeScript run with the tsx
// loader (Node 20 does not take `--import` in a worker's execArgv), or as the plain JavaScript that
// bin/bundle-folio.mjs made of it (then every module of the build lies in one folder).
export function workerSource(name: string): string {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
        tsx.register();
        return import(${JSON.stringify(new URL(`./${name}.ts`, here).href)});
      });`
    : `import(${JSON.stringify(new URL(`./${name}.mjs`, here).href)});`;
}
