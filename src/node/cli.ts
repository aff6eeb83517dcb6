// The `folio` command (bin/folio.mjs runs it from the bundle): build, dev, preview, check, init.
// In: the arguments and the folder Folio is installed in (its app: index.html, src/client, public).
// The site is the folder the command runs in: its config file (config-file.ts), its content folder,
// its output. Options come from the config file, then FOLIO_* variables, then flags (options.ts).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LogLevel, PluginOption } from 'vite';
import {
  flagName,
  OPTION_KINDS,
  optionsFromText,
  resolveOptions,
  type FolioOptions,
  type ResolvedOptions,
} from './options.ts';
import { findConfig, loadConfig } from './config-file.ts';
import { initSite } from './init.ts';

const USAGE = `usage: folio <command> [content folder] [flags]

  folio build [content]     build the site into --out (default dist/)
  folio dev [content]       serve the site, following edits to the posts
  folio preview             serve the last build (--out) as a static host would
  folio check [content]     read every post and write the report; nothing else is written
  folio init [folder]       write a starter config, a sample post and a GitHub Pages workflow

flags (each option of the config file is also a flag, and a FOLIO_* variable):
  --config FILE             the config file (default: folio.config.{ts,js,json} found beside the content)
  --out DIR, --base PATH    output folder, and the path the site is served under (/archive/)
  --site-url URL, --title TEXT, --strict, --future, --drafts, --page-size N, …
  --empty-out-dir           empty the output folder first (a rebuild otherwise writes over it exactly)
  --port N, --host [HOST], --strict-port, --open     (dev and preview)
  --log-level info|warn|error|silent
  --help, --version`;

/** Flags that are not options: the config file, and what goes to Vite. */
const TOOL_FLAGS: Record<string, 'text' | 'boolean' | 'optional'> = {
  config: 'text',
  emptyOutDir: 'boolean',
  logLevel: 'text',
  port: 'text',
  host: 'optional',
  strictPort: 'boolean',
  open: 'boolean',
  help: 'boolean',
  version: 'boolean',
};

/** `--out-dir`, `--outDir` → `outDir`. */
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
/** Vite's names for Folio's flags. */
const ALIASES: Record<string, string> = { outDir: 'out' };

export interface Parsed {
  command: string | undefined;
  positionals: string[];
  /** Option flags, as text (booleans as true/false). */
  options: Partial<Record<keyof FolioOptions, string | boolean>>;
  tool: Partial<Record<keyof typeof TOOL_FLAGS, string | boolean>>;
}

/** The arguments: `--flag value`, `--flag=value`, `--flag` (a boolean), `--no-flag`. */
export function parseArgs(argv: string[]): Parsed {
  const parsed: Parsed = { command: undefined, positionals: [], options: {}, tool: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      parsed.tool.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (parsed.command === undefined) parsed.command = arg;
      else parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = camel(arg.slice(2, eq === -1 ? undefined : eq));
    let value: string | boolean | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (name.startsWith('no') && /^no[A-Z]/.test(name) && value === undefined) {
      name = name[2]!.toLowerCase() + name.slice(3);
      value = false;
    }
    name = ALIASES[name] ?? name;
    const kind: string | undefined = (OPTION_KINDS as Record<string, string>)[name] ?? TOOL_FLAGS[name];
    if (kind === undefined) throw new UsageError(`folio: unknown flag ${arg}`);
    if (value === undefined) {
      const next = argv[i + 1];
      const takesNext = next !== undefined && !next.startsWith('--');
      if (kind === 'boolean') value = true;
      else if (kind === 'optional') value = takesNext ? argv[++i]! : true;
      else if (takesNext) value = argv[++i]!;
      else throw new UsageError(`folio: ${flagName(name)} needs a value`);
    }
    if (name in OPTION_KINDS) parsed.options[name as keyof FolioOptions] = value;
    else parsed.tool[name] = value;
  }
  return parsed;
}

class UsageError extends Error {}

/** The site's options as the command gives them: the config file's, and the flags over them. */
export interface Site {
  /** The folder the config file's paths are relative to. */
  root: string;
  config?: string;
  fileOptions: FolioOptions;
  flags: FolioOptions;
  options: ResolvedOptions;
}

/** Finds and reads the config file, and the flags (the content folder named as the first positional). */
export async function siteOf(parsed: Parsed, cwd: string): Promise<Site> {
  const given = { ...parsed.options };
  const content = parsed.positionals[0];
  if (content !== undefined) given.content = content;
  if (parsed.positionals.length > 1)
    throw new UsageError(`folio: one content folder, not ${parsed.positionals.join(' ')}`);
  const flags = optionsFromText(given, cwd, flagName);
  const named = typeof parsed.tool.config === 'string' ? path.resolve(cwd, parsed.tool.config) : undefined;
  if (named && !fs.existsSync(named)) throw new Error(`folio: no config file at ${named}`);
  const contentDir = flags.content;
  // beside the content folder a command names, else where it runs
  const config = named ?? findConfig([...(contentDir ? [path.dirname(contentDir), contentDir] : []), cwd]);
  const fileOptions = config ? await loadConfig(config) : {};
  const root = config ? path.dirname(config) : cwd;
  return { root, config, fileOptions, flags, options: resolveOptions(fileOptions, root, process.env, flags) };
}

/** The plugins a build or dev server of the site runs. */
async function plugins(site: Site): Promise<PluginOption[]> {
  const [{ default: react }, { folio }] = await Promise.all([
    import('@vitejs/plugin-react'),
    import('./plugin.ts'),
  ]);
  return [react(), folio(site.fileOptions, { root: site.root, flags: site.flags })];
}

/** Vite's settings every command shares: the app is Folio's own (index.html, src/client, public). */
function viteBase(app: string, site: Site, logLevel: LogLevel) {
  return {
    root: app,
    configFile: false as const,
    base: site.options.base,
    logLevel,
    publicDir: path.join(app, 'public'),
    cacheDir: path.join(app, 'node_modules/.vite'),
  };
}

const server = (tool: Parsed['tool'], defaultPort: number) => ({
  port: typeof tool.port === 'string' ? Number(tool.port) : defaultPort,
  strictPort: tool.strictPort === true,
  ...(tool.host !== undefined ? { host: tool.host } : {}),
  open: tool.open === true,
});

/** Whether a file is part of Folio's app (index.html, src, public), or a folder they lie in. */
function appSource(app: string, file: string): boolean {
  const rel = path.relative(app, file);
  if (rel === '' || rel === 'index.html') return true;
  const [top] = rel.split(path.sep);
  return top === 'src' || top === 'public';
}

async function check(site: Site): Promise<number> {
  const { checkContent } = await import('./pipeline.ts');
  const { strictFailures, summarise, writeReport } = await import('./collect/report.ts');
  const { checkSiteUrl } = await import('./collect/site-url.ts');
  const { options } = site;
  const t0 = performance.now();
  const result = await checkContent(options, {
    onProgress: (done, total) => console.error(`folio: read ${done} of ${total} files`),
  });
  const ms = performance.now() - t0;
  const siteUrl = checkSiteUrl(options.siteUrl, options.strict);
  if (siteUrl) result.report.siteUrl = siteUrl;
  writeReport(result.report, options.reportPath);
  console.log(summarise(result.report, options.reportPath));
  console.log(`folio: pipeline took ${(ms / 1000).toFixed(2)} s for ${result.posts.length} posts`);
  return options.strict && strictFailures(result.report).length > 0 ? 1 : 0;
}

/** Runs one command; resolves with the exit code (a server's command, once it listens). */
export async function run(argv: string[], app: string, cwd = process.cwd()): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  const { command, tool } = parsed;
  if (tool.version) {
    console.log(
      (JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')) as { version: string }).version,
    );
    return 0;
  }
  if (tool.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'init') {
    const written = initSite(path.resolve(cwd, parsed.positionals[0] ?? '.'));
    for (const line of written) console.log(line);
    return 0;
  }
  if (!command || !['build', 'dev', 'preview', 'check'].includes(command)) {
    console.error(`${command ? `folio: unknown command ${command}\n\n` : ''}${USAGE}`);
    return 2;
  }
  let site: Site;
  try {
    site = await siteOf(parsed, cwd);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  const logLevel = (typeof tool.logLevel === 'string' ? tool.logLevel : 'info') as LogLevel;
  if (command === 'check') return check(site);
  const vite = await import('vite');
  if (command === 'build') {
    await vite.build({
      ...viteBase(app, site, logLevel),
      plugins: await plugins(site),
      build: {
        outDir: site.options.outDir,
        ...(tool.emptyOutDir !== undefined ? { emptyOutDir: tool.emptyOutDir === true } : {}),
      },
    });
    return 0;
  }
  if (command === 'dev') {
    const dev = await vite.createServer({
      ...viteBase(app, site, logLevel),
      plugins: await plugins(site),
      server: {
        ...server(tool, 5173),
        // Of Folio's own folder, only the app's sources are watched (a checkout of Folio holds benchmark
        // output of 100,000 files, more than the system lets one watch); the content folder is
        // watched by the plugin itself.
        watch: { ignored: [(file: string) => !appSource(app, file)] },
      },
    });
    await dev.listen();
    dev.printUrls();
    dev.bindCLIShortcuts({ print: true });
    return 0;
  }
  const preview = await vite.preview({
    ...viteBase(app, site, logLevel),
    build: { outDir: site.options.outDir },
    preview: server(tool, 4173),
  });
  preview.printUrls();
  return 0;
}
