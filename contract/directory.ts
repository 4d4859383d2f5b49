import { z } from 'zod';

/**
 * How the console reaches a domain controller.
 *
 * Either an explicit server URL or a DNS domain to discover DCs from. Certificate checks are
 * always on: the only knobs are which CA to trust and which name the certificate must carry.
 */
export const DirectoryConnectionProfileSchema = z
  .object({
    url: z.string().min(1).max(512).optional(),
    domain: z.string().min(1).max(253).optional(),
    transport: z.enum(['ldaps', 'starttls']).default('ldaps'),
    caFileId: z.uuid().optional(),
    serverName: z.string().min(1).max(253).optional(),
    user: z.string().min(1).max(512),
    timeoutMs: z.number().int().min(1000).max(300_000).default(15_000),
  })
  .strict()
  .refine((profile) => profile.url !== undefined || profile.domain !== undefined, {
    message: 'Give either a server URL or a domain to discover domain controllers from.',
  });
/** A parsed connection profile (the password travels separately and is never part of it). */
export type DirectoryConnectionProfile = z.infer<typeof DirectoryConnectionProfileSchema>;

/** The kinds of directory object the console tells apart. */
export const ObjectKindSchema = z.enum(['user', 'computer', 'group', 'service-account', 'foreign-principal', 'contact', 'container', 'other']);
/** See {@link ObjectKindSchema}. */
export type ObjectKind = z.infer<typeof ObjectKindSchema>;

/** Object-type filters, as in the Windows object picker. */
export const ObjectTypeFilterSchema = z.enum(['user', 'computer', 'group', 'security-group', 'distribution-group', 'service-account']);
/** See {@link ObjectTypeFilterSchema}. */
export type ObjectTypeFilter = z.infer<typeof ObjectTypeFilterSchema>;

/** A group's scope and whether it is security-enabled (groupType bit 0x80000000). */
export const GroupFactsSchema = z.object({
  scope: z.enum(['global', 'domain-local', 'universal', 'builtin-local']),
  security: z.boolean(),
});
/** See {@link GroupFactsSchema}. */
export type GroupFacts = z.infer<typeof GroupFactsSchema>;

/** A broad well-known principal, with the reason it must never be authorized. */
export const BroadPrincipalSchema = z.object({ name: z.string(), reason: z.string() });
/** See {@link BroadPrincipalSchema}. */
export type BroadPrincipal = z.infer<typeof BroadPrincipalSchema>;

/**
 * What the directory says about one object.
 *
 * The SID is the identity; names and the DN are for display and may change.
 */
export const DirectoryObjectSchema = z.object({
  sid: z.string().regex(/^S-1-\d+(-\d+)+$/),
  guid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  distinguishedName: z.string(),
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  samAccountName: z.string().optional(),
  userPrincipalName: z.string().optional(),
  dnsHostName: z.string().optional(),
  kind: ObjectKindSchema,
  group: GroupFactsSchema.optional(),
  disabled: z.boolean(),
  computerRole: z.enum(['member', 'domain-controller']).optional(),
  operatingSystem: z.string().optional(),
  servicePrincipalNames: z.array(z.string()),
  primaryGroupSid: z.string().optional(),
  canonicalName: z.string(),
  inFolder: z.string(),
  broadPrincipal: BroadPrincipalSchema.optional(),
});
/** See {@link DirectoryObjectSchema}. */
export type DirectoryObject = z.infer<typeof DirectoryObjectSchema>;

/** The outcome of resolving one typed name ("Check Names"). */
export const ResolutionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('resolved'), input: z.string(), object: DirectoryObjectSchema }),
  z.object({ status: z.literal('ambiguous'), input: z.string(), candidates: z.array(DirectoryObjectSchema).min(2) }),
  z.object({ status: z.literal('not-found'), input: z.string(), reason: z.string() }),
]);
/** See {@link ResolutionSchema}. */
export type Resolution = z.infer<typeof ResolutionSchema>;

/** Facts about the domain learnt from the rootDSE and the partitions container. */
export const DomainInfoSchema = z.object({
  defaultNamingContext: z.string(),
  configurationNamingContext: z.string(),
  rootDomainNamingContext: z.string(),
  dnsHostName: z.string(),
  dnsDomainName: z.string(),
  netbiosDomain: z.string(),
  domainSid: z.string(),
  globalCatalogReady: z.boolean(),
  supportedControls: z.array(z.string()),
});
/** See {@link DomainInfoSchema}. */
export type DomainInfo = z.infer<typeof DomainInfoSchema>;

/** One child of a container in a one-level browse. */
export const BrowseEntrySchema = z.object({
  distinguishedName: z.string(),
  name: z.string(),
  objectClass: z.string(),
  isContainer: z.boolean(),
  guid: z.string(),
});
/** See {@link BrowseEntrySchema}. */
export type BrowseEntry = z.infer<typeof BrowseEntrySchema>;
