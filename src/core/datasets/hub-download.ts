import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export interface HubDownloadRequest {
  /** The hub's `resolve` URL. */
  url: string;
  /** Final file path; written only once the whole body has arrived. */
  destination: string;
  /** Sent as `Authorization: Bearer` to the hub's own origin only, never to redirect targets elsewhere. */
  token?: string;
  fetch: typeof fetch;
}

/** `ok`, or why not: `status` for an HTTP refusal (401/403/404 ...), `reason` for the message. */
export type HubDownloadResult = { ok: true } | HubDownloadFailure;

export interface HubDownloadFailure {
  ok: false;
  status?: number;
  reason: string;
}

/** A hub file fetched into memory, or why not. */
export type HubFetchResult = { ok: true; bytes: Uint8Array } | HubDownloadFailure;

const MAX_REDIRECTS = 10;

/**
 * Downloads one hub file, following redirects (the hub answers `resolve` with 302 to a CDN for
 * large files and 307 for renamed repos). The body is streamed to a temp file next to
 * `destination` and renamed over it, so a crash never leaves a partial file in the cache.
 * Failures are returned, not thrown, so the caller can report every place it looked; the token
 * never appears in the result.
 */
export async function downloadHubFile(request: HubDownloadRequest): Promise<HubDownloadResult> {
  const opened = await openHubFile(request);
  if (!opened.ok) return opened;
  const temp = `${request.destination}.${randomUUID()}.part`;
  try {
    await mkdir(dirname(request.destination), { recursive: true });
    await pipeline(Readable.fromWeb(opened.body), createWriteStream(temp));
    await rename(temp, request.destination);
    return { ok: true };
  } catch (error) {
    await rm(temp, { force: true });
    return { ok: false, reason: `download failed: ${describe(error)}` };
  }
}

/**
 * Fetches one hub file into memory, with the redirects and token handling of `downloadHubFile`,
 * writing nothing to disk (for data that must not be stored in plain text).
 */
export async function fetchHubFile(request: Omit<HubDownloadRequest, 'destination'>): Promise<HubFetchResult> {
  const opened = await openHubFile(request);
  if (!opened.ok) return opened;
  try {
    return { ok: true, bytes: new Uint8Array(await new Response(opened.body).arrayBuffer()) };
  } catch (error) {
    return { ok: false, reason: `download failed: ${describe(error)}` };
  }
}

/** Follows redirects to the file's body; the token goes to the hub's own origin only. */
async function openHubFile(
  request: Omit<HubDownloadRequest, 'destination'>,
): Promise<{ ok: true; body: WebReadableStream<Uint8Array> } | HubDownloadFailure> {
  const hubOrigin = new URL(request.url).origin;
  let url = request.url;
  let response: Response;
  try {
    for (let redirects = 0; ; redirects++) {
      const headers: Record<string, string> = {};
      if (request.token && new URL(url).origin === hubOrigin) headers.authorization = `Bearer ${request.token}`;
      response = await request.fetch(url, { headers, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) break;
      await response.body?.cancel();
      if (redirects === MAX_REDIRECTS) return { ok: false, reason: `more than ${MAX_REDIRECTS} redirects` };
      url = new URL(location, url).href;
    }
  } catch (error) {
    return { ok: false, reason: `request failed: ${describe(error)}` };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return { ok: false, status: response.status, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  }
  return { ok: true, body: response.body as WebReadableStream<Uint8Array> };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const message = (error as Error).message ?? String(error);
  return cause instanceof Error ? `${message} (${cause.message})` : message;
}
