import { kerberosMessage, type KerberosErrorCode } from '../../contract/kerberos.ts';

/**
 * A Kerberos failure with a stable code and what to do about it.
 *
 * `detail` keeps GSS-API's own words (for logs and `--verbose`); tickets and tokens never go in.
 */
export class KerberosError extends Error {
  readonly code: KerberosErrorCode;
  readonly principal: string | undefined;
  readonly detail: string | undefined;

  constructor(code: KerberosErrorCode, options: { readonly principal?: string | undefined; readonly detail?: string | undefined } = {}) {
    super(kerberosMessage(code, options.principal));
    this.name = 'KerberosError';
    this.code = code;
    this.principal = options.principal;
    this.detail = options.detail;
  }
}
