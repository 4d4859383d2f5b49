import { configStoreContract } from '../testing/contract/index.ts';
import { sqliteEngine } from '../testing/sqlite-engine.ts';

configStoreContract(sqliteEngine);
