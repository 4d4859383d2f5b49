import type { AdConnection } from '../../ad/ad-connection.ts';
import { ensureDomainController } from '../../ad/domain-controller.ts';

/** The seed's password of every named account (e2e/ad/seed-data.ts `seedPassword`). */
export const SEED_PASSWORD = 'Seed-Passw0rd!';

/** The seeded test domain's DNS name; seeded accounts sign in as `name@` this. */
export const TEST_DOMAIN = 'corp.contoso.test';

/** The sign-in name of a seeded account (`alice` → `alice@corp.contoso.test`). */
export function upnOf(samAccountName: string): string {
  return `${samAccountName}@${TEST_DOMAIN}`;
}

/**
 * Start or reuse the seeded Samba test DC, as the Vitest global setup does.
 *
 * Reuse costs well under a second, so every harness (each Playwright worker, the preview,
 * the benchmark) calls this instead of trusting that someone else already did.
 */
export async function ensureTestDomain(): Promise<AdConnection> {
  return ensureDomainController({ log: (line) => process.stderr.write(`[ad] ${line}\n`) });
}
