import { z } from 'zod';
import { AccountPropertiesSchema } from './account-properties.ts';
import {
  AddAdministratorResultSchema,
  AdministrationSchema,
  AdministratorChangeRequestSchema,
  OnboardingControlResultSchema,
  OnboardingGroupChangeRequestSchema,
  RemoveAdministratorResultSchema,
} from './administration.ts';
import { AuditActionSchema, AuditPageSchema } from './audit.ts';
import { CaFileChoiceSchema, CaFilePurposeSchema } from './ca-file.ts';
import { LiveFeedStateSchema } from './console-events.ts';
import { ConsoleDefaultsSchema, KerberosProbeRequestSchema, KerberosProbeSchema, SessionSummarySchema, SignInRequestSchema } from './console-session.ts';
import { BrowseEntrySchema, DirectoryObjectSchema, ObjectTypeFilterSchema, ResolutionSchema } from './directory.ts';
import { ExplanationSchema } from './explain.ts';
import { refuseHiddenCharacters } from './hidden-characters.ts';
import { RoleSchema } from './policy.ts';
import { ImportApplyRequestSchema, ImportApplyResultSchema, ImportFileChoiceSchema, ImportPreviewSchema, ImportProgressSchema } from './list-import.ts';
import { HealthProgressSchema, HealthReportSchema, HealthRunRequestSchema } from './health.ts';
import { EffectiveSuperUsersSchema, ListReviewSchema } from './review.ts';
import { RemovalImpactRequestSchema, RemovalImpactSchema } from './removal-impact.ts';
import { ReviewSuperUsersRequestSchema, SuperUsersReviewedSchema, SuperUsersSnapshotViewSchema } from './super-user-drift.ts';
import { ServerConfigPlanRequestSchema, ServerConfigPlanSchema, ServerConfigSaveRequestSchema, ServerConfigSaveResultSchema } from './server-config.ts';
import {
  AddServerRequestSchema,
  AddServerResultSchema,
  AddServersRequestSchema,
  AddServersResultSchema,
  ListVersionTagSchema,
  RemoveServerResultSchema,
  ServerCheckSchema,
  ServerListCsvSchema,
  ServerListSchema,
} from './servers.ts';

const empty = z.object({}).strict();
const operationId = z.uuid();
const distinguishedName = z.string().min(1).max(2048);
const searchId = z.uuid();

/** Where the object picker looks: the whole domain, the global catalog (forest), or one container. */
export const SearchLocationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('domain') }).strict(),
  z.object({ kind: z.literal('global-catalog') }).strict(),
  z.object({ kind: z.literal('container'), distinguishedName }).strict(),
]);
/** See {@link SearchLocationSchema}. */
export type SearchLocation = z.infer<typeof SearchLocationSchema>;

/** One page of an object-picker search; `done` once the directory has no more. */
export const SearchPageSchema = z.object({ searchId, objects: z.array(DirectoryObjectSchema), done: z.boolean() }).strict();
/** See {@link SearchPageSchema}. */
export type SearchPage = z.infer<typeof SearchPageSchema>;

/**
 * "Test a server…": why the connector admits or refuses one account, judged against the live list.
 *
 * One account's name in any form Check Names takes (at most 1,024 characters, the longest DN
 * Active Directory holds; hidden characters refused here); main refuses a pattern or a group
 * before the directory hears of it. `role` answers for one role; without it, for any.
 */
export const ExplainRequestSchema = z
  .object({
    name: z.string().superRefine(refuseHiddenCharacters()).trim().min(1).max(1024),
    role: RoleSchema.optional(),
    operationId,
  })
  .strict();
/** See {@link ExplainRequestSchema}. */
export type ExplainRequest = z.infer<typeof ExplainRequestSchema>;

/**
 * Request and response shape of every channel.
 *
 * The main process validates each request against this table before any handler runs and
 * each response before it leaves; the renderer derives its types from it. A long operation
 * carries an `operationId` the renderer may pass to `operation:cancel`.
 */
export const ipcContract = {
  'console:get-defaults': { request: empty, response: ConsoleDefaultsSchema },
  'session:sign-in': { request: SignInRequestSchema, response: SessionSummarySchema },
  'session:probe-kerberos': { request: KerberosProbeRequestSchema, response: KerberosProbeSchema },
  'session:current': { request: empty, response: SessionSummarySchema.nullable() },
  'session:sign-out': { request: empty, response: z.object({ signedOut: z.boolean() }).strict() },
  'demo:start': { request: z.object({ operationId }).strict(), response: SessionSummarySchema },
  'settings:forget-password': { request: empty, response: z.object({ forgotten: z.boolean() }).strict() },
  'app:open-logs': { request: empty, response: z.object({ opened: z.literal(true) }).strict() },
  'operation:cancel': { request: z.object({ operationId }).strict(), response: z.object({ cancelled: z.boolean() }).strict() },
  'servers:list': { request: empty, response: ServerListSchema },
  'servers:check': {
    request: z.object({ role: RoleSchema, sid: AddServerRequestSchema.shape.sid, operationId }).strict(),
    response: ServerCheckSchema,
  },
  'servers:add': { request: AddServerRequestSchema, response: AddServerResultSchema },
  'servers:add-several': { request: AddServersRequestSchema, response: AddServersResultSchema },
  'servers:remove': { request: z.object({ id: z.uuid(), versionTag: ListVersionTagSchema }).strict(), response: RemoveServerResultSchema },
  'servers:export-csv': { request: empty, response: ServerListCsvSchema },
  'servers:explain': { request: ExplainRequestSchema, response: ExplanationSchema },
  'servers:removal-impact': { request: RemovalImpactRequestSchema, response: RemovalImpactSchema },
  'directory:resolve-names': {
    request: z
      .object({
        names: z.array(z.string().superRefine(refuseHiddenCharacters()).trim().min(1).max(1024)).min(1).max(20),
        types: z.array(ObjectTypeFilterSchema).max(6).optional(),
        operationId,
      })
      .strict(),
    response: z.array(ResolutionSchema),
  },
  'directory:search-start': {
    request: z
      .object({
        text: z.string().max(256).superRefine(refuseHiddenCharacters('the search text')),
        types: z.array(ObjectTypeFilterSchema).min(1).max(6),
        location: SearchLocationSchema,
        pageSize: z.number().int().min(10).max(500),
        operationId,
      })
      .strict(),
    response: SearchPageSchema,
  },
  'directory:search-next': { request: z.object({ searchId }).strict(), response: SearchPageSchema },
  'directory:search-close': { request: z.object({ searchId }).strict(), response: z.object({ closed: z.boolean() }).strict() },
  'directory:browse': { request: z.object({ parentDn: distinguishedName.optional(), operationId }).strict(), response: z.array(BrowseEntrySchema) },
  'directory:properties': {
    request: z
      .object({ sid: AddServerRequestSchema.shape.sid, transitiveMemberOf: z.boolean().optional(), transitiveMembers: z.boolean().optional(), operationId })
      .strict(),
    response: AccountPropertiesSchema,
  },
  'review:super-users': { request: z.object({ operationId }).strict(), response: EffectiveSuperUsersSchema },
  'review:list': { request: z.object({ operationId }).strict(), response: ListReviewSchema },
  'super-users:snapshot': { request: empty, response: SuperUsersSnapshotViewSchema },
  'super-users:review': { request: ReviewSuperUsersRequestSchema, response: SuperUsersReviewedSchema },
  'audit:list': {
    request: z
      .object({
        limit: z.number().int().min(1).max(500),
        before: z.number().int().positive().optional(),
        actor: z.string().min(1).max(256).superRefine(refuseHiddenCharacters('the actor')).optional(),
        action: AuditActionSchema.optional(),
        since: z.iso.datetime().optional(),
        until: z.iso.datetime().optional(),
      })
      .strict(),
    response: AuditPageSchema,
  },
  'health:run': { request: HealthRunRequestSchema, response: HealthReportSchema },
  'health:progress': { request: z.object({ operationId }).strict(), response: HealthProgressSchema },
  'server-config:plan': { request: ServerConfigPlanRequestSchema, response: ServerConfigPlanSchema },
  'server-config:save': { request: ServerConfigSaveRequestSchema, response: ServerConfigSaveResultSchema },
  'ca-file:choose': { request: z.object({ purpose: CaFilePurposeSchema }).strict(), response: CaFileChoiceSchema },
  'changes:get-status': { request: empty, response: LiveFeedStateSchema.nullable() },
  'administration:get': { request: empty, response: AdministrationSchema },
  'administration:add-administrator': { request: AdministratorChangeRequestSchema, response: AddAdministratorResultSchema },
  'administration:remove-administrator': { request: AdministratorChangeRequestSchema, response: RemoveAdministratorResultSchema },
  'administration:set-onboarding-group': { request: OnboardingGroupChangeRequestSchema, response: OnboardingControlResultSchema },
  'administration:clear-onboarding-group': {
    request: z.object({ version: AdministratorChangeRequestSchema.shape.version }).strict(),
    response: OnboardingControlResultSchema,
  },
  'import:choose-file': { request: empty, response: ImportFileChoiceSchema },
  'import:preview': { request: z.object({ fileId: z.uuid(), operationId }).strict(), response: ImportPreviewSchema },
  'import:progress': { request: z.object({ operationId }).strict(), response: ImportProgressSchema },
  'import:apply': { request: ImportApplyRequestSchema, response: ImportApplyResultSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** Every channel name (`domain:verb-noun`). */
export type IpcChannel = keyof typeof ipcContract;
/** The channel names as a list, for the preload's allowlist. */
export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];
/** What a channel accepts, as the renderer writes it. */
export type IpcRequest<Channel extends IpcChannel> = z.input<(typeof ipcContract)[Channel]['request']>;
/** What a channel answers with. */
export type IpcResponse<Channel extends IpcChannel> = z.output<(typeof ipcContract)[Channel]['response']>;

/** Whether a string names a channel (anything else is refused before any parsing). */
export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && Object.hasOwn(ipcContract, name);
}
