import { configStoreContract } from '../testing/contract/index.ts';
import { postgresEngine } from '../testing/postgres-engine.ts';

configStoreContract(postgresEngine);
