/** A forbidden setting found in product code. */
export type InsecureSetting = { readonly file: string; readonly line: number; readonly rule: string; readonly text: string };

/**
 * Settings that switch off a defence, each with why it may never appear in product code.
 *
 * Electronegativity does not know the first one at all (only its commercial successor does)
 * and rates `nodeIntegration: true` as informational, so these are matched textually, in any
 * spacing or quoting, in the code of every product file (comments may name them to explain
 * why they are refused). Test files and fixtures are not product code and are not scanned.
 */
export const INSECURE_SETTINGS: readonly { readonly rule: string; readonly pattern: RegExp; readonly why: string }[] = [
  {
    rule: 'NODE_TLS_REJECT_UNAUTHORIZED',
    pattern: /NODE_TLS_REJECT_UNAUTHORIZED/,
    why: 'switches off certificate checks for every TLS connection in the process',
  },
  {
    rule: 'rejectUnauthorized: false',
    pattern: /\brejectUnauthorized['"]?\s*[:=]\s*(false|0|!1)\b/,
    why: 'accepts any certificate (LDAPS, the connector service)',
  },
  { rule: 'webSecurity: false', pattern: /\bwebSecurity['"]?\s*[:=]\s*(false|0)\b/, why: 'turns off the same-origin policy in the window' },
  { rule: 'allowRunningInsecureContent', pattern: /\ballowRunningInsecureContent\b/, why: 'lets an https page run http scripts' },
  { rule: 'nodeIntegration: true', pattern: /\bnodeIntegration(InWorker|InSubFrames)?['"]?\s*[:=]\s*(true|1)\b/, why: 'gives page scripts Node.js' },
  { rule: 'contextIsolation: false', pattern: /\bcontextIsolation['"]?\s*[:=]\s*(false|0)\b/, why: 'lets the page reach the preload’s world' },
  { rule: 'sandbox: false', pattern: /\bsandbox['"]?\s*[:=]\s*(false|0)\b/, why: 'runs the renderer without the OS sandbox' },
];

/** Product folders the gate scans. */
export const PRODUCT_FOLDERS = ['contract', 'core', 'connector', 'main', 'renderer'] as const;

/** Whether a path is product code (not a test, a test helper or a fixture). */
export function isProductFile(path: string): boolean {
  const normalised = path.replaceAll('\\', '/');
  if (!/\.(ts|tsx|js|cjs|mjs|html|json)$/.test(normalised)) return false;
  return !/(\.test\.tsx?$|\.spec\.tsx?$|\/testing\/|\/fixtures\/|\/__tests__\/)/.test(normalised);
}

/**
 * The code on a line with comments removed: doc-comment lines, `//` tails and HTML comment
 * lines, so that explaining why a setting is refused does not trip the gate. Deliberately
 * simple; a `//` inside a string only hides the rest of that line.
 */
function codeOf(lineText: string): string {
  const trimmed = lineText.trim();
  if (trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('//') || trimmed.startsWith('<!--')) return '';
  return lineText.replace(/(^|[\s;,{(])\/\/.*$/, '$1');
}

/** Every forbidden setting in one file's code (comments aside), line by line. */
export function findInsecureSettings(file: string, text: string): InsecureSetting[] {
  const found: InsecureSetting[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    const code = codeOf(lineText);
    for (const { rule, pattern } of INSECURE_SETTINGS) {
      if (pattern.test(code)) found.push({ file, line: index + 1, rule, text: lineText.trim() });
    }
  });
  return found;
}
