import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorClient, type ConnectorClient } from '../../core/connector/index.ts';
import { changeAt, readyAt, TEST_BACKOFF, waitUntil } from '../../core/connector/testing/feed-follower.ts';
import { startFeedService, type FeedService } from '../../core/connector/testing/feed-service.ts';
import type { CommandResult } from './directory-commands.ts';
import { watchChangesCommand } from './watch-command.ts';

describe('watch-command', () => {
  let service: FeedService;
  let client: ConnectorClient;
  let controller: AbortController;
  let stdout: string[];
  let stderr: string[];

  beforeAll(async () => {
    service = await startFeedService();
    client = createConnectorClient({ baseUrl: service.url, token: 'token', proxy: 'none', retries: 0 });
  });
  afterEach(() => {
    controller.abort();
    service.exchanges.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await service.close();
  });

  const watch = (json: boolean): Promise<CommandResult> => {
    controller = new AbortController();
    stdout = [];
    stderr = [];
    const output = { stdout: (text: string) => stdout.push(text), stderr: (text: string) => stderr.push(text) };
    return watchChangesCommand(client, output, { json, signal: controller.signal, backoff: TEST_BACKOFF });
  };

  it('prints each change as a JSON line, a reload with what was missed, and exits 0 when stopped', async () => {
    service.script((exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(4), 4);
      exchange.event('change', changeAt(5), 5);
      exchange.event('reload', { reason: 'REPLAY_WINDOW_EXCEEDED', message: 'Read the list again.', sequence: 9, listVersion: 9 }, 9);
    });
    const result = watch(true);
    await waitUntil(() => stdout.length === 2);
    controller.abort();
    expect({ result: await result, lines: stdout.map((line) => JSON.parse(line) as unknown), stderr }).toEqual({
      result: { human: '', json: null, exitCode: 0, alreadyWritten: true },
      lines: [changeAt(5), { reload: { reason: 'REPLAY_WINDOW_EXCEEDED', message: 'Read the list again.', sequence: 9, listVersion: 9 }, missed: 4 }],
      stderr: ['Watching the changes of the connector configuration through RMSCON01 (Ctrl+C to stop).'],
    });
  });

  it('prints a line per change for people and says when it reconnects and is live again', async () => {
    service.script(
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(1), 1);
        exchange.event('change', changeAt(2), 2);
        setTimeout(() => {
          exchange.hangUp();
        }, 30);
      },
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(2, { node: 'RMSCON02' }), 2);
      },
    );
    const result = watch(false);
    await waitUntil(() => stderr.length === 3);
    controller.abort();
    expect((await result).exitCode).toBe(0);
    expect(stdout).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}CORP\\bob added CORP\\FS2\$ \(fci\), through RMSCON01 \(list version 2\)$/),
    ]);
    expect(stderr).toEqual([
      'Watching the changes of the connector configuration through RMSCON01 (Ctrl+C to stop).',
      expect.stringMatching(/^Reconnecting in \d s: /),
      'Live again through RMSCON02.',
      'Stopped watching.',
    ]);
    expect(service.exchanges[1]?.headers['last-event-id']).toBe('2');
  });

  it('exits 2 with what to do when the sign-in expires', async () => {
    service.script((exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(1), 1);
      exchange.event('end', { code: 'TOKEN_EXPIRED', message: 'Your sign-in expired.' });
    });
    const result = await watch(false);
    expect({ exitCode: result.exitCode, last: stderr.at(-1) }).toEqual({
      exitCode: 2,
      last: 'rms-connector-admin: TOKEN_EXPIRED: Your sign-in expired. Run rms-connector-admin sign-in, then servers watch again.',
    });
  });

  it('writes the end as one JSON line with --json when the role is revoked', async () => {
    service.script((exchange) => {
      exchange.refuse(403, { code: 'ROLE_REVOKED', message: 'You no longer hold an administrator role.' });
    });
    const result = await watch(true);
    expect({ exitCode: result.exitCode, stdout }).toEqual({
      exitCode: 2,
      stdout: [
        JSON.stringify({
          error: {
            code: 'ROLE_REVOKED',
            message: 'You no longer hold an administrator role. Once that is resolved, run rms-connector-admin sign-in, then servers watch again.',
          },
        }),
      ],
    });
  });
});
