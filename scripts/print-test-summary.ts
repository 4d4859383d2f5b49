import { readFileSync } from 'node:fs';

/**
 * Print Vitest's JSON results as one closing line, "N passed, N failed, N skipped", which CI
 * reads; exit non-zero when a test failed or when no test ran at all.
 */
type Results = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numTotalTests: number };

const path = process.argv[2] ?? '.cache/test-results.json';
const results = JSON.parse(readFileSync(path, 'utf8')) as Results;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
process.exitCode = results.numFailedTests > 0 || results.numTotalTests === 0 ? 1 : 0;
