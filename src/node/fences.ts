// Fenced code blocks of a Markdown body, as CommonMark opens and closes them: a run of three or more
// backticks or tildes opens one (backticks with none in the info string after them); a run of the
// same character, at least as long, indented up to three spaces and with nothing after it, closes it.
// In: a body. Out: for positions asked in ascending order, where the fence open there began.

/** A line that opens or closes a fenced code block: its indent, its fence, what follows. */
const FENCE_LINE = /^( *)(`{3,}|~{3,})(.*)$/gm;

/**
 * A walk over a body's fences: `openAt(at)` is where the line of the fence still open at `at` starts,
 * or -1 outside any fence. Positions are asked in ascending order; the body is read once in all.
 */
export function fenceWalk(body: string): (at: number) => number {
  const lines = new RegExp(FENCE_LINE);
  let line = lines.exec(body);
  let fence: { char: string; length: number; start: number } | undefined;
  return (at) => {
    for (; line && line.index < at; line = lines.exec(body)) {
      const [, indent, marks, rest] = line;
      if (!fence) {
        if (marks![0] !== '`' || !rest!.includes('`'))
          fence = { char: marks![0]!, length: marks!.length, start: line.index };
      } else if (
        indent!.length <= 3 &&
        marks![0] === fence.char &&
        marks!.length >= fence.length &&
        !rest!.trim()
      )
        fence = undefined;
    }
    return fence ? fence.start : -1;
  };
}
