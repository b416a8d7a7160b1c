/** Excel refuses longer sheet names when it opens the file. */
export const sheet_name_max_chars = 31;
/** Characters Excel does not allow in a sheet name; line breaks and tabs are replaced as well. */
const FORBIDDEN_CHARACTERS = /[[\]:*?/\\\r\n\t]/g;
/** Excel keeps this name for its own change history. */
const RESERVED_NAMES = ['history'];

/**
 * One valid, distinct sheet name per heading, in order. Excel compares sheet names without regard
 * to case, so "Budget" and "BUDGET" collide; the later one becomes "BUDGET (2)".
 */
export function sheetNames(headings: readonly string[]): string[] {
  const taken = new Set(RESERVED_NAMES);
  // Each heading takes one name, so a free one is found within this many tries.
  const tries_max = headings.length + RESERVED_NAMES.length + 1;
  return headings.map((heading, index) => {
    const name = freeName(cleanName(heading) || `Blad ${index + 1}`, taken, tries_max);
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The base name, or the base with " (2)", " (3)" … kept within the length limit. */
function freeName(base: string, taken: ReadonlySet<string>, tries_max: number): string {
  for (let attempt = 1; attempt <= tries_max; attempt++) {
    const suffix = attempt === 1 ? '' : ` (${attempt})`;
    const name = truncate(base, sheet_name_max_chars - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
  throw new Error('invariant broken: a free sheet name is found within the number of headings');
}

/** The heading without forbidden characters, runs of blanks or the apostrophes Excel cannot start or end with. */
function cleanName(heading: string): string {
  return heading
    .replace(FORBIDDEN_CHARACTERS, '-')
    .replace(/\s+/g, ' ')
    .replace(/^['\s]+|['\s]+$/g, '');
}

/** At most `max` UTF-16 units without splitting a character in two. */
function truncate(text: string, max: number): string {
  let result = '';
  for (const character of text) {
    if (result.length + character.length > max) break;
    result += character;
  }
  return result;
}
