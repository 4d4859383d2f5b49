import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptanceOf } from './security/accepted-findings.ts';
import { disableCommentProblem, findDisableComments } from './security/eng-disable.ts';
import { type Finding, isBlocking } from './security/electronegativity-findings.ts';
import { scanWithElectronegativity, stageSources } from './security/run-electronegativity.ts';
import { isProductFile } from './security/insecure-settings.ts';
import { listFiles } from './security/source-files.ts';

const REPOSITORY_ROOT = join(import.meta.dirname, '..');
/** The Electron the app pins (electron-builder.yml); the tool would otherwise guess. */
const ELECTRON_VERSION = '45.4.1';

/** The files the gate scans: the shell's sources (not its tests), the page, the app manifest. */
async function filesToScan(): Promise<string[]> {
  const shell = (await listFiles(REPOSITORY_ROOT, 'main/shell')).filter((file) => /\.(ts|js|cjs|mjs)$/.test(file) && isProductFile(file));
  const extras: string[] = [];
  for (const file of ['renderer/index.html', 'app/package.json']) {
    if (
      await stat(join(REPOSITORY_ROOT, file)).then(
        () => true,
        () => false,
      )
    )
      extras.push(file);
  }
  return [...shell, ...extras];
}

function describeFinding(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'whole app' : `${finding.file}:${String(finding.line)}:${String(finding.column)}`;
  const sample = finding.sample === 'N/A' ? '' : `\n      ${finding.sample.slice(0, 160)}`;
  return `  ${finding.severity.padEnd(13)} ${finding.check} (${finding.confidence}) ${where}\n      ${finding.description}${sample}`;
}

/**
 * CLI (`npm run gate:electronegativity`, test command): scan the Electron shell with
 * Electronegativity, print every finding, and fail on any finding above informational, on a
 * source file the tool could not parse, and on an `eng-disable` comment without a reason.
 * A finding no inline comment can disable (a global check on the page) passes only when it is
 * listed, with its reason, in security/accepted-findings.ts.
 *
 * The shell is scanned as sources, not bundles: the BrowserWindow checks read the
 * `webPreferences` object literal, which bundling can rewrite beyond recognition.
 */
async function main(): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    const files = await filesToScan();
    if (!files.some((file) => file.startsWith('main/shell/'))) {
      console.log('electronegativity: FAILED — no shell sources under main/shell to scan');
      return 1;
    }
    const staged = join(work, 'scan');
    await stageSources(REPOSITORY_ROOT, files, staged);
    const { findings, unparsedFiles } = await scanWithElectronegativity(staged, ELECTRON_VERSION);
    for (const finding of findings) {
      const accepted = acceptanceOf(finding);
      console.log(accepted === undefined ? describeFinding(finding) : `${describeFinding(finding)}\n  accepted      ${accepted.reason}`);
    }
    for (const { file, message } of unparsedFiles) console.log(`  NOT SCANNED   ${file.replace(`${staged}/`, '')}: ${message}`);

    const comments = [];
    for (const file of files) comments.push(...findDisableComments(file, await readFile(join(REPOSITORY_ROOT, file), 'utf8')));
    const commentProblems = comments.map(disableCommentProblem).filter((problem) => problem !== undefined);
    for (const comment of comments)
      console.log(`  disabled      ${comment.checks.join(' ')} at ${comment.file}:${String(comment.line)} — ${comment.justification || '(no reason given)'}`);
    for (const problem of commentProblems) console.log(`  problem: ${problem}`);

    const blocking = findings.filter((finding) => isBlocking(finding) && acceptanceOf(finding) === undefined).length;
    const failed = blocking + unparsedFiles.length + commentProblems.length > 0;
    console.log(
      `electronegativity: ${failed ? 'FAILED' : 'ok'} — ${String(findings.length)} findings (${String(blocking)} above informational), ` +
        `${String(comments.length)} disabled in source, ${String(unparsedFiles.length)} files not parsed, ${String(files.length)} files scanned`,
    );
    return failed ? 1 : 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.log(`electronegativity: FAILED — ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
