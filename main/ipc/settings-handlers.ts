import type { ConsoleDefaults } from '../../contract/console-session.ts';
import type { CaFileRegistry } from './ca-file-registry.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import { consoleFailure } from './console-failure.ts';
import { publicHandler, type HandlerTable } from './handler-types.ts';
import { NO_VAULT } from './remembered-sign-in.ts';

type SettingsChannels = 'console:get-defaults' | 'settings:forget-password' | 'app:open-logs';

/**
 * The sign-in screen's starting point: the stored profile and what this console can do.
 *
 * `rememberedPassword` is true only when the vault can be used and holds a password for the
 * profile's account; the password itself never leaves main. A remembered CA file goes out as
 * an id and its name, never its path: the renderer could only send a path back to be read.
 */
export async function readConsoleDefaults(dependencies: ConsoleDependencies, caFiles: CaFileRegistry): Promise<ConsoleDefaults> {
  const stored = await dependencies.profiles.load();
  const vault = dependencies.vault;
  const status = vault === undefined ? NO_VAULT : await vault.status();
  const account = status.available && vault !== undefined ? await vault.rememberedAccount() : undefined;
  const username = stored.defaults.username;
  const directory = stored.defaults.directory;
  return {
    ...stored.defaults,
    directory: { ...directory, caFile: directory.caFile === '' ? null : caFiles.hold(directory.caFile) },
    configured: stored.configured,
    rememberedPassword: account !== undefined && username !== '' && account.toLowerCase() === username.toLowerCase(),
    passwordVault: status.available ? { available: true } : { available: false, reason: status.reason },
    demo: { available: dependencies.demo !== undefined },
    desktop: { openLogs: dependencies.desktop !== undefined },
  };
}

/**
 * The channels around the sign-in screen that change no session: defaults, forget, open logs.
 *
 * Public on purpose: forgetting a remembered password must work before signing in (it is
 * the way out when the remembered one no longer works).
 */
export function createSettingsHandlers(dependencies: ConsoleDependencies, caFiles: CaFileRegistry): Pick<HandlerTable, SettingsChannels> {
  return {
    'console:get-defaults': publicHandler(() => readConsoleDefaults(dependencies, caFiles)),
    'settings:forget-password': publicHandler(async () => ({ forgotten: (await dependencies.vault?.forget()) ?? false })),
    'app:open-logs': publicHandler(async () => {
      const desktop = dependencies.desktop;
      if (desktop === undefined) {
        throw consoleFailure(
          'NOT_AVAILABLE',
          'Logs cannot be opened here',
          'This console runs without the desktop app, so it cannot open the log folder. Look at the output of the process that started it.',
        );
      }
      await desktop.openLogs();
      return { opened: true as const };
    }),
  };
}
