// What parsing a link corrected, and how raw URL text is made safe to quote:
// raw text only ever leaves the URL schema through displayRaw, which strips
// control characters and truncates; the app renders it as plain text, never
// as HTML.
export type CorrectionReason =
  | 'out-of-range' // a number outside [min, max]: clamped
  | 'adjusted' // a number inside the range but off the grid (integer, power of two, slider step)
  | 'invalid' // not a value of this field at all: default used
  | 'unknown-value' // a name the app does not know (lesson, variant, ...): default used
  | 'incompatible' // valid alone but not with another field (form of a variant, t > n)
  | 'duplicate' // the key appears more than once: the first one wins
  | 'unknown-key' // parameters the app does not read
  | 'too-long' // the query string was cut before parsing
  | 'lesson-cap'; // n above the largest n the lesson's lab computes: clamped

export interface Correction {
  /** URL key (sanitised). */
  readonly key: string;
  /** What the link said, sanitised and truncated for display. */
  readonly raw: string;
  /** What the app shows instead, as it appears in the canonical link. */
  readonly shown: string;
  readonly reason: CorrectionReason;
}

const DISPLAY_LENGTH = 24;

/** Make any text safe and short enough to quote in a notice (rendered as text, never HTML). */
export function displayRaw(text: string, maxLength = DISPLAY_LENGTH): string {
  const printable = Array.from(
    text
      .replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return printable.length > maxLength ? `${printable.slice(0, maxLength).join('')}…` : printable.join('');
}

export function correction(key: string, raw: string, shown: string, reason: CorrectionReason): Correction {
  return { key: displayRaw(key), raw: displayRaw(raw), shown: displayRaw(shown, 64), reason };
}
