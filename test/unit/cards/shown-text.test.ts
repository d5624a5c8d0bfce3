import { shown, shownTyped } from '../../../src/cards/shown-text';

describe('typed text shown, never interpreted', () => {
  it.each([
    ['[95](https://evil.example/phish)', '\\[95\\](https://evil.example/phish)'],
    ['**urgent** and _quiet_', '\\*\\*urgent\\*\\* and \\_quiet\\_'],
    ['<at>Marcus Webb</at> approve this', '&lt;at>Marcus Webb&lt;/at> approve this'],
    ['- first\n2. second\n# heading\n> quote', '\\- first\n2\\. second\n\\# heading\n\\> quote'],
    ['a \\ backslash and `code`', 'a \\\\ backslash and \\`code\\`'],
  ])('%j', (typed, escaped) => {
    expect(shown(typed)).toBe(escaped);
  });

  it('leaves ordinary council text as it was', () => {
    const ordinary = 'Two agency assessors from 1 December; overtime (weekends) - recovery by 2027-01. Cost £12,500!';
    expect(shown(ordinary)).toBe(ordinary);
  });

  it('cuts an echo to its limit before escaping it', () => {
    expect(shownTyped('x'.repeat(5000), 80)).toHaveLength(80);
    expect(shownTyped('[a](b)', 80)).toBe('\\[a\\](b)');
  });
});
