import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** What went through the proxy: `CONNECT host:port` tunnels and absolute-form `GET http://…` requests. */
export interface ProxiedRequest {
  readonly method: string;
  readonly target: string;
  /** The Proxy-Authorization header, when the client sent one. */
  readonly proxyAuthorization?: string;
}

export interface TestProxy {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly seen: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * A tiny forwarding HTTP proxy on loopback for tests: tunnels CONNECT (what undici's ProxyAgent
 * sends) and relays absolute-form requests, recording each one. Only ever forwards to loopback.
 */
export async function startTestProxy(): Promise<TestProxy> {
  const seen: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    seen.push(record(req, req.url ?? ''));
    const target = new URL(req.url ?? '');
    if (!isLoopback(target.hostname)) {
      res.writeHead(403).end();
      return;
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    seen.push(record(req, target));
    const [host, port] = splitHostPort(target);
    if (!isLoopback(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) {
        upstream.write(head);
      }
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

function record(req: IncomingMessage, target: string): ProxiedRequest {
  const auth = req.headers['proxy-authorization'];
  return { method: req.method ?? '', target, ...(auth ? { proxyAuthorization: auth } : {}) };
}

function splitHostPort(target: string): [string, number] {
  const index = target.lastIndexOf(':');
  return [target.slice(0, index).replace(/^\[|\]$/g, ''), Number(target.slice(index + 1))];
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}
