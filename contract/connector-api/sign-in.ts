import { z } from 'zod';
import { refuseHiddenCharacters } from '../hidden-characters.ts';
import { CloudEnvironmentSchema } from './environments.ts';

/** `POST /v1/sign-in`: the environment chosen in the console and the admin's directory credentials. */
export const SignInRequestSchema = z
  .object({
    environment: CloudEnvironmentSchema,
    username: z.string().min(1).max(256).superRefine(refuseHiddenCharacters('the user name')),
    password: z.string().min(1).max(256),
  })
  .strict();
/** See {@link SignInRequestSchema}. */
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/**
 * `POST /v1/sign-in/negotiate`: only the environment; the admin is whoever the Kerberos
 * ticket in `Authorization: Negotiate` names.
 */
export const KerberosSignInRequestSchema = z
  .object({
    environment: CloudEnvironmentSchema,
  })
  .strict();
/** See {@link KerberosSignInRequestSchema}. */
export type KerberosSignInRequest = z.infer<typeof KerberosSignInRequestSchema>;

/** A short-lived signed token and when it stops working. */
export const SignInResponseSchema = z
  .object({
    token: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .strict();
/** See {@link SignInResponseSchema}. */
export type SignInResponse = z.infer<typeof SignInResponseSchema>;
