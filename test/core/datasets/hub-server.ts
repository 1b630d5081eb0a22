import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a test server received. */
export interface SeenRequest {
  url: string;
  headers: IncomingHttpHeaders;
}

/** A local stand-in for the hub and its CDN, answering the way huggingface.co does. */
export interface FakeHub {
  endpoint: string;
  cdnOrigin: string;
  hubRequests: SeenRequest[];
  cdnRequests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts two servers on 127.0.0.1 (distinct origins): the hub answers
 * `/datasets/<repo>/resolve/<revision>/<path>` with 401 unless `Authorization: Bearer <token>`,
 * 307 from `renamedRepo` to `repo` (same origin, as for renamed repos), 302 to the CDN for a
 * known file, and 404 otherwise; the CDN serves the file's bytes.
 */
export async function startFakeHub(options: {
  token: string;
  repo: string;
  renamedRepo: string;
  revision: string;
  files: Record<string, string>;
}): Promise<FakeHub> {
  const hubRequests: SeenRequest[] = [];
  const cdnRequests: SeenRequest[] = [];
  const cdn = createServer((req, res) => {
    cdnRequests.push({ url: req.url!, headers: req.headers });
    const path = decodeURIComponent(new URL(req.url!, 'http://cdn').pathname.replace(/^\/blobs\//, ''));
    const local = options.files[path];
    if (!local) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(local));
  });
  const cdnOrigin = await listen(cdn);
  const hub = createServer((req, res) => {
    hubRequests.push({ url: req.url!, headers: req.headers });
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Invalid credentials in Authorization header"}');
    }
    const match = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(req.url!);
    const [, repo, revision, path] = match ?? [];
    if (repo === options.renamedRepo) {
      return void res.writeHead(307, { location: `/datasets/${options.repo}/resolve/${revision}/${path}` }).end();
    }
    if (repo !== options.repo || decodeURIComponent(revision ?? '') !== options.revision || !options.files[decodeURIComponent(path!)]) {
      return void res.writeHead(404, { 'x-error-code': 'EntryNotFound' }).end('Entry not found');
    }
    res.writeHead(302, { location: `${cdnOrigin}/blobs/${path}?X-Amz-Signature=abc` }).end();
  });
  const endpoint = await listen(hub);
  return {
    endpoint,
    cdnOrigin,
    hubRequests,
    cdnRequests,
    close: async () => {
      await Promise.all([hub, cdn].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
