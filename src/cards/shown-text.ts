/**
 * Text a person typed (a narrative, a note, a comment, a title in the register, a command the bot
 * did not know) shown again in a card or a message: shown, never interpreted. Teams reads
 * TextBlocks, facts and message text as Markdown, so "[95](https://evil.example/phish)" would be a
 * live link, "**" bold and "<at>…</at>" a mention. What Teams interprets is escaped with
 * CommonMark's backslash (honoured by Teams on desktop, web and mobile): emphasis and link brackets
 * anywhere, list and heading markers at the start of a line; "<" becomes "&lt;" so no tag can start.
 * Ordinary punctuation is left alone, so a text reads the same on any client.
 */
const INLINE = /[\\`*_[\]~]/g;
const LINE_START = /^(\s*)(?:([-+#>])|(\d+)([.)]))/gm;

export function shown(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    // "- item" and "# heading" escape their marker; "2. item" escapes the dot ("2\\. item").
    .replace(LINE_START, (_all, space: string, marker?: string, digits?: string, dot?: string) => (marker ? `${space}\\${marker}` : `${space}${digits}\\${dot}`))
    .replace(/</g, '&lt;');
}

/** Typed text echoed in a sentence: cut to `limit` characters first, then escaped. */
export function shownTyped(text: string, limit: number): string {
  const cut = text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;
  return shown(cut);
}
