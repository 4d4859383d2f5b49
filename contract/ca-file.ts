import { z } from 'zod';

/**
 * A CA certificate file main holds for the renderer, by an opaque id.
 *
 * The renderer never sends a path: main asks the admin with the desktop's file picker (or
 * remembers the file from the last sign-in) and answers only what the form shows — the
 * file's name and, once main has read it, its first certificate's subject and expiry.
 * Requests that need the CA carry `id`.
 */
export const ChosenCaFileSchema = z
  .object({
    id: z.uuid(),
    name: z.string().max(255),
    subject: z.string().max(1024).optional(),
    expiresAt: z.iso.datetime().optional(),
  })
  .strict();
/** See {@link ChosenCaFileSchema}. */
export type ChosenCaFile = z.infer<typeof ChosenCaFileSchema>;

/** What the CA file is for; only the picker's title depends on it. */
export const CaFilePurposeSchema = z.enum(['directory', 'health']);
/** See {@link CaFilePurposeSchema}. */
export type CaFilePurpose = z.infer<typeof CaFilePurposeSchema>;

/** The answer of Choose…: nothing when the admin closed the picker, else the file main now holds. */
export const CaFileChoiceSchema = z.discriminatedUnion('chosen', [
  z.object({ chosen: z.literal(false) }).strict(),
  z.object({ chosen: z.literal(true), file: ChosenCaFileSchema }).strict(),
]);
/** See {@link CaFileChoiceSchema}. */
export type CaFileChoice = z.infer<typeof CaFileChoiceSchema>;
