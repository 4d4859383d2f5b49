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

/**
 * The Fluent theme matching the system: light, dark, or high contrast under forced colors.
 *
 * Follows changes live (an admin switching Windows to a contrast theme mid-session expects the
 * console to follow without a restart).
 */
export function useSystemTheme(): Theme {
  const system = useSyncExternalStore(subscribe, currentSystemTheme);
  switch (system) {
    case 'light':
      return webLightTheme;
    case 'dark':
      return webDarkTheme;
    case 'high-contrast':
      return teamsHighContrastTheme;
  }
}
