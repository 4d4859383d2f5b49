import { describe, expect, it } from 'vitest';
import { ConsoleFailure } from './console-failure.ts';
import { createOperationRegistry } from './operation-registry.ts';

const ID = '7d7d6a43-5ad6-4c3c-8b0b-2a8c2f0e9f11';

describe('createOperationRegistry', () => {
  it('aborts the signal of the operation a cancel names, and only that one', () => {
    const registry = createOperationRegistry();
    const first = registry.start(ID);
    const second = registry.start('second');
    expect(registry.cancel(ID)).toBe(true);
    expect([first.signal.aborted, second.signal.aborted]).toEqual([true, false]);
  });

  it('answers false for an id that is not running', () => {
    const registry = createOperationRegistry();
    registry.start(ID).finish();
    expect([registry.cancel(ID), registry.cancel('never-started'), registry.size()]).toEqual([false, false, 0]);
  });

  it('refuses an id already in flight, as an invalid request', () => {
    const registry = createOperationRegistry();
    registry.start(ID);
    let thrown: unknown;
    try {
      registry.start(ID);
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof ConsoleFailure ? thrown.error.code : thrown).toBe('INVALID_REQUEST');
  });

  it('accepts the id again once the first operation finished', () => {
    const registry = createOperationRegistry();
    registry.start(ID).finish();
    expect(registry.start(ID).signal.aborted).toBe(false);
  });

  it('keeps a restarted id when the cancelled one finishes late', () => {
    const registry = createOperationRegistry();
    const first = registry.start(ID);
    registry.cancel(ID);
    const second = registry.start(ID);
    first.finish();
    expect([registry.size(), registry.cancel(ID), second.signal.aborted]).toEqual([1, true, true]);
  });

  it('aborts everything on cancelAll', () => {
    const registry = createOperationRegistry();
    const operations = [registry.start('a'), registry.start('b')];
    registry.cancelAll();
    expect([operations.map((operation) => operation.signal.aborted), registry.size()]).toEqual([[true, true], 0]);
  });
});
