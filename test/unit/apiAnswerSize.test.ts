import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntervalsClient, MAX_ANSWER_BYTES } from '../../src/api/client';
import type { IntervalsError } from '../../src/api/errors';
import { FakeClock, rejection } from './helpers/apiTestKit';

// Successful answers are read only up to a size that fits their kind.

type Answer = { bytes: number; chunked: boolean; status?: number };

const MIB = 1024 * 1024;

describe('IntervalsClient answer size', () => {
  let server: http.Server;
  let url: string;
  let answer: Answer;
  /** Bytes the server managed to write before the client hung up. */
  let written: number;
  const clients: IntervalsClient[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const resource = /^\/([a-z]+)\//.exec(req.url ?? '')?.[1] ?? 'me';
        const head = `{"personid":"1","status":"OK","code":${answer.status ?? 200},"${resource}":[{"id":"1","firstname":"Ann","notes":"`;
        const tail = '"}]}';
        const padding = Math.max(0, answer.bytes - head.length - tail.length);
        res.writeHead(answer.status ?? 200, {
          'content-type': 'application/json',
          ...(answer.chunked ? {} : { 'content-length': String(head.length + padding + tail.length) }),
        });
        written = 0;
        res.write(head);
        const chunk = 'x'.repeat(64 * 1024);
        const pump = (): void => {
          let left = padding - written;
          while (left > 0 && !res.destroyed) {
            const piece = chunk.slice(0, Math.min(chunk.length, left));
            written += piece.length;
            left -= piece.length;
            if (!res.write(piece)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) {
            res.end(tail);
          }
        };
        pump();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  after(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const client = (): IntervalsClient => {
    const clock = new FakeClock();
    const made = new IntervalsClient({ baseUrl: url, token: 'ebcwdxoygfk', retry: false, limiter: false, now: clock.now, sleep: clock.sleep });
    clients.push(made);
    return made;
  };

  for (const chunked of [false, true]) {
    const how = chunked ? 'streamed without a length' : 'with its length declared';
    it(`refuses a 300 MB /me/ answer ${how}, with a clear error`, async () => {
      answer = { bytes: 300 * 1024 * 1024, chunked };
      const error = (await rejection(client().me())) as IntervalsError;
      assert.equal(error.kind, 'badResponse');
      assert.match(error.message, /answer larger than 1 MB/);
      assert.equal(error.mayHaveReachedServer, false);
      assert.ok(written < 16 * MIB, `stopped reading early (${written} bytes written)`);
    });
  }

  it('reads a /me/ answer just under its limit of 1 MB', async () => {
    assert.equal(MAX_ANSWER_BYTES.account, MIB);
    answer = { bytes: MIB - 100, chunked: true };
    const me = await client().me();
    assert.equal(me.firstName, 'Ann');
  });

  it('allows a page of a collection far more than an account answer', async () => {
    answer = { bytes: 3 * 1024 * 1024, chunked: true };
    const page = await client().listPeople();
    assert.equal(page.items.length, 1);
  });

  it('counts a too-large answer to a write as a write that may have been applied', async () => {
    answer = { bytes: 5 * MIB, chunked: true, status: 201 };
    const error = (await rejection(
      client().createTime({ personId: 1, taskId: 1, projectId: 1, workTypeId: 1, date: '2026-01-05', time: 1, billable: true, description: '' }),
    )) as IntervalsError;
    assert.equal(error.kind, 'badResponse');
    assert.equal(error.mayHaveReachedServer, true);
  });
});
