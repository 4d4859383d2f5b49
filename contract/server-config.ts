import { z } from 'zod';
import { typedLine } from './deployment-input.ts';

/** The server types the generator covers (GenConnectorConfig.ps1's switches). */
export const ServerTypeSchema = z.enum(['exchange2013', 'exchange2010', 'sharepoint2013', 'sharepoint2010', 'fci2012']);
/** See {@link ServerTypeSchema}. */
export type ServerType = z.infer<typeof ServerTypeSchema>;

/** `current`: today's documentation; `2014`: what GenConnectorConfig.ps1 wrote. */
export const ServerConfigProfileSchema = z.enum(['current', '2014']);
/** See {@link ServerConfigProfileSchema}. */
export type ServerConfigProfile = z.infer<typeof ServerConfigProfileSchema>;

/** The three forms the values come in. */
export const OutputKindSchema = z.enum(['reg', 'local-script', 'gpo-script']);
/** See {@link OutputKindSchema}. */
export type OutputKind = z.infer<typeof OutputKindSchema>;

const planInput = {
  connectorUrl: typedLine(2048),
  /** Absent: main reads it from `<connector URL>/_wmcs/GetRmsoUri.aspx`. */
  tenantUrl: typedLine(2048).optional(),
  profile: ServerConfigProfileSchema,
  operationId: z.uuid(),
};

/** What the Configure servers screen asks main to generate for display. */
export const ServerConfigPlanRequestSchema = z.object(planInput).strict();
/** See {@link ServerConfigPlanRequestSchema}. */
export type ServerConfigPlanRequest = z.infer<typeof ServerConfigPlanRequestSchema>;

/**
 * What to save: the same input (main generates again, it never writes text the renderer
 * sent), which server types and outputs, and whether files already in the folder may go.
 *
 * No path: main asks the admin for the folder itself (the desktop's folder picker).
 */
export const ServerConfigSaveRequestSchema = z
  .object({
    ...planInput,
    serverTypes: z.array(ServerTypeSchema).min(1).max(5).optional(),
    outputs: z.array(OutputKindSchema).min(1).max(3).optional(),
    replaceExisting: z.boolean().optional(),
  })
  .strict();
/** See {@link ServerConfigSaveRequestSchema}. */
export type ServerConfigSaveRequest = z.infer<typeof ServerConfigSaveRequestSchema>;

/** A warning about the input or the deployment, or a note on a normalisation. */
export const ServerConfigNoticeSchema = z.object({ code: z.string(), severity: z.enum(['warning', 'info']), message: z.string() }).strict();
/** See {@link ServerConfigNoticeSchema}. */
export type ServerConfigNotice = z.infer<typeof ServerConfigNoticeSchema>;

/** One registry key under HKEY_LOCAL_MACHINE and its `REG_SZ` values (`name` `''` is the default value). */
export const RegistryKeySchema = z.object({ path: z.string(), values: z.array(z.object({ name: z.string(), data: z.string() }).strict()) }).strict();
/** See {@link RegistryKeySchema}. */
export type RegistryKey = z.infer<typeof RegistryKeySchema>;

/** Everything generated for one server type. */
export const ServerPlanSchema = z
  .object({
    serverType: ServerTypeSchema,
    title: z.string(),
    /** Which servers of the product to configure. */
    configure: z.string(),
    keys: z.array(RegistryKeySchema),
    followUpSteps: z.array(z.string()),
    gpoName: z.string(),
    regFileName: z.string(),
    localScriptFileName: z.string(),
  })
  .strict();
/** See {@link ServerPlanSchema}. */
export type ServerPlan = z.infer<typeof ServerPlanSchema>;

/** One way the two profiles differ. */
export const ProfileDifferenceSchema = z
  .object({
    serverType: ServerTypeSchema,
    kind: z.enum(['only-current', 'only-2014', 'data-differs', 'gpo-name']),
    /** The registry key (empty for a GPO name difference). */
    key: z.string(),
    /** The value name; `''` is the default value. */
    valueName: z.string(),
    current: z.string().optional(),
    legacy: z.string().optional(),
    /** One sentence for people. */
    summary: z.string(),
  })
  .strict();
/** See {@link ProfileDifferenceSchema}. */
export type ProfileDifference = z.infer<typeof ProfileDifferenceSchema>;

/**
 * A generated file for preview: its name, kind, encoding, exact size and its text.
 *
 * The text is decoded from the bytes main would write (a .reg file from UTF-16LE), so the
 * preview shows what RegEdit will read, not a second rendering.
 */
export const OutputFilePreviewSchema = z
  .object({
    name: z.string(),
    kind: OutputKindSchema,
    serverType: ServerTypeSchema.optional(),
    encoding: z.enum(['UTF-16LE with BOM', 'UTF-8 with BOM']),
    bytes: z.number().int().nonnegative(),
    text: z.string(),
  })
  .strict();
/** See {@link OutputFilePreviewSchema}. */
export type OutputFilePreview = z.infer<typeof OutputFilePreviewSchema>;

/** The plan for display: URLs (and where the tenant URL came from), notices, servers, differences, files. */
export const ServerConfigPlanSchema = z
  .object({
    connectorUrl: z.string(),
    tenantUrl: z.string(),
    tenantUrlSource: z.enum(['given', 'connector']),
    profile: ServerConfigProfileSchema,
    notices: z.array(ServerConfigNoticeSchema),
    servers: z.array(ServerPlanSchema),
    profileDifferences: z.array(ProfileDifferenceSchema),
    files: z.array(OutputFilePreviewSchema),
  })
  .strict();
/** See {@link ServerConfigPlanSchema}. */
export type ServerConfigPlan = z.infer<typeof ServerConfigPlanSchema>;

/** The outcome of Save files…: nothing when the admin closed the folder picker, else what was written where. */
export const ServerConfigSaveResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(false) }).strict(),
  z
    .object({ saved: z.literal(true), folder: z.string(), files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() }).strict()) })
    .strict(),
]);
/** See {@link ServerConfigSaveResultSchema}. */
export type ServerConfigSaveResult = z.infer<typeof ServerConfigSaveResultSchema>;
