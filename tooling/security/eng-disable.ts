/** An `eng-disable` comment in a scanned source file. */
export type DisableComment = {
  readonly file: string;
  readonly line: number;
  readonly checks: readonly string[];
  readonly justification: string;
};

/** The shortest justification accepted, in words. */
export const MINIMUM_JUSTIFICATION_WORDS = 4;

const COMMENT = /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([A-Z0-9_ \t]+?)(?:[ \t]*(?:—|--|:)[ \t]*(.*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/;

/** The text of a whole-line comment (`// …`, ` * …`), or empty when the line is code. */
function commentAbove(lineText: string | undefined): string {
  const match = /^\s*(?:\/\/|\/\*+|\*)\s*(.*?)\s*(?:\*\/)?\s*$/.exec(lineText ?? '');
  return match?.[1] ?? '';
}

/**
 * Find Electronegativity's inline `eng-disable` comments in a file's text.
 *
 * Electronegativity drops a finding disabled this way without a trace, so the gate lists every
 * one and insists it says why: `// eng-disable CHECK_ID — why this is safe here`, or the
 * reason in a comment on the line just above. (The tool
 * reads check ids up to the first character that is not a letter, digit, space or underscore,
 * so the dash or colon also ends the list it sees.)
 */
export function findDisableComments(file: string, text: string): DisableComment[] {
  const found: DisableComment[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((lineText, index) => {
    if (!lineText.includes('eng-disable')) return;
    const match = COMMENT.exec(lineText);
    const checks = (match?.[1] ?? '')
      .trim()
      .split(/[ \t]+/)
      .filter((check) => check !== '');
    const inline = (match?.[2] ?? '').trim();
    found.push({ file, line: index + 1, checks, justification: inline === '' ? commentAbove(lines[index - 1]) : inline });
  });
  return found;
}

/** What is wrong with a disable comment, or undefined when it names checks and says why. */
export function disableCommentProblem(comment: DisableComment): string | undefined {
  const where = `${comment.file}:${String(comment.line)}`;
  if (comment.checks.length === 0 || !comment.checks.every((check) => /^[A-Z0-9_]+_CHECK$/.test(check)))
    return `${where}: write it as "// eng-disable CHECK_ID — why this is safe here" (check ids in capitals, then a dash and the reason)`;
  if (comment.justification.split(/\s+/).filter((word) => word !== '').length < MINIMUM_JUSTIFICATION_WORDS)
    return `${where}: eng-disable ${comment.checks.join(' ')} needs a justification after "—" (at least ${String(MINIMUM_JUSTIFICATION_WORDS)} words)`;
  return undefined;
}
