import { z } from 'zod';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';

/** Framing headers the HTTP client owns; setting them from config would corrupt the request. */
const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Marks a removed property while `withoutKeys` walks an object. */
const REMOVED = Symbol('removed');

/**
 * `value` with every property named in `keys` removed at every depth (inside arrays too). Parts
 * holding no such property are returned as they are (the same array or object, not a copy), so a
 * body whose messages hold none shares them with the caller's; changed parts are new plain objects
 * and arrays, and the input is never mutated. Objects that are not plain (a Date, a class
 * instance) are always rebuilt from their own enumerable properties.
 */
function withoutKeys(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = withoutKeys(value[i], keys);
      if (copy) copy.push(item);
      else if (item !== value[i]) copy = [...value.slice(0, i), item];
    }
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  const prototype = Object.getPrototypeOf(value);
  const names = Object.keys(value);
  let copy: Record<string, unknown> | undefined = prototype === Object.prototype || prototype === null ? undefined : {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const item = value[name];
    const kept = keys.has(name) ? REMOVED : withoutKeys(item, keys);
    if (!copy && kept !== item) {
      copy = {};
      for (let j = 0; j < i; j++) copy[names[j]!] = value[names[j]!];
    }
    if (copy && kept !== REMOVED) copy[name] = kept;
  }
  return copy ?? value;
}

/** Lower-cases header names: request headers are lower-cased throughout the pipeline. */
function lowerKeys(record: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(record).map(([name, value]) => [name.toLowerCase(), value]));
}

/**
 * NeMo's `payload_modifier` (nemo-evaluator 0.2.x). Body, in this order: `params_to_remove` deletes
 * each named key at every depth (inside `messages`, lists, nested objects); `params_to_add` is a
 * shallow top-level update (a nested object replaces the old value wholesale); `params_to_rename`
 * moves top-level keys, in the order listed (e.g. `max_tokens: max_completion_tokens`).
 * `params_to_add.extra_body` works as the OpenAI SDK's `extra_body`: its keys are spread into the
 * top level of the body (shallowly, after the other added keys, so they win) and no `extra_body`
 * key is sent. Headers, names matched case-insensitively and sent lower-cased: `headers_to_remove`,
 * then `headers_to_rename`, then `headers_to_add` (overriding what is there); `host`,
 * `content-length`, `connection` and `transfer-encoding` in `headers_to_add` are dropped with a
 * warning. The caller's request is never mutated.
 */
export const payloadModifierInterceptor = defineInterceptor({
  name: 'payload_modifier',
  description: 'removes, adds and renames request body fields and headers',
  config: z.strictObject({
    params_to_remove: z.array(z.string()).nullish(),
    params_to_add: z
      .record(z.string(), z.unknown())
      .refine((add) => add.extra_body === undefined || isPlainObject(add.extra_body), {
        path: ['extra_body'],
        message: 'must be a mapping of body fields to send at the top level of the request body',
      })
      .nullish(),
    params_to_rename: z.record(z.string(), z.string()).nullish(),
    headers_to_add: z.record(z.string(), z.string()).nullish(),
    headers_to_remove: z.array(z.string()).nullish(),
    headers_to_rename: z.record(z.string(), z.string()).nullish(),
    /** Accepted for NeMo configs; no effect. */
    log_level: z.string().optional(),
  }),
  create(config) {
    const remove = new Set(config.params_to_remove ?? []);
    const { extra_body: extraBody, ...added } = config.params_to_add ?? {};
    const additions = { ...added, ...(extraBody as Record<string, unknown> | undefined) };
    const renames = Object.entries(config.params_to_rename ?? {});

    const removeHeaders = new Set((config.headers_to_remove ?? []).map((name) => name.toLowerCase()));
    const renameHeaders = lowerKeys(config.headers_to_rename ?? {});
    const addHeaders = lowerKeys(config.headers_to_add ?? {});
    for (const name of addHeaders.keys()) {
      if (!HOP_BY_HOP.has(name)) continue;
      addHeaders.delete(name);
      process.emitWarning(`payload_modifier: dropping "${name}" from headers_to_add; the HTTP client sets it`);
    }
    for (const [name, target] of renameHeaders) renameHeaders.set(name, target.toLowerCase());
    const editsHeaders = removeHeaders.size + renameHeaders.size + addHeaders.size > 0;
    const editsBody = remove.size > 0 || Object.keys(additions).length > 0 || renames.length > 0;

    function modifiedBody(body: Record<string, unknown>): Record<string, unknown> {
      const stripped = remove.size > 0 ? (withoutKeys(body, remove) as Record<string, unknown>) : body;
      // A fresh top level whatever withoutKeys shared: additions and renames must not reach the caller's body.
      const next = stripped === body ? { ...body } : stripped;
      Object.assign(next, additions);
      for (const [from, to] of renames) {
        if (!Object.hasOwn(next, from)) continue;
        const value = next[from];
        delete next[from];
        next[to] = value;
      }
      return next;
    }

    function modifiedHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
      const next: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        if (!removeHeaders.has(lower)) next[renameHeaders.get(lower) ?? lower] = value;
      }
      for (const [name, value] of addHeaders) next[name] = value;
      return next;
    }

    return {
      intercept(request, next) {
        return next({
          ...request,
          body: editsBody ? modifiedBody(request.body) : request.body,
          headers: editsHeaders ? modifiedHeaders(request.headers) : request.headers,
        });
      },
    };
  },
});
