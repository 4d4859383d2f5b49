import { z } from 'zod';
import type { ChangeEvent, FeedChangeRecord } from '../../contract/connector-api/index.ts';
import { ROLE_LABELS } from '../../contract/labels.ts';
import { RoleSchema } from '../../contract/policy.ts';

/** The parts of an entry, an administrator or a group that a summary names; the rest of a record is not read. */
const NamedSchema = z.object({ name: z.string().min(1), role: z.string().optional() });

type Named = { readonly name: string; readonly role: string | undefined };

/**
 * One sentence for a change, without its time: who did what, through which node.
 *
 * `CORP\bob added CORP\FS02$ as File server using FCI, through RMSCON02`. The console's notice
 * and `servers watch` both say it, so it lives once, here. Records come from the audit trail,
 * whose `before`/`after` are whatever the service stored; anything unexpected falls back to the
 * record's `target` rather than failing.
 */
export function describeChange(event: ChangeEvent): string {
  const drift = event.records.filter((record) => record.action === 'super-user.joined' || record.action === 'super-user.left');
  // Drift is observed, not done: the node's service identity is no admin, so the sentence names the node.
  if (drift.length > 0 && drift.length === event.records.length) return `${event.node} saw the super users change: ${joinPhrases(driftPhrases(drift))}`;
  return `${event.actor} ${joinPhrases(phrasesOf(event.records))}, through ${event.node}`;
}

/** An account of a drift record: its name and the first grant's path, when the record holds them. */
const DriftAccountSchema = z.object({
  name: z.string().min(1),
  grants: z.array(z.object({ entryName: z.string(), path: z.array(z.string()), throughPrimaryGroup: z.boolean() })).optional(),
});

/** At most this many accounts are named in one sentence; a large change (a first expansion) is counted. */
const NAMED_DRIFT_ACCOUNTS = 5;

function driftPhrases(records: readonly FeedChangeRecord[]): string[] {
  const joined = records.filter((record) => record.action === 'super-user.joined');
  const left = records.filter((record) => record.action === 'super-user.left');
  if (records.length > NAMED_DRIFT_ACCOUNTS) return [`${String(joined.length)} joined and ${String(left.length)} left`];
  return [
    ...joined.map((record) => `${driftAccountPhrase(record.after, record.target)} became a super user`),
    ...left.map((record) => `${driftAccountPhrase(record.before, record.target)} is no longer a super user`),
  ];
}

function driftAccountPhrase(value: unknown, target: string): string {
  const parsed = DriftAccountSchema.safeParse(value);
  if (!parsed.success) return target;
  const grant = parsed.data.grants?.[0];
  if (grant === undefined) return parsed.data.name;
  const chain = grant.path.length > 0 ? grant.path.join(' › ') : grant.entryName;
  return `${parsed.data.name} (through ${chain}${grant.throughPrimaryGroup ? ', its primary group' : ''})`;
}

function phrasesOf(records: readonly FeedChangeRecord[]): string[] {
  const of = (action: FeedChangeRecord['action']) => records.filter((record) => record.action === action);
  const added = of('authorized-account.add');
  const removed = of('authorized-account.remove');
  const phrases: string[] = [];
  if (added.length + removed.length > 1) phrases.push(`imported the list: ${String(added.length)} added, ${String(removed.length)} removed`);
  else {
    for (const record of added) phrases.push(`added ${entryPhrase(named(record.after, record.target))}`);
    for (const record of removed) phrases.push(`removed ${entryPhrase(named(record.before, record.target))}`);
  }
  if (of('super-user-feature.enable').length > 0) phrases.push('switched the super-user feature on');
  for (const record of of('super-users.reviewed')) {
    const version = z.object({ version: z.number() }).safeParse(record.after);
    phrases.push(`marked the super users as reviewed${version.success ? ` (version ${String(version.data.version)})` : ''}`);
  }
  for (const record of of('role-based-administrator.add')) {
    const { name, role } = named(record.after, record.target);
    phrases.push(role === undefined ? `made ${name} an administrator` : `made ${name} ${article(role)} ${role}`);
  }
  for (const record of of('role-based-administrator.remove')) {
    const { name, role } = named(record.before, record.target);
    phrases.push(role === undefined ? `removed the administrator ${name}` : `removed ${name} as ${role}`);
  }
  for (const record of of('onboarding-control.set'))
    phrases.push(`set onboarding control to ${named(record.after, record.target).name}: only its members may sign in`);
  for (const record of of('onboarding-control.clear')) {
    const before = NamedSchema.safeParse(record.before);
    phrases.push(`cleared onboarding control${before.success ? ` (it was ${before.data.name})` : ''}: every administrator may sign in`);
  }
  return phrases.length > 0 ? phrases : ['changed the configuration'];
}

function named(value: unknown, target: string): Named {
  const parsed = NamedSchema.safeParse(value);
  return parsed.success ? { name: parsed.data.name, role: parsed.data.role } : { name: target, role: undefined };
}

function entryPhrase({ name, role }: Named): string {
  if (role === undefined) return name;
  const known = RoleSchema.safeParse(role);
  return `${name} as ${known.success ? ROLE_LABELS[known.data] : role}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1) ?? ''}`;
}
