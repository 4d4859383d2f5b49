import { describe, expect, it } from 'vitest';
import { combineAddressOutcomes, type AddressOutcome } from './address-outcomes.ts';
import { fail, notRunOutcome, pass, warn } from './outcomes.ts';

const HOST = 'rms.contoso.test';
const at = (address: string, outcome: AddressOutcome['outcome'], certificate?: string): AddressOutcome => ({ address, outcome, certificate });
const SAME = `Every node and load-balancer address behind ${HOST} must present the same certificate with the same TLS settings`;

describe('combineAddressOutcomes', () => {
  it('gives a single address its own outcome unchanged', () => {
    expect(combineAddressOutcomes(HOST, [at('10.0.0.11', fail('expired', 'renew'), 'a')])).toEqual(fail('expired', 'renew'));
  });

  it('says a shared finding once, naming every address', () => {
    expect(combineAddressOutcomes(HOST, [at('10.0.0.11', pass('named'), 'a'), at('10.0.0.12', pass('named'), 'a')])).toEqual({
      status: 'pass',
      measured: `All 2 addresses of ${HOST} (10.0.0.11, 10.0.0.12) present the same certificate. named`,
      action: '',
      addresses: [
        { address: '10.0.0.11', status: 'pass', measured: 'named' },
        { address: '10.0.0.12', status: 'pass', measured: 'named' },
      ],
    });
  });

  it('fails naming each failing address worst first, and asks for the same certificate everywhere', () => {
    const combined = combineAddressOutcomes(HOST, [
      at('10.0.0.11', pass('valid'), 'a'),
      at('10.0.0.12', fail('expired', 'renew'), 'b'),
      at('10.0.0.13', fail('expired', 'renew'), 'b'),
      at('10.0.0.14', warn('ends soon', 'renew'), 'c'),
    ]);
    expect({ status: combined.status, measured: combined.measured, action: combined.action }).toEqual({
      status: 'fail',
      measured: `The 4 addresses of ${HOST} (10.0.0.11, 10.0.0.12, 10.0.0.13, 10.0.0.14) differ. 10.0.0.12, 10.0.0.13: expired 10.0.0.14: ends soon 10.0.0.11: valid`,
      action: `renew ${SAME}: make 10.0.0.12, 10.0.0.13, 10.0.0.14 match 10.0.0.11.`,
    });
  });

  it.each([
    ['passes when every address passes with different facts', [pass('800 days'), pass('400 days')], 'pass'],
    ['is not run, naming the address, when one address could not be measured', [pass('valid'), notRunOutcome('No TLS handshake.')], 'not-run'],
    ['warns when one address warns and another was not measured', [warn('ends soon', 'renew'), notRunOutcome('No TLS handshake.')], 'warn'],
  ] as const)('%s', (_label, outcomes, status) => {
    expect(
      combineAddressOutcomes(
        HOST,
        outcomes.map((outcome, index) => at(`10.0.0.${String(11 + index)}`, outcome)),
      ).status,
    ).toBe(status);
  });

  it('gives the not-run reason per address when some address could not be measured', () => {
    const combined = combineAddressOutcomes(HOST, [at('10.0.0.11', pass('valid'), 'a'), at('10.0.0.12', notRunOutcome('No TLS handshake: EPROTO.'))]);
    expect(combined).toMatchObject({
      notRunReason: 'Not measured on every address. 10.0.0.12: No TLS handshake: EPROTO.',
      measured: `The 2 addresses of ${HOST} (10.0.0.11, 10.0.0.12) differ. 10.0.0.12: not measured: No TLS handshake: EPROTO. 10.0.0.11: valid`,
      action: `${SAME}: make 10.0.0.12 match 10.0.0.11.`,
    });
  });
});
