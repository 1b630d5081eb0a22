import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the endpoint received. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: any;
  /** The body text as it arrived. */
  raw: string;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless a string. */
  body: unknown;
}

export interface ScriptedEndpoint {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP endpoint on 127.0.0.1 answering every POST with `reply(request, n)` (n from 0) and
 * recording headers and parsed body: for replies the mock server cannot script (arbitrary JSON,
 * `reasoning_content`, response headers) and for checking the headers that were sent.
 */
export async function startScriptedEndpoint(reply: (request: ReceivedRequest, n: number) => ScriptedReply): Promise<ScriptedEndpoint> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const request = { headers: req.headers, body: JSON.parse(raw), raw };
      received.push(request);
      const { status = 200, headers = {}, body } = reply(request, received.length - 1);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A chat completion body with one assistant message (extra fields merged into the message). */
export function chatReply(content: string, message: Record<string, unknown> = {}, usage?: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'c1',
    object: 'chat.completion',
    model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content, ...message }, finish_reason: 'stop' }],
    ...(usage ? { usage } : {}),
  };
}
