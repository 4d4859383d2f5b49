/** The most names Check Names resolves at once (the `directory:resolve-names` contract's limit). */
export const MAX_NAMES = 20;
/** The longest single name accepted (the same contract's limit). */
export const MAX_NAME_LENGTH = 1024;

/** Typed names split into a list, or why they cannot be. */
export type NameList = { readonly ok: true; readonly names: readonly string[] } | { readonly ok: false; readonly message: string };

/**
 * Split what the admin typed into names, as the Windows object picker reads "alice; bob".
 *
 * Names are separated by `;`; a name in double quotes may itself hold a `;` ("Smith; John").
 * Spaces around a name and empty parts (`alice;;bob;`) are dropped, and a name given twice
 * (in any case) counts once. An unclosed quote, too many names or an overlong one is refused
 * with a sentence saying so, rather than guessed at.
 */
export function parseNameList(text: string): NameList {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (character === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += character;
  }
  if (quoted) return { ok: false, message: 'A quotation mark is not closed. Close it, or separate names with “;” only.' };
  parts.push(current);
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of parts) {
    const name = part.trim();
    const key = name.toLocaleLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  if (names.length === 0) return { ok: false, message: 'Type a name to check, or browse for it.' };
  if (names.length > MAX_NAMES) return { ok: false, message: `Check at most ${String(MAX_NAMES)} names at once.` };
  if (names.some((name) => name.length > MAX_NAME_LENGTH)) return { ok: false, message: `A name is longer than ${String(MAX_NAME_LENGTH)} characters.` };
  return { ok: true, names };
}
