import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { classifyGssError, gssTargetOf, KerberosError, loadKerberos } from '../../../core/kerberos/index.ts';
import type { KerberosSettings } from '../service-config.ts';
import { createNegotiateAcceptor, type NegotiateAcceptor } from './negotiate.ts';

/**
 * Point this process's Kerberos library at the node's keytab and check it can accept for the
 * service principal, before the node listens.
 *
 * MIT Kerberos reads the keytab named by `KRB5_KTNAME` from the process environment at each
 * acceptance, so it is set here once for the whole process; a process that already names
 * another keytab is refused rather than silently switched. Every failure names the setting.
 */
export async function openNodeKeytab(settings: KerberosSettings, env: NodeJS.ProcessEnv = process.env): Promise<NegotiateAcceptor> {
  const keytab = path.resolve(settings.keytab);
  try {
    if (!(await stat(keytab)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    await access(keytab, constants.R_OK);
  } catch (error) {
    throw new Error(
      `CONNECTOR_KEYTAB: cannot read "${keytab}" (${(error as NodeJS.ErrnoException).code ?? 'error'}). Give the keytab of ${settings.servicePrincipal} (ktpass or samba-tool domain exportkeytab), readable by the service's account only.`,
      { cause: error },
    );
  }
  const wanted = `FILE:${keytab}`;
  const current = env.KRB5_KTNAME;
  if (current !== undefined && current !== '' && current !== wanted && current !== keytab)
    throw new Error(`CONNECTOR_KEYTAB: this process already uses the keytab ${current} (KRB5_KTNAME). Run one node per process, or unset KRB5_KTNAME.`);
  env.KRB5_KTNAME = wanted;
  try {
    const kerberos = await loadKerberos();
    // Acquiring the acceptor's credentials reads the keytab's entry for the principal.
    await kerberos.initializeServer(gssTargetOf(settings.servicePrincipal));
  } catch (error) {
    const refusal = error instanceof KerberosError ? error : classifyGssError(error, settings.servicePrincipal);
    throw new Error(
      refusal.code === 'KERBEROS_UNAVAILABLE'
        ? `CONNECTOR_KEYTAB: Kerberos is not available in this installation (${refusal.detail ?? 'the kerberos module could not be loaded'}). Install the Kerberos libraries (libkrb5) or unset CONNECTOR_KEYTAB.`
        : `CONNECTOR_KEYTAB: the keytab "${keytab}" cannot accept tickets for ${settings.servicePrincipal} (${refusal.detail ?? refusal.message}). Export it again for that principal, or correct CONNECTOR_SERVICE_PRINCIPAL.`,
      { cause: error },
    );
  }
  return createNegotiateAcceptor(settings.servicePrincipal);
}
