import { createTestDatabase } from '../../postgres/test-database.ts';
import type { AdConnection } from '../../ad/ad-connection.ts';
import { startConsoleTestService, type ConsoleTestService } from './connector-service.ts';

/** Two connector nodes over one configuration database, as behind a load balancer. */
export type SharedDatabaseNodes = {
  readonly first: ConsoleTestService;
  readonly second: ConsoleTestService;
  /** Stop both nodes and drop the database. */
  dispose(): Promise<void>;
};

/**
 * Start RMSCON01 and RMSCON02 on one fresh database of the PostgreSQL test cluster.
 *
 * PostgreSQL, because a SQLite file takes one node (the service refuses a second) and only
 * PostgreSQL's LISTEN/NOTIFY tells one node what another committed: the path a change takes
 * from one admin's console to another's when they are signed in through different nodes.
 * Starts or reuses the cluster (never stops it: other suites share it).
 */
export async function startSharedDatabaseNodes(connection: AdConnection): Promise<SharedDatabaseNodes> {
  const database = await createTestDatabase({ label: 'console_live' });
  const env = { ...process.env, CONNECTOR_DATABASE_PASSWORD: database.password };
  const started: ConsoleTestService[] = [];
  const dispose = async (): Promise<void> => {
    await Promise.allSettled(started.map((node) => node.dispose()));
    await database.drop();
  };
  try {
    for (const nodeName of ['RMSCON01', 'RMSCON02']) {
      started.push(await startConsoleTestService(connection, { nodeName, databaseFile: database.urlWithoutPassword, env }));
    }
    const [first, second] = started;
    if (first === undefined || second === undefined) throw new Error('Two nodes were started but not kept.');
    return { first, second, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
