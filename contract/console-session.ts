import { z } from 'zod';
import { ChosenCaFileSchema } from './ca-file.ts';
import { CloudEnvironmentSchema } from './environments.ts';
import { refuseHiddenCharacters } from './hidden-characters.ts';

const shortText = (max: number) => z.string().min(1).max(max);

const directoryLocationShape = {
  mode: z.enum(['domain', 'server']),
  domain: shortText(253).optional(),
  serverUrl: shortText(512).optional(),
  transport: z.enum(['ldaps', 'starttls']),
  caFileId: z.uuid().optional(),
  serverName: shortText(253).optional(),
};
const TARGET_NEEDED = 'Give the domain to discover domain controllers from, or the server to connect to.';
const hasTarget = (settings: { mode: 'domain' | 'server'; domain?: string | undefined; serverUrl?: string | undefined }): boolean =>
  settings.mode === 'domain' ? settings.domain !== undefined : settings.serverUrl !== undefined;

/**
 * Where the domain controllers are and how to reach them, without any account.
 *
 * What the Kerberos probe needs: the ticket says who, so no name or password is sent.
 */
export const DirectoryLocationSchema = z.object(directoryLocationShape).strict().refine(hasTarget, { message: TARGET_NEEDED });
/** See {@link DirectoryLocationSchema}. */
export type DirectoryLocation = z.infer<typeof DirectoryLocationSchema>;

/**
 * How the console reaches a domain controller, as the sign-in screen's "Directory" section sets it.
 *
 * Either a domain (DCs discovered from DNS SRV records) or an explicit server; LDAPS or
 * StartTLS only (certificate checks are always on); an optional CA file (the id main gave
 * when it was chosen: never a path); and an
 * optional bind account when the admin's own account should not be used for browsing.
 */
export const DirectorySettingsSchema = z
  .object({
    ...directoryLocationShape,
    bindUser: shortText(256).superRefine(refuseHiddenCharacters('the bind account')).optional(),
    bindPassword: shortText(256).optional(),
  })
  .strict()
  .refine(hasTarget, { message: TARGET_NEEDED })
  .refine((settings) => (settings.bindUser === undefined) === (settings.bindPassword === undefined), {
    message: 'A bind account needs both its name and its password.',
  });
/** See {@link DirectorySettingsSchema}. */
export type DirectorySettings = z.infer<typeof DirectorySettingsSchema>;

/**
 * A sign-in with a password: typed, or the one main remembers.
 *
 * Exactly one of `password` (typed) and `useRememberedPassword` (the vault's, read in main):
 * the renderer never holds a remembered password. `rememberPassword` asks main to keep the
 * typed password in the vault after a successful sign-in. `method` may be left out (the
 * password form is the original one).
 */
export const PasswordSignInRequestSchema = z
  .object({
    method: z.literal('password').optional(),
    environment: CloudEnvironmentSchema,
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    username: shortText(256).superRefine(refuseHiddenCharacters('the user name')),
    password: shortText(256).optional(),
    useRememberedPassword: z.literal(true).optional(),
    rememberPassword: z.boolean().optional(),
    directory: DirectorySettingsSchema,
    operationId: z.uuid(),
  })
  .strict()
  .refine((request) => (request.password === undefined) !== (request.useRememberedPassword === undefined), {
    message: 'Type the password, or use the remembered one, but not both.',
    path: ['password'],
  })
  .refine((request) => !(request.useRememberedPassword === true && request.rememberPassword === false), {
    message: 'To stop remembering the password, use "Forget remembered password" instead.',
    path: ['rememberPassword'],
  });
/** See {@link PasswordSignInRequestSchema}. */
export type PasswordSignInRequest = z.infer<typeof PasswordSignInRequestSchema>;

/**
 * `HTTP/` and a DNS name: the connector node's service principal, as setspn registered it.
 *
 * Needed only when the service URL names the node by address (Kerberos asks a ticket for a name).
 */
export const ServicePrincipalSchema = z
  .string()
  .max(260)
  .regex(/^HTTP\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, {
    message: "Give the service principal as HTTP/ followed by the node's DNS name, such as HTTP/rmscon01.corp.contoso.com.",
  });

const NO_SECRET_WITH_KERBEROS = 'A Kerberos sign-in uses the ticket of the signed-in user: it sends no user name and no password.';
const absentWithKerberos = z.undefined({ error: NO_SECRET_WITH_KERBEROS }).optional();

/**
 * A sign-in as the holder of the current Kerberos ticket (the Windows logon, or kinit): no name, no password.
 *
 * The service and the directory both learn who from the ticket. The password fields are
 * named here only to refuse them with a sentence that says why; a bind account in
 * `directory` is still honoured for browsing, as with a password sign-in.
 */
export const KerberosSignInRequestSchema = z
  .object({
    method: z.literal('kerberos'),
    environment: CloudEnvironmentSchema,
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    servicePrincipal: ServicePrincipalSchema.optional(),
    username: absentWithKerberos,
    password: absentWithKerberos,
    useRememberedPassword: absentWithKerberos,
    rememberPassword: absentWithKerberos,
    directory: DirectorySettingsSchema,
    operationId: z.uuid(),
  })
  .strict();
/** See {@link KerberosSignInRequestSchema}. */
export type KerberosSignInRequest = z.infer<typeof KerberosSignInRequestSchema>;

/**
 * What the sign-in screen sends: a password sign-in, or a Kerberos one (`method: 'kerberos'`).
 *
 * Secrets go to the main process and never come back. An unknown `method` is refused.
 */
export const SignInRequestSchema = z.discriminatedUnion('method', [PasswordSignInRequestSchema, KerberosSignInRequestSchema], {
  // The discriminator's own issue (a path of ['method']); a request that is no object keeps zod's words.
  error: (issue) => (issue.path?.length === 1 ? 'Sign in with method "password" (or none) or "kerberos".' : undefined),
});
/** See {@link SignInRequestSchema}. */
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/**
 * Ask main whether this session holds a Kerberos ticket the directory accepts, and whose.
 *
 * Only the directory's location goes with it: main binds with the ticket, reads the account
 * and closes the connection again.
 */
export const KerberosProbeRequestSchema = z.object({ directory: DirectoryLocationSchema, operationId: z.uuid() }).strict();
/** See {@link KerberosProbeRequestSchema}. */
export type KerberosProbeRequest = z.infer<typeof KerberosProbeRequestSchema>;

/**
 * Whether "Sign in as CORP\alice" can be offered: the account read from the directory, or why not.
 *
 * `title` and `message` are the failure's own (for example "No Kerberos ticket" and what to do).
 */
export const KerberosProbeSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), account: z.string(), displayName: z.string().optional(), principal: z.string() }).strict(),
  z.object({ available: z.literal(false), code: z.string(), title: z.string(), message: z.string() }).strict(),
]);
/** See {@link KerberosProbeSchema}. */
export type KerberosProbe = z.infer<typeof KerberosProbeSchema>;

/** Who is signed in, where: everything the console shows about the session, and no secret. */
export const SessionSummarySchema = z
  .object({
    environment: CloudEnvironmentSchema,
    serviceUrl: z.string(),
    admin: z
      .object({
        name: z.string(),
        sid: z.string(),
        roles: z.array(z.string()),
        /** `DOMAIN\sam` as the directory names the admin (the status bar shows it); absent when it could not be read. */
        account: z.string().optional(),
      })
      .strict(),
    expiresAt: z.iso.datetime(),
    directory: z
      .object({
        serverName: z.string(),
        dnsDomainName: z.string(),
        netbiosDomain: z.string(),
        defaultNamingContext: z.string(),
        globalCatalogReady: z.boolean(),
      })
      .strict(),
    /** True when signed in to the built-in demo environment (the frame shows a badge). */
    demo: z.boolean(),
  })
  .strict();
/** See {@link SessionSummarySchema}. */
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

/**
 * What the sign-in screen starts from: the service URL per environment, the last directory
 * settings, and what this console can do.
 *
 * `configured` is false on a first start (the demo is then offered first); `rememberedPassword`
 * says the vault holds a password for `username` (never the password itself); the flags turn
 * the vault option, the demo and "Open logs" on or off, with the reason when the vault is off.
 */
export const ConsoleDefaultsSchema = z
  .object({
    environment: CloudEnvironmentSchema,
    serviceUrls: z.record(CloudEnvironmentSchema, z.string()),
    username: z.string(),
    directory: z
      .object({
        mode: z.enum(['domain', 'server']),
        domain: z.string(),
        serverUrl: z.string(),
        transport: z.enum(['ldaps', 'starttls']),
        /** The CA file remembered from the last sign-in, held by main; null when none. */
        caFile: ChosenCaFileSchema.nullable(),
        serverName: z.string(),
        bindUser: z.string(),
      })
      .strict(),
    configured: z.boolean(),
    rememberedPassword: z.boolean(),
    passwordVault: z.object({ available: z.boolean(), reason: z.string().optional() }).strict(),
    demo: z.object({ available: z.boolean() }).strict(),
    desktop: z.object({ openLogs: z.boolean() }).strict(),
  })
  .strict();
/** See {@link ConsoleDefaultsSchema}. */
export type ConsoleDefaults = z.infer<typeof ConsoleDefaultsSchema>;
