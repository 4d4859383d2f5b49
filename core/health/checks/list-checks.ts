import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import { fail, notRunOutcome, pass, quoted } from './outcomes.ts';

/** The list is not empty: while it is, every connector refuses every server (event 2003). */
export const listNotEmpty: HealthCheckDefinition<HealthContext> = {
  code: 'LIST_NOT_EMPTY',
  title: 'Servers are authorized to use the connector',
  dependsOn: [],
  async run(context) {
    const read = await context.authorizedList();
    if (!read.ok) return notRunOutcome(read.reason);
    const { entries } = read.value;
    if (entries.length === 0) {
      return fail(
        'The list of servers allowed to utilize the connector is empty; the connectors log warning 2003 and refuse every server.',
        "Authorize the Exchange Servers group, the SharePoint service accounts and the FCI file servers' computer accounts (rms-connector-admin servers add, or the Servers page).",
      );
    }
    const count = (role: string): number => entries.filter((entry) => entry.role === role).length;
    return pass(
      `${String(entries.length)} entr${entries.length === 1 ? 'y' : 'ies'}: ${String(count('exchange'))} Exchange, ${String(count('sharepoint'))} SharePoint, ${String(count('fci'))} FCI.`,
    );
  },
};

/**
 * No authorized account is a connector node's own computer account: the connector on a
 * server it serves cannot identify the caller (warning 2001), and the configuration is
 * unsupported.
 */
export const nodeNotAuthorized: HealthCheckDefinition<HealthContext> = {
  code: 'NODE_NOT_AUTHORIZED',
  title: "No connector node's computer account is authorized",
  dependsOn: [],
  async run(context) {
    const [nodes, list] = [await context.nodes(), await context.authorizedList()];
    if (!nodes.ok) return notRunOutcome(nodes.reason);
    if (!list.ok) return notRunOutcome(list.reason);
    const accounts = new Map(nodes.value.nodes.map((node) => [computerAccountOf(node.name), node.name]));
    const offending = list.value.entries.filter((entry) => accounts.has(accountPart(entry.name)));
    const nodeNames = nodes.value.nodes.map((node) => quoted(node.name)).join(', ') || 'none registered';
    if (offending.length === 0)
      return pass(
        `Compared ${String(list.value.entries.length)} entr${list.value.entries.length === 1 ? 'y' : 'ies'} with the computer accounts of the nodes (${nodeNames}): no match.`,
      );
    const names = offending.map((entry) => `${quoted(entry.name)} (${entry.role}) is node ${quoted(accounts.get(accountPart(entry.name)) ?? '')}`).join('; ');
    return fail(
      `${names}.`,
      'Remove these entries: a connector node must not be a server that uses the connector. Install Exchange, SharePoint or FCI on other servers than the connector nodes.',
    );
  },
};

/** `RMSCON01.contoso.com` → `RMSCON01$` (the NetBIOS computer name is at most 15 characters). */
function computerAccountOf(nodeName: string): string {
  const first = nodeName.split('.')[0] ?? nodeName;
  return `${first.slice(0, 15).toUpperCase()}$`;
}

/** `CORP\RMSCON01$` or `RMSCON01$@corp.contoso.com` → `RMSCON01$`. */
function accountPart(name: string): string {
  const afterDomain = name.includes('\\') ? name.slice(name.lastIndexOf('\\') + 1) : name;
  return (afterDomain.split('@')[0] ?? afterDomain).trim().toUpperCase();
}
