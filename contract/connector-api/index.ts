/**
 * The connector configuration API: schemas and the route table, shared by the service and
 * its client (`core/connector`).
 */
export * from './administration.ts';
export * from './audit.ts';
export * from './authorized-accounts.ts';
export * from './connectors.ts';
export * from './environments.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './openapi.ts';
export * from './routes.ts';
export * from './sid.ts';
export * from './sign-in.ts';
export * from './super-users.ts';
