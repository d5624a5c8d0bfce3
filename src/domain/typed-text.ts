/**
 * What a person typed, shown back to them: never longer than the field's limit, so a card that
 * refuses a 1 MB note does not carry the 1 MB note back (the error says how long it may be).
 */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;
}

/** The longest figure a value input takes: "£1,234,567,890.12" is 17; 40 leaves room for spaces and signs. */
export const MAX_VALUE_TEXT = 40;
