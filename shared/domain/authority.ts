import { z } from 'zod';
import { OFFICIAL_ROLE_NAMES, OFFICIAL_ROLES } from './people';

/**
 * Who may act: a sitting member of the election committee (选举委员会), or an official in one of the official roles.
 * A signed-in person acts in every role they hold now (or only in the one they chose at sign-in).
 */
export const STAFF_ROLES = ['committee', ...OFFICIAL_ROLES] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRole = z.enum(STAFF_ROLES);

export const STAFF_ROLE_NAMES: Record<StaffRole, { zh: string; en: string }> = {
  committee: { zh: '选举委员会成员', en: 'election committee member' },
  ...OFFICIAL_ROLE_NAMES,
};

/** A personal PIN: 6 to 12 digits. */
export const PIN_PATTERN = /^\d{6,12}$/;
export const newPin = z.string().regex(PIN_PATTERN, 'PIN must be 6 to 12 digits');
/** A PIN as typed when checked: anything short; a wrong one is simply wrong. */
export const typedPin = z.string().min(1, 'a PIN is required').max(32);

/** Wrong PINs allowed in a row before the person is refused for a while; the wait doubles with each lockout. */
export const PIN_FAILURES_BEFORE_LOCK = 5;
export const PIN_FIRST_LOCK_SECONDS = 60;

/** Idle time after which a session ends by itself; a desk may keep a shift-long session. */
export const DEFAULT_IDLE_MINUTES = 10;
export const MAX_IDLE_MINUTES = 12 * 60;

/** A committee member's approval of a decision, given at the moment by typing their PIN. */
export const committeeApproval = z.strictObject({ person: z.int().positive(), pin: typedPin });
export type CommitteeApproval = z.infer<typeof committeeApproval>;
