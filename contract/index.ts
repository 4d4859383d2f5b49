/** What the main process publishes to the renderer: channels, schemas, the result envelope. */
export * from './audit.ts';
export * from './ca-file.ts';
export * from './console-events.ts';
export * from './console-session.ts';
export * from './directory.ts';
export * from './environments.ts';
export * from './explain.ts';
export * from './explain-text.ts';
export * from './health.ts';
export * from './ipc-result.ts';
export * from './ipc.ts';
export * from './policy.ts';
export * from './review.ts';
export * from './server-config.ts';
export * from './servers.ts';
export * from './bridge.ts';
export * from './labels.ts';
