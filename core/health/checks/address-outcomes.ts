import type { CheckOutcome, HealthAddressResult, HealthStatus } from '../health-types.ts';

/**
 * What one check found at one address of the connector name.
 *
 * `certificate` identifies the leaf certificate the address presented (its SHA-256), so the
 * report can say that every address presents the same one.
 */
export type AddressOutcome = { readonly address: string; readonly outcome: CheckOutcome; readonly certificate?: string | undefined };

/** Worst first: the order a combined check takes its status from, and lists addresses in. */
const SEVERITY: readonly HealthStatus[] = ['fail', 'warn', 'not-run', 'pass'];

type Group = { readonly outcome: CheckOutcome; readonly addresses: string[] };

/**
 * One check outcome from the outcomes at every address of `host`: it passes only if every
 * address passes.
 *
 * Servers are sent to any address behind the name, so one node with an expired certificate or
 * TLS 1.0 fails a share of their connections; the finding must say which address and what is
 * wrong there. Addresses that answered alike are said once ("all 2 addresses present the same
 * certificate"); addresses that differ are each named with their finding, worst first, and the
 * action asks for the same certificate and TLS settings on every address. A single address
 * gives its own outcome unchanged.
 */
export function combineAddressOutcomes(host: string, entries: readonly AddressOutcome[]): CheckOutcome {
  const [first] = entries;
  if (first === undefined) return { status: 'not-run', measured: '', action: '', notRunReason: `${host} has no address to check.` };
  if (entries.length === 1) return first.outcome;
  const groups = groupAlike(entries).sort((left, right) => SEVERITY.indexOf(left.outcome.status) - SEVERITY.indexOf(right.outcome.status));
  const addresses = entries.map(addressResult);
  const every = `${String(entries.length)} addresses of ${host} (${entries.map((entry) => entry.address).join(', ')})`;
  const [worst] = groups;
  if (worst === undefined || groups.length === 1) {
    const lead = {
      same: `All ${every} present the same certificate.`,
      different: `All ${every} answer alike, with different certificates.`,
      none: `All ${every} answer alike.`,
    }[certificatesOf(entries)];
    return { ...first.outcome, measured: first.outcome.measured === '' ? lead : `${lead} ${first.outcome.measured}`, addresses };
  }
  const measured = `The ${every} differ. ${groups.map((group) => `${group.addresses.join(', ')}: ${findingOf(group.outcome)}`).join(' ')}`;
  const status = worst.outcome.status;
  if (status === 'pass') return { status, measured, action: '', addresses };
  const failing = groups.filter((group) => group.outcome.status !== 'pass');
  const passing = groups.filter((group) => group.outcome.status === 'pass').flatMap((group) => group.addresses);
  const alike =
    passing.length > 0
      ? `Every node and load-balancer address behind ${host} must present the same certificate with the same TLS settings: make ${failing.flatMap((group) => group.addresses).join(', ')} match ${passing.join(', ')}.`
      : `Every node and load-balancer address behind ${host} must present the same valid certificate with the same TLS settings.`;
  const action = [...new Set(failing.map((group) => group.outcome.action).filter((text) => text !== '')), alike].join(' ');
  if (status !== 'not-run') return { status, measured, action, addresses };
  const reasons = failing.map((group) => `${group.addresses.join(', ')}: ${withoutPrefix(group.outcome.notRunReason ?? '')}`);
  return { status, measured, action, notRunReason: `Not measured on every address. ${reasons.join(' ')}`, addresses };
}

function groupAlike(entries: readonly AddressOutcome[]): Group[] {
  const groups = new Map<string, Group>();
  for (const { address, outcome } of entries) {
    const key = JSON.stringify([outcome.status, outcome.measured, outcome.action, outcome.notRunReason ?? '']);
    const group = groups.get(key);
    if (group) group.addresses.push(address);
    else groups.set(key, { outcome, addresses: [address] });
  }
  return [...groups.values()];
}

function certificatesOf(entries: readonly AddressOutcome[]): 'same' | 'different' | 'none' {
  const certificates = new Set(entries.map((entry) => entry.certificate));
  if (certificates.has(undefined)) return 'none';
  return certificates.size === 1 ? 'same' : 'different';
}

function findingOf(outcome: CheckOutcome): string {
  if (outcome.status !== 'not-run') return outcome.measured;
  const reason = `not measured: ${withoutPrefix(outcome.notRunReason ?? '')}`;
  return outcome.measured === '' ? reason : `${reason} ${outcome.measured}`;
}

function withoutPrefix(reason: string): string {
  return reason.replace(/^Not run: /, '');
}

function addressResult({ address, outcome }: AddressOutcome): HealthAddressResult {
  return {
    address,
    status: outcome.status,
    measured: outcome.measured,
    ...(outcome.notRunReason === undefined ? {} : { notRunReason: outcome.notRunReason }),
  };
}
