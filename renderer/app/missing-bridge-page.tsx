/**
 * What the page shows when opened without its application (no `window.adminBridge`).
 *
 * Plain HTML on purpose: nothing can work without the bridge, so the page only says how to
 * start the console properly instead of failing on the first call.
 */
export function MissingBridgePage() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', maxWidth: '40rem' }}>
      <h1>The console cannot start here</h1>
      <p>
        RMS Connector Admin must be started by its application (or its test harness), which connects this page to the directory and the connector configuration
        service. Close this window and start RMS Connector Admin again.
      </p>
    </main>
  );
}
