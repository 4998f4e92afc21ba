import { z } from 'zod';
import { text, TEXT_LIMITS } from './text';

export const VENUE_KINDS = ['central', 'station'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
export const BOX_KINDS = ['central', 'station', 'mobile'] as const;
export type BoxKind = (typeof BOX_KINDS)[number];

/** A mobile box is carried by at least this many people (DOMAIN.md §6). */
export const MOBILE_BOX_MIN_STAFF = 3;

export const code = z
  .string()
  .min(1, 'must not be empty')
  .max(32, 'at most 32 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only');

export const venueInput = z.strictObject({
  id: code,
  name: text(TEXT_LIMITS.name).trim().min(1, 'name must not be empty'),
  kind: z.enum(VENUE_KINDS),
});

export const boxInput = z.strictObject({
  id: code,
  name: text(TEXT_LIMITS.name).trim().min(1, 'name must not be empty'),
  kind: z.enum(BOX_KINDS),
  venue: code,
  /** Mobile boxes: the names of the team (at least three). */
  staff: z.array(text(TEXT_LIMITS.name).trim().min(1)).optional(),
});

export type VenueInput = z.infer<typeof venueInput>;
export type BoxInput = z.infer<typeof boxInput>;
