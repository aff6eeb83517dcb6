// Text → front matter + body. In: a post's text (LF line endings). Out: the top-level YAML entries
// keyed in lower case (last wins), the body and the line it starts on, and the issues found.
import { Alias, isMap, isScalar, isSeq, parseDocument, Schema, type Document, type Node } from 'yaml';
import type { StepIssue } from './issues.ts';

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
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  issues: StepIssue[];
}

const OPENER = /^---[ \t]*\n/;
const CLOSER = /^(?:---|\.\.\.)[ \t]*$/gm;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;
const MAX_ALIASES = 100;
// YAML 1.2 core: `2024` and `007` stay as written in the source; no timestamps, no custom tags. One
// instance for every file (building it per document is ~13% of the parse).
const CORE_SCHEMA = new Schema({ schema: 'core' });

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** `wanted`: the lower-case keys whose values are read; others are only checked for duplicates. */
/**
 * The file line where an unclosed quote, `[` or `{` opens. YAML reports where it gave up (often the
 * end of the block); the opener is where the author must look.
 */
function openerLine(yamlText: string, message: string): number | undefined {
  const lines = yamlText.split('\n');
  const count = (l: string, c: string) => l.split(c).length - 1;
  const test = /quote/i.test(message)
    ? (l: string) => /:\s*"(?:[^"\\]|\\.)*$/.test(l) || /:\s*'(?:[^']|'')*$/.test(l)
    : /flow (sequence|collection)/i.test(message)
      ? (l: string) => count(l, '[') > count(l, ']')
      : /flow map/i.test(message)
        ? (l: string) => count(l, '{') > count(l, '}')
        : () => false;
  const at = lines.findIndex(test);
  return at === -1 ? undefined : at + 2;
}

export function parseFrontMatter(text: string, wanted?: ReadonlySet<string>): FrontMatter {
  const issues: StepIssue[] = [];
  const entries = new Map<string, FmEntry>();
  const open = OPENER.exec(text);
  if (!open && !/^---[ \t]*$/.test(text)) {
    issues.push({ severity: 'warning', message: 'no front matter; title and date come from the file' });
    return { present: false, entries, body: text, bodyLine: 1, issues };
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
    return { present: false, entries, body: text, bodyLine: 1, issues };
  }
  const yamlText = text.slice(yamlStart, close.index);
  const afterClose = close.index + close[0].length;
  const body = text.slice(afterClose + (text[afterClose] === '\n' ? 1 : 0));
  const bodyLine = text.slice(0, afterClose).split('\n').length + 1;
  const lineOffset = 1; // the opener is line 1, YAML line 1 is file line 2
  const starts = [0];
  for (let i = yamlText.indexOf('\n'); i !== -1; i = yamlText.indexOf('\n', i + 1)) starts.push(i + 1);
  const fileLine = (offset: number) => lineAt(starts, offset) + lineOffset;

  let doc: Document;
  try {
    doc = parseDocument(yamlText, {
      schema: CORE_SCHEMA,
      uniqueKeys: false,
      prettyErrors: true,
      strict: false,
    });
  } catch (e) {
    issues.push({
      severity: 'error',
      line: 2,
      message: `front matter could not be read: ${(e as Error).message}`,
    });
    return { present: true, entries, body, bodyLine, issues };
  }
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 3)) {
      issues.push({
        severity: 'error',
        line: openerLine(yamlText, err.message) ?? (err.linePos ? err.linePos[0].line : 1) + lineOffset,
        message: `broken YAML in front matter: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}; published from the file name and body`,
      });
    }
    return { present: true, entries, body, bodyLine, issues };
  }
  for (const w of doc.warnings) {
    issues.push({
      severity: 'warning',
      line: w.linePos ? w.linePos[0].line + lineOffset : undefined,
      message:
        w.code === 'TAG_RESOLVE_FAILED'
          ? `custom YAML tag ignored: ${w.message.split(' at ')[0]}`
          : w.message.split('\n')[0]!,
    });
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return { present: true, entries, body, bodyLine, issues };
  }
  if (!isMap(contents)) {
    issues.push({
      severity: 'error',
      line: 2,
      message: 'front matter is not a mapping of keys to values; ignored',
    });
    return { present: true, entries, body, bodyLine, issues };
  }
  let aliases = 0;
  const read = (node: unknown, depth: number): FmValue | null => {
    if (node instanceof Alias) {
      if (++aliases > MAX_ALIASES) throw new RangeError(`more than ${MAX_ALIASES} YAML aliases`);
      return read(node.resolve(doc), depth);
    }
    if (depth > MAX_DEPTH) throw new RangeError(`front matter nested deeper than ${MAX_DEPTH} levels`);
    if (isScalar(node)) {
      if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:'))
        return { kind: 'scalar', value: node.source, source: node.source ?? '' };
      return { kind: 'scalar', value: node.value, source: node.source ?? String(node.value ?? '') };
    }
    if (isSeq(node))
      return { kind: 'list', items: node.items.map((i) => read(i, depth + 1)).filter((v) => v !== null) };
    if (isMap(node)) {
      const map = new Map<string, FmValue>();
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const v = read(pair.value, depth + 1);
        if (!FORBIDDEN_KEYS.has(k) && v) map.set(k, v);
      }
      return { kind: 'map', entries: map };
    }
    return null;
  };
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line = fileLine(keyNode?.range?.[0] ?? 0);
    if (FORBIDDEN_KEYS.has(key)) {
      issues.push({ severity: 'warning', line, field: key, message: `key "${key}" is not allowed; ignored` });
      continue;
    }
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
    let value: FmValue | null = null;
    aliases = 0;
    if (wanted && !wanted.has(lower)) {
      entries.set(lower, { key, line, value });
      continue;
    }
    try {
      value = read(pair.value, 1);
    } catch (e) {
      issues.push({
        severity: 'error',
        line,
        field: key,
        message: `value of "${key}" refused: ${(e as Error).message}`,
      });
      continue;
    }
    entries.set(lower, { key, line, value });
  }
  return { present: true, entries, body, bodyLine, issues };
}
