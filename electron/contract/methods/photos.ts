import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { RowIdSchema } from '../basics/primitives';

/**
 * Participants' photos. A folder of files named by registration id or e-mail is imported one
 * file per call (the screen shrinks each photo to badge size first, so a call stays far below
 * the body cap); desks and the identity station read a photo back to tell people apart.
 */

/** Base64 of at most ~190 KB: a badge photo, not a camera original. */
const PhotoBase64Schema = z.string().max(255_000).regex(/^[A-Za-z0-9+/]*={0,2}$/u);

export const PhotoFileOutcomeSchema = z.object({
  fileName: z.string(),
  result: z.enum(['stored', 'no_match', 'ambiguous', 'not_an_image', 'too_large']),
  participantId: RowIdSchema.nullable(),
  displayName: z.string().nullable(),
  message: z.string(),
});
export type PhotoFileOutcome = z.infer<typeof PhotoFileOutcomeSchema>;

export const photosImportFile = defineMethod({
  summary: 'Stores one photo file, matched to its person by its name (registration id, e-mail or row id).',
  input: z.object({ fileName: z.string().min(1).max(255), base64: PhotoBase64Schema }),
  output: PhotoFileOutcomeSchema,
  errors: ['no_event'],
  roles: ['admin'],
});

export const photosSet = defineMethod({
  summary: "Sets one person's photo from an image (JPEG, PNG or WebP).",
  input: z.object({ participantId: RowIdSchema, base64: PhotoBase64Schema }),
  output: z.object({ participantId: RowIdSchema }),
  errors: ['no_event', 'not_found', 'not_an_image', 'too_large'],
  roles: ['admin'],
});

export const photosRemove = defineMethod({
  summary: "Removes a person's photo.",
  input: z.object({ participantId: RowIdSchema }),
  output: z.object({ removed: z.boolean() }),
  errors: ['no_event', 'not_found'],
  roles: ['admin'],
});

export const photosGet = defineMethod({
  summary: "A person's photo, to show at the desk, in the list and at the identity station.",
  input: z.object({ participantId: RowIdSchema }),
  output: z.object({ mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp']), base64: z.string() }),
  errors: ['no_event', 'no_photo'],
  roles: ['admin', 'desk', 'presenter'],
});

/** The photo methods, keyed by their API names. */
export const PHOTO_METHODS = {
  'photos.importFile': photosImportFile,
  'photos.set': photosSet,
  'photos.remove': photosRemove,
  'photos.get': photosGet,
} as const;
