import { createConnectorClient, type ConnectorClient } from '../../core/connector/index.ts';
import { readCaFileOption } from './ca-file-option.ts';
import { readSession, sessionFilePath } from './session-file.ts';

/** A client of the service `sign-in` connected to, carrying its token. */
export async function openSignedInClient(env: NodeJS.ProcessEnv): Promise<ConnectorClient> {
  const session = await readSession(sessionFilePath(env), new Date());
  const caPem = session.caFile ? await readCaFileOption(session.caFile) : undefined;
  return createConnectorClient({
    baseUrl: session.serviceUrl,
    token: session.token,
    env,
    ...(caPem === undefined ? {} : { caPem }),
    ...(session.proxy ? { proxy: { url: session.proxy } } : {}),
  });
}
