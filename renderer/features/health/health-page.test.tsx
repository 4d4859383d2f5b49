import '../../testing/dom-shims.ts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthCheckResult, HealthReport } from '../../../contract/index.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { HealthPage } from './health-page.tsx';

const result = (code: string, status: HealthCheckResult['status'], title: string, extra: Partial<HealthCheckResult> = {}): HealthCheckResult => ({
  code,
  status,
  title,
  measured: `${title} measured`,
  action: status === 'pass' ? '' : `Fix ${title}`,
  durationMs: 3,
  ...extra,
});

const REPORT: HealthReport = {
  connectorUrl: 'https://rmsconnector.contoso.test',
  startedAt: '2026-05-03T10:00:00.000Z',
  finishedAt: '2026-05-03T10:00:04.000Z',
  durationMs: 4000,
  overall: 'fail',
  cancelled: false,
  summary: { pass: 1, warn: 1, fail: 1, notRun: 1 },
  results: [
    result('NODES_AT_LEAST_TWO', 'fail', 'At least two connector nodes'),
    result('HTTP_PLAINTEXT', 'warn', 'HTTPS is used'),
    result('VERIFICATION_PAGE_URL', 'pass', 'Verification page answers'),
    result('LOAD_BALANCER_GUIDANCE', 'not-run', 'Load balancer settings (manual checklist)', { notRunReason: 'Manual: cannot be read from here.' }),
  ],
  loadBalancerChecklist: ['Affinity (persistence): None.', 'Distribution: Equal (round robin), across all nodes.'],
  text: 'Deployment health of https://rmsconnector.contoso.test\n[FAIL] NODES_AT_LEAST_TWO: At least two connector nodes',
};

afterEach(() => {
  localStorage.clear();
});

describe('HealthPage', () => {
  it('runs the checks with what was typed and shows them grouped worst first, each with its status in words', async () => {
    const api = createFakeApi({ 'health:run': () => success(REPORT), 'health:progress': () => success(null) });
    const user = userEvent.setup();
    renderConsole(<HealthPage />, api);

    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), 'https://rmsconnector.contoso.test');
    await user.type(screen.getByRole('textbox', { name: /Proxy address/ }), 'http://proxy.contoso.test:8080');
    await user.click(screen.getByRole('button', { name: 'Run checks' }));

    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((heading) => heading.textContent)).toEqual(['Failed (1)', 'Warnings (1)', 'Not run (1)', 'Passed (1)', 'Load balancer checklist']);
    expect(api.calls.find((call) => call.channel === 'health:run')?.request).toEqual({
      connectorUrl: 'https://rmsconnector.contoso.test',
      proxyUrl: 'http://proxy.contoso.test:8080',
      operationId: expect.any(String),
    });
    const failed = screen.getByRole('region', { name: 'Failed (1)' });
    expect(within(failed).getByText('Status: Failed')).toBeInTheDocument();
    expect(within(failed).getByText('What to do: Fix At least two connector nodes')).toBeInTheDocument();
    expect(screen.getByText(/^Failed: 1 failed, 1 with warnings, 1 passed, 1 not run/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Affinity (persistence): None.' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Run again' })).toBeInTheDocument();
    expect(localStorage.getItem('rms-connector-admin.connector-url')).toBe('https://rmsconnector.contoso.test');
  });

  it('copies the plain-text report to the clipboard', async () => {
    const api = createFakeApi({ 'health:run': () => success(REPORT), 'health:progress': () => success(null) });
    const user = userEvent.setup();
    renderConsole(<HealthPage />, api);
    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), 'https://rmsconnector.contoso.test');
    await user.click(screen.getByRole('button', { name: 'Run checks' }));

    await user.click(await screen.findByRole('button', { name: 'Copy as text' }));

    expect(await navigator.clipboard.readText()).toBe(REPORT.text);
    expect(screen.getByText('Copied the report to the clipboard.')).toBeInTheDocument();
  });

  it('shows the report selected in a read-only box when the clipboard refuses', async () => {
    const api = createFakeApi({ 'health:run': () => success(REPORT), 'health:progress': () => success(null) });
    const user = userEvent.setup();
    renderConsole(<HealthPage />, api);
    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), 'https://rmsconnector.contoso.test');
    await user.click(screen.getByRole('button', { name: 'Run checks' }));
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));

    await user.click(await screen.findByRole('button', { name: 'Copy as text' }));

    const box = await screen.findByRole('textbox', { name: 'Report as text' });
    expect(box).toHaveValue(REPORT.text);
    expect(box).toHaveAttribute('readonly');
    expect(box).toHaveFocus();
  });

  it('shows which check runs while it runs, and goes back on Cancel', async () => {
    let finish: (value: ReturnType<typeof success<HealthReport>>) => void = () => undefined;
    const api = createFakeApi({
      'health:run': () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
      'health:progress': () => success({ total: 17, finished: 5, running: ['Certificate chain'] }),
      'operation:cancel': () => success({ cancelled: true }),
    });
    const user = userEvent.setup();
    renderConsole(<HealthPage />, api);
    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), 'https://rmsconnector.contoso.test');
    await user.click(screen.getByRole('button', { name: 'Run checks' }));

    expect(await screen.findByText('Checking the deployment… 5 of 17 done: Certificate chain', {}, { timeout: 3000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(api.calls.some((call) => call.channel === 'operation:cancel')).toBe(true);
    expect(screen.queryByText(/Checking the deployment/)).not.toBeInTheDocument();
    finish(success(REPORT));
  });

  it('shows a refused URL as an error that says what to type', async () => {
    const api = createFakeApi({
      'health:run': () =>
        failure({
          code: 'INVALID_HEALTH_INPUT',
          source: 'console',
          title: 'The connector URL cannot be checked',
          message: 'The connector URL carries a user name or password. Give the load-balanced connector URL, e.g. https://rmsconnector.contoso.com.',
        }),
      'health:progress': () => success(null),
    });
    const user = userEvent.setup();
    renderConsole(<HealthPage />, api);
    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), 'https://admin:pw@rmsconnector.contoso.test');
    await user.click(screen.getByRole('button', { name: 'Run checks' }));

    expect(await screen.findByText('The connector URL cannot be checked')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy as text' })).not.toBeInTheDocument();
  });
});
