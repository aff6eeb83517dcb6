// Whether a hashed data file holds what its kind promises (the contract's shapes, checked as far as
// the reader relies on them): a truncated, stale or foreign file is an error to retry, not a crash.
import type { DataKind } from './paths.ts';

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isString: Check = (v) => typeof v === 'string';
const isSummary: Check = (v) =>
  isObject(v) && isNumber(v.ordinal) && isString(v.slug) && isString(v.title) && Array.isArray(v.tags);
const isCount: Check = (v) => isObject(v) && isString(v.name) && isNumber(v.count);
const isPostingsRef: Check = (v) =>
  isObject(v) && arrayOf(isString)(v.chunks) && isNumber(v.offset) && isNumber(v.count);
const isCoTag: Check = (v) => Array.isArray(v) && v.length === 2 && isString(v[0]) && isNumber(v[1]);
const recordOf =
  (item: Check): Check =>
  (v) =>
    isObject(v) && Object.values(v).every(item);

/**
 * Kinds of data files: `data/<kind>.<hash>.json`, the facet references' shards (`refs`) and the tags
 * found together beside them (`with`).
 */
export type ShapeKind = DataKind | 'refs' | 'with';

const SHAPES: Record<ShapeKind, Check> = {
  list: (v) => isObject(v) && isNumber(v.start) && arrayOf(isSummary)(v.posts),
  dir: arrayOf(isString),
  postings: arrayOf(isNumber),
  tags: arrayOf(isCount),
  'tags-top': arrayOf(isCount),
  categories: arrayOf(isCount),
  authors: arrayOf(isCount),
  archive: (v) => isObject(v) && Array.isArray(v.years) && isNumber(v.undated),
  refs: recordOf(recordOf(isPostingsRef)),
  with: recordOf(arrayOf(isCoTag)),
};

/**
 * The kind of a data file by its name (`data/<kind>.<hash>.json`, `data/refs/<id>/<k>.json`,
 * `data/refs/<id>/with-<k>.json`), if it is one.
 */
export function dataKindOf(file: string): ShapeKind | undefined {
  const shard = /(?:^|\/)data\/refs\/[^./]+\/(with-)?\d+\.json$/.exec(file);
  if (shard) return shard[1] ? 'with' : 'refs';
  const kind = /(?:^|\/)data\/([a-z-]+)\.[^./]+\.json$/.exec(file)?.[1];
  return kind && kind in SHAPES && kind !== 'refs' && kind !== 'with' ? (kind as DataKind) : undefined;
}

/** Whether `value`, read from `file`, has the shape of its kind (files of no known kind pass). */
export function hasDataShape(file: string, value: unknown): boolean {
  const kind = dataKindOf(file);
  return kind === undefined || SHAPES[kind](value);
}
