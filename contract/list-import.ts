import { z } from 'zod';
import { ObjectKindSchema } from './directory.ts';
import { FindingCodeSchema, FindingSchema, RoleSchema } from './policy.ts';
import { ListVersionTagSchema } from './servers.ts';

/** The list file formats an import reads: the JSON `servers export` writes, or CSV with a header row. */
export const ListFileFormatSchema = z.enum(['json', 'csv']);
/** See {@link ListFileFormatSchema}. */
export type ListFileFormat = z.infer<typeof ListFileFormatSchema>;

/**
 * One thing wrong in a list file, where it is: the line (from 1) and, where known, the entry and field.
 *
 * `kind` lets each front door word it: `syntax` (not JSON, an unclosed quote), `too-many`
 * (over 10,000 entries), `columns` (a CSV header without SID or Role), `content` (the whole file or one entry's field).
 */
export const ListFileIssueSchema = z
  .object({
    kind: z.enum(['syntax', 'too-many', 'columns', 'content']),
    line: z.number().int().positive().optional(),
    entry: z.number().int().positive().optional(),
    field: z.string().max(64).optional(),
    problem: z.string().max(1024),
  })
  .strict();
/** See {@link ListFileIssueSchema}. */
export type ListFileIssue = z.infer<typeof ListFileIssueSchema>;

/**
 * The answer of Import…: nothing when the admin closed the picker; the file main now holds
 * (by an opaque id, never its path) with its entry count; or what is wrong in it, line by line.
 */
export const ImportFileChoiceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('closed') }).strict(),
  z
    .object({ status: z.literal('read'), fileId: z.uuid(), name: z.string().max(255), format: ListFileFormatSchema, entries: z.number().int().nonnegative() })
    .strict(),
  z
    .object({
      status: z.literal('refused'),
      name: z.string().max(255),
      format: ListFileFormatSchema.optional(),
      issues: z.array(ListFileIssueSchema).max(100),
      /** More issues than listed. */
      moreIssues: z.number().int().nonnegative(),
    })
    .strict(),
]);
/** See {@link ImportFileChoiceSchema}. */
export type ImportFileChoice = z.infer<typeof ImportFileChoiceSchema>;

/** One entry of an import preview: who (as the directory names it, else as the file or list does), what role, and the policy's findings. */
export const ImportRowSchema = z
  .object({
    sid: z.string().max(256),
    role: RoleSchema,
    label: z.string().max(1024),
    kind: ObjectKindSchema.optional(),
    inFolder: z.string().max(4096).optional(),
    findings: z.array(FindingSchema),
  })
  .strict();
/** See {@link ImportRowSchema}. */
export type ImportRow = z.infer<typeof ImportRowSchema>;

/**
 * What applying a file would change, judged against the list version it names.
 *
 * Added and unchanged entries carry the findings of granting them next to the rest of the
 * file; errors on an added entry block the import and each warning on one needs its "I
 * understand". Removed entries lose access and are judged no more.
 */
export const ImportPreviewSchema = z
  .object({
    version: z.number().int().nonnegative(),
    versionTag: ListVersionTagSchema,
    added: z.array(ImportRowSchema),
    removed: z.array(ImportRowSchema),
    unchanged: z.array(ImportRowSchema),
  })
  .strict();
/** See {@link ImportPreviewSchema}. */
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** How far a preview has got (entries judged of all to judge), or null when none runs under that id. */
export const ImportProgressSchema = z.object({ total: z.number().int().nonnegative(), finished: z.number().int().nonnegative() }).strict().nullable();
/** See {@link ImportProgressSchema}. */
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** The warnings the admin acknowledged on one added entry (by SID and role). */
export const ImportAcknowledgementSchema = z
  .object({
    sid: z.string().regex(/^S-1-\d{1,3}(-\d{1,10}){1,15}$/, 'A SID looks like S-1-5-21-…'),
    role: RoleSchema,
    codes: z.array(FindingCodeSchema).max(32),
  })
  .strict();
/** See {@link ImportAcknowledgementSchema}. */
export type ImportAcknowledgement = z.infer<typeof ImportAcknowledgementSchema>;

/** What Apply sends: the file by id, the version previewed, each acknowledgement. */
export const ImportApplyRequestSchema = z
  .object({
    fileId: z.uuid(),
    versionTag: ListVersionTagSchema,
    acknowledged: z.array(ImportAcknowledgementSchema).max(10_000),
    operationId: z.uuid(),
  })
  .strict();
/** See {@link ImportApplyRequestSchema}. */
export type ImportApplyRequest = z.infer<typeof ImportApplyRequestSchema>;

/** The answer to Apply: the new list version and how many entries came and went. */
export const ImportApplyResultSchema = z
  .object({
    version: z.number().int().nonnegative(),
    versionTag: ListVersionTagSchema,
    added: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
  })
  .strict();
/** See {@link ImportApplyResultSchema}. */
export type ImportApplyResult = z.infer<typeof ImportApplyResultSchema>;
