/** The environments live in the console contract (the sign-in screen shows them); the API reuses them. */
export { CLOUD_ENVIRONMENT_DESCRIPTIONS, CloudEnvironmentSchema, type CloudEnvironment } from '../environments.ts';
