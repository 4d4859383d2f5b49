import { runCli } from './run-cli.ts';

/**
 * Process wiring for the command line: argv, streams and the exit code.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Ctrl+C (or a service manager's SIGTERM) aborts the returned signal instead of killing the process. */
function interruption(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}

// A reader that stops early (`servers watch | head -1`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  readStdin,
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(text.startsWith('\r') ? text : `${text}\n`),
  stderrIsTerminal: process.stderr.isTTY,
  stdoutIsTerminal: process.stdout.isTTY,
  stdoutColumns: process.stdout.columns,
  interruption,
});
