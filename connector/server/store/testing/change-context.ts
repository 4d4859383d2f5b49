import type { ChangeContext } from '../config-store.ts';

/** A change context with fixed, readable values; tests override what they vary. */
export function changeContext(overrides: Partial<ChangeContext> = {}): ChangeContext {
  return {
    actor: 'CORP\\alice',
    actorSid: 'S-1-5-21-1-2-3-1105',
    source: '192.0.2.10',
    node: 'node-1',
    correlationId: 'request-1',
    at: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}
