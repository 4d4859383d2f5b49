import { administrationContract } from './administration-contract.ts';
import { auditContract } from './audit-contract.ts';
import { changeSequenceContract } from './change-sequence-contract.ts';
import { idempotencyClaimsContract } from './idempotency-claims-contract.ts';
import { listChangeContract } from './list-change-contract.ts';
import { operationsContract } from './operations-contract.ts';
import type { StoreEngine } from './store-engine.ts';
import { storeLifecycleContract } from './store-lifecycle-contract.ts';
import { superUsersContract } from './super-users-contract.ts';

export type { StoreEngine, StoresUnderTest } from './store-engine.ts';

/**
 * Every behaviour a configuration store promises, against one engine.
 *
 * SQLite and PostgreSQL run the same suite, so the service answers the same whichever holds
 * its configuration.
 */
export function configStoreContract(engine: StoreEngine): void {
  listChangeContract(engine);
  administrationContract(engine);
  auditContract(engine);
  changeSequenceContract(engine);
  superUsersContract(engine);
  operationsContract(engine);
  idempotencyClaimsContract(engine);
  storeLifecycleContract(engine);
}
