/** What every redacted value becomes in a log line. */
export const REDACTED = '[REDACTED]';

/**
 * Header names whose values are credentials: `authorization`, `proxy-authorization`, `x-api-key`,
 * `api-key`, `x-auth-token`, `cookie`, `set-cookie`, and anything else naming a key, token, secret
 * or password.
 */
const SENSITIVE_HEADER = /auth|key|token|secret|cookie|password/i;

/** Strips credentials from what the logging and caching interceptors write. */
export interface Redactor {
  /** A copy of `headers` with every sensitive header's value replaced by `[REDACTED]`. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  /**
   * `record` as one JSON line (newline-terminated) in which every occurrence of a secret is
   * `[REDACTED]`: raw, JSON-escaped once or twice (a secret inside a JSON string inside a JSON
   * string) and percent-encoded (in a URL), wherever it sits: body, header, URL or error text.
   */
  line(record: unknown): string;
  /** `text` (typically JSON) with every spelling of a secret that `line` knows replaced by `[REDACTED]`. */
  text(text: string): string;
  /** Whether `text` holds any spelling of a secret that `line` knows. */
  finds(text: string): boolean;
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** Every spelling of `secret` a log line may hold. */
function spellings(secret: string): string[] {
  const once = jsonEscaped(secret);
  return [secret, once, jsonEscaped(once), encodeURIComponent(secret)];
}

/** A redactor for `secrets` (empty strings are ignored), compiled once per interceptor. */
export function createRedactor(secrets: readonly string[]): Redactor {
  // Longest first, so a longer spelling is not left half-replaced by a shorter one it contains.
  const forms = [...new Set(secrets.filter((s) => s.length > 0).flatMap(spellings))].sort((a, b) => b.length - a.length);
  function redacted(text: string): string {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  }
  return {
    headers(headers) {
      const safe: Record<string, string> = {};
      for (const name in headers) safe[name] = SENSITIVE_HEADER.test(name) ? REDACTED : headers[name]!;
      return safe;
    },
    line: (record) => `${redacted(JSON.stringify(record))}\n`,
    text: redacted,
    finds: (text) => forms.some((form) => text.includes(form)),
  };
}
