import { createConnectorClient, type ConnectorClient } from '../core/connector/index.ts';
import { readSession, sessionFilePath } from './session-file.ts';

/** A client of the service `sign-in` connected to, carrying its token. */
export async function openSignedInClient(env: NodeJS.ProcessEnv): Promise<ConnectorClient> {
  const session = await readSession(sessionFilePath(env), new Date());
  return createConnectorClient({
    baseUrl: session.serviceUrl,
    token: session.token,
    env,
    ...(session.caFile ? { caFile: session.caFile } : {}),
    ...(session.proxy ? { proxy: { url: session.proxy } } : {}),
  });
}
