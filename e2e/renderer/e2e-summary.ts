import { readFile } from 'node:fs/promises';

/** The parts of Playwright's JSON report the summary reads. */
type JsonTest = { status: 'expected' | 'unexpected' | 'flaky' | 'skipped'; results: { status: string }[] };
type JsonSpec = { title: string; file: string; tests: JsonTest[] };
type JsonSuite = { specs?: JsonSpec[]; suites?: JsonSuite[] };
type JsonReport = { suites?: JsonSuite[]; errors?: { message?: string }[] };

/** What the e2e run did, counted from the report (never from the exit code alone). */
type E2eCounts = { passed: number; failed: number; flaky: number; skipped: number; notRun: number; errors: number };

function* specsOf(suites: readonly JsonSuite[]): Generator<JsonSpec> {
  for (const suite of suites) {
    yield* suite.specs ?? [];
    yield* specsOf(suite.suites ?? []);
  }
}

/**
 * Count a Playwright JSON report. A test with no result (the run stopped before it) is
 * "not run", never passed or skipped-by-choice; a flaky test counts apart (retries are 0).
 */
function countReport(report: JsonReport): E2eCounts {
  const counts: E2eCounts = { passed: 0, failed: 0, flaky: 0, skipped: 0, notRun: 0, errors: report.errors?.length ?? 0 };
  for (const spec of specsOf(report.suites ?? [])) {
    for (const test of spec.tests) {
      const ran = test.results.some((result) => result.status !== 'skipped');
      if (test.status === 'skipped') {
        if (test.results.length === 0) counts.notRun += 1;
        else counts.skipped += 1;
      } else if (!ran) counts.notRun += 1;
      else if (test.status === 'expected') counts.passed += 1;
      else if (test.status === 'flaky') counts.flaky += 1;
      else counts.failed += 1;
    }
  }
  return counts;
}

/**
 * CLI: print "e2e: N passed, N failed, N skipped, N not run" from the JSON report; exit 1
 * when anything failed or did not run, when the run itself errored, when nothing passed,
 * or when the report is missing (the run never happened).
 */
async function main(): Promise<void> {
  const file = process.argv[2] ?? '.cache/e2e-results.json';
  let report: JsonReport;
  try {
    report = JSON.parse(await readFile(file, 'utf8')) as JsonReport;
  } catch {
    console.log(`e2e: no results in ${file} — the browser tests did not run`);
    process.exitCode = 1;
    return;
  }
  const counts = countReport(report);
  console.log(
    `e2e: ${String(counts.passed)} passed, ${String(counts.failed)} failed, ${String(counts.skipped)} skipped, ${String(counts.notRun)} not run` +
      `${counts.flaky > 0 ? `, ${String(counts.flaky)} flaky` : ''}${counts.errors > 0 ? `, ${String(counts.errors)} run errors` : ''}`,
  );
  for (const error of report.errors ?? []) console.log(`  run error: ${(error.message ?? '').split('\n')[0] ?? ''}`);
  process.exitCode = counts.failed + counts.flaky + counts.notRun + counts.errors > 0 || counts.passed === 0 ? 1 : 0;
}

await main();
