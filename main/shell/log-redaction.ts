/** What replaces a value the log refuses to write. */
export const WITHHELD = '[withheld]';

/**
 * Keys whose values are never written, whatever they hold (case-insensitive, anywhere in the
 * key: `bindPassword`, `accessToken`, `Authorization`, `x-api-key`…). Errs on the side of
 * withholding: a harmless `tokenExpiresAt` is withheld too.
 */
const SECRET_KEY = /pass(?:word|wd|phrase)|pwd|token|secret|authori[sz]ation|cookie|api[-_]?key|private[-_]?key|credential/i;

/** Strings that carry a secret whatever their key: auth headers, JWTs, private keys, credentials in URLs or assignments. */
const SECRET_TEXT = [
  /\bbearer\s+\S/i,
  /\bbasic\s+[a-z0-9+/]{6,}/i,
  /\beyJ[\w-]{4,}\.[\w-]{4,}\./,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\/\/[^/\s:@]+:[^/\s@]+@/,
  /\b(?:password|passwd|pwd|secret|token)\s*[=:]\s*\S/i,
];

const MAX_DEPTH = 5;
const MAX_ITEMS = 50;
const MAX_STRING = 2000;

/**
 * A copy of `line` that is safe to write to the log file.
 *
 * Refuses anything that looks like a secret — a value under a secret-sounding key, or a
 * string that looks like a credential — by writing {@link WITHHELD} in its place. Also
 * keeps the line bounded and JSON-safe: long strings cut, deep or large structures trimmed,
 * errors reduced to name and message, bigints as text, functions and symbols dropped,
 * cycles broken.
 */
export function redactLogLine(line: Record<string, unknown>): Record<string, unknown> {
  return redactObject(line, 0, new WeakSet());
}

/** Whether `text` looks like it carries a secret (see {@link redactLogLine}). */
export function looksLikeSecret(text: string): boolean {
  return SECRET_TEXT.some((pattern) => pattern.test(text));
}

function redactObject(value: object, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_ITEMS)) {
    if (SECRET_KEY.test(key)) {
      result[key] = WITHHELD;
      continue;
    }
    const redacted = redactValue(item, depth + 1, seen);
    if (redacted !== undefined) result[key] = redacted;
  }
  return result;
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return looksLikeSecret(value) ? WITHHELD : cut(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) return { name: value.name, message: redactValue(value.message, depth + 1, seen) };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item: unknown) => redactValue(item, depth + 1, seen) ?? null);
  return redactObject(value, depth, seen);
}

function cut(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
}
