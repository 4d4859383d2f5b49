/** Kerberos for the directory bind, the service's Negotiate sign-in and its client. */
export { KerberosError } from './kerberos-error.ts';
export { classifyGssError } from './classify-gss-error.ts';
export { loadKerberos, type KerberosModule } from './load-kerberos.ts';
export { currentTicketOwner, startGssClient, type GssClientContext } from './gss-client.ts';
export { gssTargetOf, parseClientPrincipal, servicePrincipalName, type ClientPrincipal, type KerberosService } from './service-principal.ts';
