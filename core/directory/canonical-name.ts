/**
 * The "In Folder" of an object: its canonicalName without the last component.
 *
 * canonicalName escapes a slash inside a name as `\/`, so the split must skip escaped ones.
 */
export function inFolderOf(canonicalName: string): string {
  for (let index = canonicalName.length - 1; index >= 0; index -= 1) {
    if (canonicalName[index] === '/' && !isEscaped(canonicalName, index)) return canonicalName.slice(0, index);
  }
  return canonicalName;
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let cursor = index - 1; cursor >= 0 && text[cursor] === '\\'; cursor -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}
