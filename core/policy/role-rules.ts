import type { DirectoryObject } from '../../contract/directory.ts';
import type { Finding } from '../../contract/policy.ts';
import type { AuthorizationFacts } from './authorization-facts.ts';
import { accountOf, countOf, finding, labelOf } from './finding.ts';

const isSecurityGroup = (object: DirectoryObject) => object.kind === 'group' && object.group?.security === true;
const isAccount = (object: DirectoryObject) => object.kind !== 'group';
const isComputer = (object: DirectoryObject) => object.kind === 'computer';

/**
 * The rules that depend on the role and the object alone (DESIGN.md §5, the seeds' rules).
 */
export function roleFindings(facts: AuthorizationFacts): Finding[] {
  switch (facts.role) {
    case 'exchange':
      return exchangeFindings(facts);
    case 'sharepoint':
      return sharePointFindings(facts);
    case 'fci':
      return fciFindings(facts);
  }
}

function exchangeFindings(facts: AuthorizationFacts): Finding[] {
  const { object, members, netbiosDomain } = facts;
  const label = labelOf(object, netbiosDomain);
  const findings: Finding[] = [];
  if (!isSecurityGroup(object)) {
    const what = object.kind === 'group' ? 'a distribution group, which never appears in a Windows logon token' : `a ${object.kind} account`;
    findings.push(
      finding(
        'EXCHANGE_REQUIRES_SECURITY_GROUP',
        `${label} is ${what}. For Exchange, authorize a security group that holds the Exchange servers, normally "Exchange Servers".`,
        [accountOf(object, netbiosDomain)],
      ),
    );
  }
  const superUsers = object.kind === 'group' ? members.filter(isAccount) : [object];
  findings.push(
    finding(
      'SUPER_USER_GRANT',
      `Every account in ${label} (${countOf(superUsers.length, 'account')}, nested groups and primary-group members included) becomes a super user: it can open and remove protection from all content your organization protects. The super-user feature is switched on if it is off.`,
      superUsers.map((account) => accountOf(account, netbiosDomain)),
    ),
  );
  const nonServers = members.filter((member) => isAccount(member) && !isComputer(member));
  if (object.kind === 'group' && nonServers.length > 0) {
    findings.push(
      finding(
        'SUPER_USER_NON_SERVER_MEMBER',
        `${label} contains ${countOf(nonServers.length, 'account')} that ${nonServers.length === 1 ? 'is' : 'are'} not an Exchange server's computer account. ${nonServers.length === 1 ? 'It would become a super user' : 'They would become super users'} too. Remove them from the group, or authorize a group that holds only the Exchange servers.`,
        nonServers.map((member) => accountOf(member, netbiosDomain)),
      ),
    );
  }
  return findings;
}

function sharePointFindings(facts: AuthorizationFacts): Finding[] {
  const { object, netbiosDomain } = facts;
  const label = labelOf(object, netbiosDomain);
  if (isComputer(object)) {
    return [
      finding(
        'SHAREPOINT_COMPUTER_NEEDS_GROUP',
        `${label} is a computer account (SharePoint running as Local System). Put it in a security group and authorize the group instead.`,
        [accountOf(object, netbiosDomain)],
      ),
    ];
  }
  if (object.kind === 'user' || object.kind === 'service-account') {
    return [
      finding(
        'SHAREPOINT_BOTH_ACCOUNTS',
        `Authorize both the account that runs SharePoint Central Administration and the account of the web application's App Pool. When they differ, put both in one security group and authorize the group.`,
        [accountOf(object, netbiosDomain)],
      ),
    ];
  }
  return distributionFindings(facts);
}

function fciFindings(facts: AuthorizationFacts): Finding[] {
  const { object, members, netbiosDomain } = facts;
  const label = labelOf(object, netbiosDomain);
  if (object.kind === 'user' || object.kind === 'service-account') {
    return [
      finding(
        'FCI_REQUIRES_COMPUTER_ACCOUNTS',
        `${label} is a ${object.kind === 'user' ? 'user' : 'managed service'} account. The File Classification Infrastructure services run as Local System: authorize the file server's computer account (SERVERNAME$) or a group of them.`,
        [accountOf(object, netbiosDomain)],
      ),
    ];
  }
  const findings = distributionFindings(facts);
  const nonComputers = members.filter((member) => isAccount(member) && !isComputer(member));
  if (object.kind === 'group' && nonComputers.length > 0) {
    findings.push(
      finding(
        'FCI_GROUP_NON_COMPUTER_MEMBER',
        `${label} contains ${countOf(nonComputers.length, 'account')} that ${nonComputers.length === 1 ? 'is' : 'are'} not a computer account. FCI only uses file servers' computer accounts; remove the others from the group.`,
        nonComputers.map((member) => accountOf(member, netbiosDomain)),
      ),
    );
  }
  if (isComputer(object)) {
    findings.push(
      finding(
        'PREFER_GROUP',
        `Authorizing file servers one by one works, but a security group of their computer accounts is easier to keep right as servers come and go.`,
        [accountOf(object, netbiosDomain)],
      ),
    );
  }
  return findings;
}

function distributionFindings(facts: AuthorizationFacts): Finding[] {
  const { object, netbiosDomain } = facts;
  if (object.kind !== 'group' || object.group?.security !== false) return [];
  return [
    finding(
      'DISTRIBUTION_GROUP',
      `${labelOf(object, netbiosDomain)} is a distribution group. It never appears in a Windows logon token, so the connector would not recognise its members. Use a security group.`,
      [accountOf(object, netbiosDomain)],
    ),
  ];
}
