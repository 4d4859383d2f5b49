import { describe, expect, it } from 'vitest';
import { disableCommentProblem, findDisableComments } from './eng-disable.ts';

describe('eng-disable comments', () => {
  it('accepts a comment that names the check and says why', () => {
    const [comment] = findDisableComments(
      'main/shell/w.ts',
      '  preload: preloadPath, // eng-disable PRELOAD_JS_CHECK — our own bundled preload, exposes one invoke method\n',
    );
    expect(comment).toEqual({
      file: 'main/shell/w.ts',
      line: 1,
      checks: ['PRELOAD_JS_CHECK'],
      justification: 'our own bundled preload, exposes one invoke method',
    });
    expect(comment === undefined ? 'missing' : disableCommentProblem(comment)).toBeUndefined();
  });

  it('takes the reason from a comment on the line above', () => {
    const text =
      '    // Checked against the documentation allowlist above: https, exact host.\n    return shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */\n';
    const [comment] = findDisableComments('main/shell/s.ts', text);
    expect(comment).toEqual({
      file: 'main/shell/s.ts',
      line: 2,
      checks: ['OPEN_EXTERNAL_JS_CHECK'],
      justification: 'Checked against the documentation allowlist above: https, exact host.',
    });
  });

  it.each([
    ['no reason', 'x(); // eng-disable OPEN_EXTERNAL_JS_CHECK', /needs a justification/],
    ['code, not a comment, above it', 'const y = compute(a, b, c, d);\nx(); // eng-disable OPEN_EXTERNAL_JS_CHECK', /needs a justification/],
    ['too short a reason', 'x(); /* eng-disable OPEN_EXTERNAL_JS_CHECK — it is fine */', /needs a justification/],
    ['prose instead of check ids', 'x(); // eng-disable because we trust it here', /write it as/],
    ['an HTML comment without a reason', '<!-- eng-disable CSP_HTML_CHECK -->', /needs a justification/],
  ])('refuses %s', (_label, line, problem) => {
    const [comment] = findDisableComments('f', `${line}\n`);
    expect(comment === undefined ? 'missing' : disableCommentProblem(comment)).toMatch(problem);
  });
});
