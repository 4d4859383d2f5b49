/** How long a download's object URL stays valid (the browser has started saving by then). */
const REVOKE_AFTER_MS = 30_000;

/**
 * Save text as a file through the browser's download (a Blob behind an `<a download>`).
 *
 * The renderer has no file system access by design; a download works the same in Electron
 * (main decides where it goes) and in the browser harness.
 */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, REVOKE_AFTER_MS);
}
