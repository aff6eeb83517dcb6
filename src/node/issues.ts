// A content problem is a value, not a crash: every step returns the issues it found.

export type Severity = 'error' | 'warning';

export interface ContentIssue {
  /** Path relative to the content folder, with `/`. */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** The front matter key concerned, when there is one. */
  field?: string;
  severity: Severity;
  message: string;
}

/** A step's issue before the file is known; the pipeline fills in `file`. */
export type StepIssue = Omit<ContentIssue, 'file'>;

/** `path:line: message`, the form every issue is printed in. */
export function formatIssue(issue: ContentIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.severity}: ${issue.message}`;
}
