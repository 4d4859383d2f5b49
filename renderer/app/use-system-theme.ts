import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

const DARK = '(prefers-color-scheme: dark)';
const FORCED_COLORS = '(forced-colors: active)';

type SystemTheme = 'light' | 'dark' | 'high-contrast';

function currentSystemTheme(): SystemTheme {
  if (typeof window.matchMedia !== 'function') return 'light';
  if (window.matchMedia(FORCED_COLORS).matches) return 'high-contrast';
  return window.matchMedia(DARK).matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const queries = [window.matchMedia(DARK), window.matchMedia(FORCED_COLORS)];
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}

/** The Fluent theme, and the CSS `color-scheme` native controls (date pickers, scroll bars) must use with it. */
export type SystemAppearance = { readonly theme: Theme; readonly colorScheme: 'light' | 'dark' };

/**
 * The Fluent theme matching the system: light, dark, or high contrast under forced colors.
 *
 * Follows changes live (an admin switching Windows to a contrast theme mid-session expects the
 * console to follow without a restart). The colour scheme goes with it: Fluent colours its own
 * controls, but a native date picker's icon or a scroll bar stays dark on dark unless the page
 * says it is dark. The high-contrast theme has a dark background; under forced colors the
 * system's colours win anyway.
 */
export function useSystemTheme(): SystemAppearance {
  const system = useSyncExternalStore(subscribe, currentSystemTheme);
  switch (system) {
    case 'light':
      return { theme: webLightTheme, colorScheme: 'light' };
    case 'dark':
      return { theme: webDarkTheme, colorScheme: 'dark' };
    case 'high-contrast':
      return { theme: teamsHighContrastTheme, colorScheme: 'dark' };
  }
}
