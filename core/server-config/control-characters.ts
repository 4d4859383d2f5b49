/**
 * Whether `text` holds a C0 or C1 control character (line breaks included) or a Unicode line
 * or paragraph separator.
 *
 * One definition for every place that must keep a value on one line: a URL check, a .reg
 * line, a script line. `allowTab` lets script indentation through.
 */
export function hasControlCharacter(text: string, options: { readonly allowTab?: boolean } = {}): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x09 && options.allowTab === true) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}
