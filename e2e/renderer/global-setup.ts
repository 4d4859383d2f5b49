import { buildRenderer } from './harness/build-renderer.ts';
import { ensureTestDomain } from './harness/test-domain.ts';

/**
 * Once per run: build the renderer (unless the caller just did and says so with
 * `E2E_RENDERER_PREBUILT=1`) and start or reuse the test DC, so the first test does not pay
 * for either inside its own timeout.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['E2E_RENDERER_PREBUILT'] === '1') {
    process.stderr.write('[e2e] using the renderer already built in app/dist/renderer\n');
  } else {
    const started = Date.now();
    await buildRenderer();
    process.stderr.write(`[e2e] renderer built in ${String(Date.now() - started)} ms\n`);
  }
  await ensureTestDomain();
}
