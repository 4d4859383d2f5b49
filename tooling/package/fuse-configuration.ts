import { type FuseV1Config, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The two builds of the desktop app: the one users get, and the one Playwright drives. */
export type BuildFlavour = 'release' | 'e2e';

/** Environment variable the e2e build sets; anything but `e2e` or unset is refused. */
export const FLAVOUR_VARIABLE = 'RMS_BUILD_FLAVOUR';

/**
 * The Electron fuses to burn into the packaged binary for a flavour.
 *
 * Fuses are flipped in the executable at packaging time, so no code path at run time can turn
 * them back. Release: no running as plain Node (`ELECTRON_RUN_AS_NODE`), no `NODE_OPTIONS`
 * (which would also let `NODE_EXTRA_CA_CERTS` slip an extra CA under LDAPS — the directory
 * settings take a CA file instead), no `--inspect`, cookies encrypted with the OS key store,
 * the app loaded only from its asar archive and that archive's integrity checked, and no extra
 * powers for `file://` pages (the console is served from packaged files through a protocol
 * handler, never from `file://`).
 *
 * `loadBrowserProcessSpecificV8Snapshot` stays off: it only selects a separate V8 snapshot
 * for the main process, which we do not build; on, Electron would look for a file we do not
 * ship. WebAssembly trap handlers keep Electron's default (on): they are a V8 safety and
 * speed feature, not an entry point.
 *
 * The e2e flavour differs in exactly one fuse, `nodeCliInspect`: Playwright's `_electron`
 * driver attaches through `--inspect` and cannot launch the app without it (a known
 * Playwright limitation; see docs/desktop-app.md). Every fuse is set explicitly and
 * `strictlyRequireAllFuses` makes packaging fail when a newer Electron adds one we have not
 * decided on.
 */
export function fuseConfiguration(flavour: BuildFlavour): FuseV1Config {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: flavour === 'e2e',
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

/**
 * The flavour asked for by the environment: `release` when unset.
 *
 * A misspelt value is an error rather than a silent release build, so an e2e pipeline that
 * typed `E2E` learns it at packaging time, not when Playwright cannot attach.
 */
export function flavourFromEnvironment(environment: Readonly<Record<string, string | undefined>>): BuildFlavour {
  const value = environment[FLAVOUR_VARIABLE];
  if (value === undefined || value === '' || value === 'release') return 'release';
  if (value === 'e2e') return 'e2e';
  throw new Error(`${FLAVOUR_VARIABLE} must be "release" or "e2e", got "${value}"`);
}

/** A fuse configuration as `{ fuseName: on/off }`, for logs and tests. */
export function describeFuses(config: FuseV1Config): Record<string, boolean> {
  const described: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(config)) {
    const index = Number(key);
    if (Number.isInteger(index) && typeof value === 'boolean') described[FuseV1Options[index] ?? `fuse${key}`] = value;
  }
  return described;
}
