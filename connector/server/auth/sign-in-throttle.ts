/** Failures an account may have before it must wait. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/**
 * When an account may try again after its `failures`-th consecutive failure, or null.
 *
 * Counted per account, not per address (OWASP), doubling from 30 s to 15 min. The wait is
 * kept below lockout-for-good so an attacker can only slow a real admin, and the service
 * stops binding long before Active Directory's own lockout threshold, so it never locks
 * the admin's directory account on an attacker's behalf.
 */
export function blockedUntilAfter(failures: number, at: Date): Date | null {
  if (failures < FREE_FAILURES) return null;
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES), LONGEST_WAIT_MS);
  return new Date(at.getTime() + wait);
}

/** The key failures are counted under: the account as typed, case and spaces folded. */
export function throttleKeyOf(username: string): string {
  return username.trim().toLowerCase();
}
