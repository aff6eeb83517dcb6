// Text → front matter + body. In: a post's text (LF line endings). Out: the top-level YAML entries
// keyed in lower case (last wins), the body and the line it starts on, and the issues found.
import yaml from 'js-yaml';
import type { StepIssue } from '../issues.ts';
import { xmlChars } from '../escape-html.ts';

/** A front matter value, read safely: scalars keep their written text. */
export type FmValue =
  | { kind: 'scalar'; value: unknown; source: string }
  | { kind: 'list'; items: FmValue[] }
  | { kind: 'map'; entries: Map<string, FmValue> };

export interface FmEntry {
  /** The key as written. */
  key: string;
  /** 1-based line of the key in the file. */
  line: number;
  value: FmValue | null;
}

export interface FrontMatter {
  /** Whether the file opened with a front matter block. */
  present: boolean;
  /** Entries by lower-case key; the last of duplicate keys wins. */
  entries: Map<string, FmEntry>;
  body: string;
  /** Where the body starts in the text. */
  bodyStart: number;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  issues: StepIssue[];
}

const OPENER = /^---[ \t]*\n/;
const CLOSER = /^(?:---|\.\.\.)[ \t]*$/gm;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;
const MAX_ALIASES = 100;

/** A plain scalar that YAML 1.2's core schema types (`007`, `true`, `~`): its value and its written text. */
class Typed {
  constructor(
    readonly value: unknown,
    readonly source: string,
  ) {}
  // js-yaml turns keys into strings, and objects without a tag of their own into "[object Object]"
  get [Symbol.toStringTag]() {
    return 'Typed';
  }
  toString() {
    return this.source;
  }
}

/** A node with a tag of the author's own (`!ruby/object:Foo`): read as its contents, with a warning. */
class Tagged {
  constructor(
    readonly tag: string,
    readonly value: unknown,
  ) {}
  get [Symbol.toStringTag]() {
    return 'Tagged';
  }
}

// The `js-yaml` package (8× faster than `yaml` on front matter) with YAML 1.2's core schema, each typed
// scalar wrapped so that `2024` and `007` keep their written text; no timestamps; any other tag kept
// as a `Tagged` value (js-yaml would refuse the document).
interface CoreType {
  tag: string;
  kind: string;
  resolve(source: string): boolean;
  construct(source: string): unknown;
}
const typed = (t: CoreType) =>
  new yaml.Type(t.tag, {
    kind: 'scalar',
    resolve: (s: string) => t.resolve(s),
    construct: (s: string) => new Typed(t.construct(s), s),
  });
const core = yaml.CORE_SCHEMA as unknown as { compiledImplicit: CoreType[] };
const tagged = (kind: 'scalar' | 'sequence' | 'mapping', prefix: string) =>
  new yaml.Type(prefix, {
    kind,
    multi: true,
    construct: (data: unknown, tag?: string) => new Tagged(tag!, data),
  });
const SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: core.compiledImplicit.filter((t) => t.kind === 'scalar' && !t.tag.endsWith(':str')).map(typed),
  explicit: (['scalar', 'sequence', 'mapping'] as const).flatMap((kind) => [
    tagged(kind, '!'),
    tagged(kind, 'tag:'),
  ]),
});

const OPEN_QUOTE = [/(?:^|[:,[{-])\s*"(?:[^"\\]|\\.)*$/, /(?:^|[:,[{-])\s*'(?:[^']|'')*$/];
const count = (line: string, c: string) => line.split(c).length - 1;

/**
 * Where a quote, `[` or `{` opens and is never closed, at or before the line YAML gave up on (0-based):
 * YAML reports where it gave up (often a later line, as "deficient indentation"); the opener is where
 * the author must look.
 */
function unclosedOpener(lines: string[], upTo: number): { line: number; what: string } | undefined {
  for (let i = Math.min(upTo, lines.length - 1); i >= 0; i--) {
    const line = lines[i]!;
    if (OPEN_QUOTE.some((re) => re.test(line))) return { line: i, what: 'the quote' };
    if (count(line, '[') > count(line, ']')) return { line: i, what: 'the [' };
    if (count(line, '{') > count(line, '}')) return { line: i, what: 'the {' };
  }
  return undefined;
}

export function parseFrontMatter(text: string, wanted?: ReadonlySet<string>): FrontMatter {
  const issues: StepIssue[] = [];
  const entries = new Map<string, FmEntry>();
  const open = OPENER.exec(text);
  if (!open && !/^---[ \t]*$/.test(text)) {
    issues.push({ severity: 'warning', message: 'no front matter; title and date come from the file' });
    return { present: false, entries, body: text, bodyStart: 0, bodyLine: 1, issues };
  }
  const yamlStart = open ? open[0].length : text.length;
  CLOSER.lastIndex = yamlStart;
  const close = CLOSER.exec(text);
  if (!close) {
    issues.push({
      severity: 'error',
      line: 1,
      message: 'front matter opened on line 1 is never closed by --- or ...; the file is read as body',
    });
    return { present: false, entries, body: text, bodyStart: 0, bodyLine: 1, issues };
  }
  const yamlText = text.slice(yamlStart, close.index);
  const afterClose = close.index + close[0].length;
  const bodyStart = afterClose + (text[afterClose] === '\n' ? 1 : 0);
  const body = text.slice(bodyStart);
  const bodyLine = text.slice(0, afterClose).split('\n').length + 1;
  const lineOffset = 2; // the opener is line 1: YAML's line 0 is the file's line 2

  // The top-level keys, each with its line and value, as js-yaml meets them (nodes at depth 2 are the
  // top-level mapping's keys and values, in turn).
  const pairs: { key: unknown; line: number; value: unknown }[] = [];
  let keyLine = 0;
  let atKey = true;
  let loaded: unknown;
  try {
    loaded = yaml.load(yamlText, {
      schema: SCHEMA,
      json: true, // duplicate keys: the last wins (as Jekyll); each is reported below
      maxDepth: MAX_DEPTH,
      listener(event, state) {
        if ((state as { depth?: number }).depth !== 2) return;
        if (event === 'open' && atKey) keyLine = state.line;
        else if (event === 'close') {
          if (atKey) pairs.push({ key: state.result, line: keyLine + lineOffset, value: undefined });
          else pairs.at(-1)!.value = state.result;
          atKey = !atKey;
        }
      },
    } as yaml.LoadOptions);
  } catch (e) {
    // js-yaml's own errors, and a stack overflow on nesting its depth bound does not see (flow nodes)
    if (!(e instanceof yaml.YAMLException) && !(e instanceof RangeError)) throw e;
    const reason = e instanceof yaml.YAMLException ? e.reason : `nested too deeply (${e.message})`;
    const at = e instanceof yaml.YAMLException ? ((e.mark as { line?: number } | undefined)?.line ?? 0) : 0;
    const opener = /quoted scalar|deficient indentation|end of the stream|flow collection|missed comma/.test(
      reason,
    )
      ? unclosedOpener(yamlText.split('\n'), at)
      : undefined;
    issues.push({
      severity: 'error',
      line: (opener?.line ?? at) + lineOffset,
      message: `broken YAML in front matter: ${
        opener ? `${opener.what} opened on this line is never closed` : reason
      }; published from the file name and body`,
    });
    return { present: true, entries, body, bodyStart, bodyLine, issues };
  }
  if (loaded === null || loaded === undefined || (loaded instanceof Typed && loaded.value === null)) {
    return { present: true, entries, body, bodyStart, bodyLine, issues };
  }
  if (
    typeof loaded !== 'object' ||
    Array.isArray(loaded) ||
    loaded instanceof Typed ||
    loaded instanceof Tagged
  ) {
    issues.push({
      severity: 'error',
      line: 2,
      message: 'front matter is not a mapping of keys to values; ignored',
    });
    return { present: true, entries, body, bodyStart, bodyLine, issues };
  }

  for (const { key: rawKey, line, value: raw } of pairs) {
    const key = String(rawKey);
    if (FORBIDDEN_KEYS.has(key)) {
      issues.push({ severity: 'warning', line, field: key, message: `key "${key}" is not allowed; ignored` });
      continue;
    }
    const tag = tagIn(raw);
    if (tag)
      issues.push({ severity: 'warning', line, field: key, message: `custom YAML tag ignored: ${tag}` });
    const lower = key.toLowerCase();
    const earlier = entries.get(lower);
    if (earlier) {
      issues.push({
        severity: 'warning',
        line,
        field: key,
        message: `duplicate key "${key}" (first on line ${earlier.line}); the last one wins`,
      });
    }
    if (wanted && !wanted.has(lower)) {
      entries.set(lower, { key, line, value: null });
      continue;
    }
    try {
      const walk = { aliases: 0, seen: new Set<object>(), removed: false };
      entries.set(lower, { key, line, value: valueOf(raw, walk, 1) });
      if (walk.removed)
        issues.push({
          severity: 'warning',
          line,
          field: key,
          message: `control characters or lone surrogates removed from "${key}"`,
        });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      issues.push({
        severity: 'error',
        line,
        field: key,
        message: `value of "${key}" refused: ${e.message}`,
      });
    }
  }
  return { present: true, entries, body, bodyStart, bodyLine, issues };
}

interface Walk {
  aliases: number;
  seen: Set<object>;
  /** Whether a text lost characters no text may hold. */
  removed: boolean;
}

/**
 * A text value without what XML forbids: C0 controls but tab, LF and CR, U+FFFE, U+FFFF and lone
 * surrogates. A file's decoded text holds no lone surrogate and js-yaml refuses raw controls, but a
 * double-quoted YAML string spells any code unit (`"\x00"`, `"\ud800"`): a NUL in a tag is a file name
 * no disk takes, a lone surrogate a URL `encodeURIComponent` throws on, either a feed no reader parses.
 */
function textValue(text: string, walk: Walk): FmValue {
  const clean = xmlChars(text);
  if (clean.length !== text.length) walk.removed = true;
  return { kind: 'scalar', value: clean, source: clean };
}

/**
 * js-yaml's value → an FmValue. An alias is the very node it names, so a node met twice is an alias:
 * more than MAX_ALIASES of them (a "billion laughs" bomb) are refused before they are expanded.
 */
function valueOf(raw: unknown, walk: Walk, depth: number): FmValue | null {
  if (depth > MAX_DEPTH) throw new RangeError(`front matter nested deeper than ${MAX_DEPTH} levels`);
  if (raw instanceof Tagged) {
    return raw.value !== null && typeof raw.value === 'object'
      ? valueOf(raw.value, walk, depth)
      : textValue(String(raw.value ?? ''), walk);
  }
  if (raw instanceof Typed) return { kind: 'scalar', value: raw.value, source: raw.source };
  if (raw === null || raw === undefined) return { kind: 'scalar', value: null, source: '' };
  if (typeof raw === 'string') return textValue(raw, walk);
  if (typeof raw !== 'object') return { kind: 'scalar', value: raw, source: String(raw) };
  if (walk.seen.has(raw) && ++walk.aliases > MAX_ALIASES)
    throw new RangeError(`more than ${MAX_ALIASES} YAML aliases`);
  walk.seen.add(raw);
  if (Array.isArray(raw))
    return {
      kind: 'list',
      items: raw.map((i) => valueOf(i, walk, depth + 1)).filter((v): v is FmValue => v !== null),
    };
  const map = new Map<string, FmValue>();
  for (const [k, v] of Object.entries(raw)) {
    const value = valueOf(v, walk, depth + 1);
    if (!FORBIDDEN_KEYS.has(k) && value) map.set(k, value);
  }
  return { kind: 'map', entries: map };
}

/** The first tag of the author's own in a value (each node looked at once, aliases or not). */
function tagIn(raw: unknown, seen = new Set<object>()): string | undefined {
  if (raw instanceof Tagged) return raw.tag;
  if (raw === null || typeof raw !== 'object' || raw instanceof Typed || seen.has(raw)) return undefined;
  seen.add(raw);
  for (const v of Array.isArray(raw) ? raw : Object.values(raw)) {
    const tag = tagIn(v, seen);
    if (tag) return tag;
  }
  return undefined;
}
