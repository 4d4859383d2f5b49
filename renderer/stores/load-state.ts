/**
 * Where a store's data stands.
 *
 * Never a bare boolean (STYLE.md): a screen switches on all four, so "not asked yet" and
 * "asked and failed" are never drawn the same way.
 */
export type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';
