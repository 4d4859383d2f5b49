import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../http/api-failure.ts';
import { createTokenAuthority } from './tokens.ts';

const key = new Uint8Array(32).fill(1);
const now = new Date('2026-11-22T10:00:00.000Z');
const principal = { name: 'alice@contoso.com', sid: 'S-1-5-21-1-2-3-1104' };

async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'accepted';
  } catch (error) {
    return error instanceof ApiFailure ? error.code : 'not an ApiFailure';
  }
}

describe('tokens', () => {
  it('verifies its own token and gives back the principal', async () => {
    const authority = createTokenAuthority(key, 'AzureCloud', 600);
    const { token, expiresAt } = await authority.issue(principal, now);
    expect(await authority.verify(`Bearer ${token}`, now)).toEqual({ ...principal, environment: 'AzureCloud', expiresAt });
    expect(expiresAt).toBe('2026-11-22T10:10:00.000Z');
  });

  it('refuses a token once it expired', async () => {
    const authority = createTokenAuthority(key, 'AzureCloud', 600);
    const { token } = await authority.issue(principal, now);
    expect(await failureOf(authority.verify(`Bearer ${token}`, new Date(now.getTime() + 601_000 + 5_000)))).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token it verified before once it expired, at the same instant as one it never saw', async () => {
    const authority = createTokenAuthority(key, 'AzureCloud', 600);
    const { token } = await authority.issue(principal, now);
    const justValid = new Date(now.getTime() + 600_000 + 4_000);
    const justExpired = new Date(now.getTime() + 600_000 + 5_000);
    await authority.verify(`Bearer ${token}`, now);
    const remembered = [await failureOf(authority.verify(`Bearer ${token}`, justValid)), await failureOf(authority.verify(`Bearer ${token}`, justExpired))];
    const fresh = createTokenAuthority(key, 'AzureCloud', 600);
    const unseen = [
      await failureOf(fresh.verify(`Bearer ${token}`, justValid)),
      await failureOf(createTokenAuthority(key, 'AzureCloud', 600).verify(`Bearer ${token}`, justExpired)),
    ];
    expect({ remembered, unseen }).toEqual({ remembered: ['accepted', 'TOKEN_EXPIRED'], unseen: ['accepted', 'TOKEN_EXPIRED'] });
  });

  it('refuses a token of another environment, or signed with another key', async () => {
    const { token } = await createTokenAuthority(key, 'AzureUSGovernment', 600).issue(principal, now);
    const { token: otherKey } = await createTokenAuthority(new Uint8Array(32).fill(2), 'AzureCloud', 600).issue(principal, now);
    const authority = createTokenAuthority(key, 'AzureCloud', 600);
    expect([await failureOf(authority.verify(`Bearer ${token}`, now)), await failureOf(authority.verify(`Bearer ${otherKey}`, now))]).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
  });

  it.each(['bearer', 'BEARER', 'BeArEr', 'Bearer  '])('reads the scheme %j case-insensitively (RFC 9110 §11.1)', async (scheme) => {
    const authority = createTokenAuthority(key, 'AzureCloud', 600);
    const { token } = await authority.issue(principal, now);
    expect((await authority.verify(`${scheme} ${token}`, now)).sid).toBe(principal.sid);
  });

  it('carries no roles in the token: they are decided on every request', async () => {
    const { token } = await createTokenAuthority(key, 'AzureCloud', 600).issue(principal, now);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'name', 'sub']);
  });

  it.each([undefined, '', 'Basic YWxpY2U6cGFzc3dvcmQ=', 'Bearer', 'Bearer a.b', `Bearer ${'a'.repeat(5000)}.b.c`])(
    'refuses the Authorization header %j',
    async (header) => {
      expect(await failureOf(createTokenAuthority(key, 'AzureCloud', 600).verify(header, now))).toBe('UNAUTHENTICATED');
    },
  );
});
