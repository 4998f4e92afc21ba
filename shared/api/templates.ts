import { z } from 'zod';
import { answerText } from '../domain/text';

/** Blank files to fill in and import: the roll template, made from the importer's own column definitions. */
export const templatesContract = {
  rollTemplate: {
    /** roll: a Party members' meeting's Party roll (党员名册) or, by default, the residents' roll. */
    input: z.strictObject({ format: z.enum(['csv', 'xlsx']), roll: z.enum(['residents', 'party']).optional() }),
    output: z.strictObject({ fileName: answerText, mimeType: answerText, contentBase64: answerText }),
  },
} as const;

export type TemplatesContract = typeof templatesContract;
