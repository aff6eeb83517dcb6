// Body → body that CommonMark reads as its author meant, and that no Markdown renderer chokes on.
// Mirrored WeChat pages carry lazy-load placeholders written as `![](data:image/svg+xml;utf8,<svg …>)`:
// spaces and `<` make the destination invalid, so every Markdown parser shows them as text.
// Percent-encoding the SVG makes them images again (with a data: address, never a cover). And
// containers nested thousands deep (`>>>>…`, lists in lists) overflow the stack of the reader's
// renderer (micromark) or keep it busy for minutes: past MAX_NESTING they are flattened; long runs of
// brackets are escaped.
const SVG_PLACEHOLDER = /!\[([^\]\n]*)\]\((data:image\/svg\+xml[^,()\s]*,)(<svg[\s\S]*?<\/svg>)\)/g;

/** Containers (block quotes, list items) one line may open, and the indentation it may have. */
export const MAX_NESTING = 16;
const MAX_INDENT = 4 * MAX_NESTING;
// A line that opens more containers than that, or is indented deeper (cheap to look for).
const TOO_DEEP = new RegExp(
  `^(?:[ \\t]*(?:>|[-+*][ \\t]|\\d{1,9}[.)][ \\t])){${MAX_NESTING + 1}}|^[ \\t]{${MAX_INDENT + 1}}`,
  'm',
);
const CONTAINER = /^[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))/;

function flattenLine(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  let rest = lead.length > MAX_INDENT ? ' '.repeat(MAX_INDENT) + line.slice(lead.length) : line;
  let kept = '';
  for (let n = 0; n < MAX_NESTING; n++) {
    const m = CONTAINER.exec(rest);
    if (!m) break;
    kept += m[0];
    rest = rest.slice(m[0].length);
  }
  for (let m = CONTAINER.exec(rest); m; m = CONTAINER.exec(rest)) rest = rest.slice(m[0].length);
  return kept + rest;
}

// Runs of brackets that parsers pair up in quadratic time ("[[[[…" fifty thousand long took markdown-it
// 6 s and micromark 23 s): each one escaped, so they stay the same text and no link is looked for.
const BRACKET_RUN = /[[\]]{16,}/g;

/** The body repaired; `flattened` hears of the first line (1-based, in the body) that was too deep. */
export function repairBody(body: string, flattened?: (line: number) => void): string {
  let out = body;
  if (out.includes('data:image/svg+xml'))
    out = out.replace(
      SVG_PLACEHOLDER,
      (_m, alt: string, head: string, svg: string) => `![${alt}](${head}${encodeURIComponent(svg)})`,
    );
  if (BRACKET_RUN.test(out)) out = out.replace(BRACKET_RUN, (run) => run.replace(/[[\]]/g, '\\$&'));
  BRACKET_RUN.lastIndex = 0;
  if (TOO_DEEP.test(out)) {
    const lines = out.split('\n');
    let first = 0;
    for (let i = 0; i < lines.length; i++) {
      const flat = flattenLine(lines[i]!);
      if (flat !== lines[i]) {
        first ||= i + 1;
        lines[i] = flat;
      }
    }
    if (first) flattened?.(first);
    out = lines.join('\n');
  }
  return out;
}
