import { z } from 'zod';
import { ChosenCaFileSchema } from './ca-file.ts';
import { CloudEnvironmentSchema } from './environments.ts';
import { refuseHiddenCharacters } from './hidden-characters.ts';

const shortText = (max: number) => z.string().min(1).max(max);

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
    mode: z.enum(['domain', 'server']),
    domain: shortText(253).optional(),
    serverUrl: shortText(512).optional(),
    transport: z.enum(['ldaps', 'starttls']),
    caFileId: z.uuid().optional(),
    serverName: shortText(253).optional(),
    bindUser: shortText(256).superRefine(refuseHiddenCharacters('the bind account')).optional(),
    bindPassword: shortText(256).optional(),
  })
  .strict()
  .refine((settings) => (settings.mode === 'domain' ? settings.domain !== undefined : settings.serverUrl !== undefined), {
    message: 'Give the domain to discover domain controllers from, or the server to connect to.',
  })
  .refine((settings) => (settings.bindUser === undefined) === (settings.bindPassword === undefined), {
    message: 'A bind account needs both its name and its password.',
  });
/** See {@link DirectorySettingsSchema}. */
export type DirectorySettings = z.infer<typeof DirectorySettingsSchema>;

/**
 * What the sign-in screen sends. Secrets go to the main process and never come back.
 *
 * Exactly one of `password` (typed) and `useRememberedPassword` (the vault's, read in main):
 * the renderer never holds a remembered password. `rememberPassword` asks main to keep the
 * typed password in the vault after a successful sign-in.
 */
export const SignInRequestSchema = z
  .object({
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
/** See {@link SignInRequestSchema}. */
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** Who is signed in, where: everything the console shows about the session, and no secret. */
export const SessionSummarySchema = z
  .object({
    environment: CloudEnvironmentSchema,
    serviceUrl: z.string(),
    admin: z.object({ name: z.string(), sid: z.string(), roles: z.array(z.string()) }).strict(),
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
