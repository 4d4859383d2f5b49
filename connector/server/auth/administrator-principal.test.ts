import { describe, expect, it } from 'vitest';
import { makeObject } from '../../../core/policy/testing/policy-fixtures.ts';
import { judgeObject, judgePrincipal } from './administrator-principal.ts';

const user = makeObject({ name: 'Alice Anders', samAccountName: 'alice', kind: 'user' });
const serviceAccount = makeObject({ name: 'svc-rms', samAccountName: 'svc-rms$', kind: 'service-account' });
const securityGroup = makeObject({ name: 'IT Ops', samAccountName: 'IT Ops', kind: 'group', group: { scope: 'global', security: true } });
const distributionGroup = makeObject({ name: 'All Staff', samAccountName: 'All Staff', kind: 'group', group: { scope: 'universal', security: false } });
const computer = makeObject({ name: 'EXCH01', samAccountName: 'EXCH01$', kind: 'computer' });

describe('administrator-principal', () => {
  it.each([
    ['a user', user, 'role', { status: 'accepted', kind: 'user' }],
    ['a service account', serviceAccount, 'role', { status: 'accepted', kind: 'user' }],
    ['a security group', securityGroup, 'role', { status: 'accepted', kind: 'group' }],
    ['a security group', securityGroup, 'onboarding', { status: 'accepted', kind: 'group' }],
    ['a distribution group', distributionGroup, 'role', { status: 'refused', reason: 'not-security-group' }],
    ['a distribution group', distributionGroup, 'onboarding', { status: 'refused', reason: 'not-security-group' }],
    ['a computer', computer, 'role', { status: 'refused', reason: 'wrong-kind' }],
    ['a user', user, 'onboarding', { status: 'refused', reason: 'wrong-kind' }],
  ] as const)('judges %s for %s', (_label, object, purpose, expected) => {
    expect(judgeObject(object, purpose)).toMatchObject(expected);
  });

  it('refuses an ambiguous name, saying how many matched and how to be precise', () => {
    const verdict = judgePrincipal({ status: 'ambiguous', input: 'it', candidates: [securityGroup, user] }, 'it', 'role');
    expect(verdict).toEqual({ status: 'refused', reason: 'ambiguous', message: expect.stringContaining('matches 2 objects') });
  });

  it('refuses a name the directory does not know', () => {
    expect(judgePrincipal({ status: 'not-found', input: 'ghost', reason: 'none' }, 'ghost', 'onboarding')).toMatchObject({
      status: 'refused',
      reason: 'not-found',
      message: 'There is no security group named "ghost" in the directory.',
    });
  });
});
