// The context a test reads single posts in: Shanghai time, future posts published, as of 2026-01-01.
import type { NormaliseContext } from '../../src/node/read/normalise-post.ts';

export const readContext: NormaliseContext = {
  timeZone: 'Asia/Shanghai',
  drafts: false,
  future: true,
  inDrafts: false,
  now: Date.parse('2026-01-01T00:00:00Z'),
};
