import { describe, expect, it } from 'vitest';
import { describeFuses, flavourFromEnvironment, fuseConfiguration } from './fuse-configuration.ts';

describe('fuseConfiguration', () => {
  it('hardens the release build', () => {
    expect(describeFuses(fuseConfiguration('release'))).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
  });

  it('differs in the e2e build only by allowing --inspect, which Playwright needs', () => {
    const release = describeFuses(fuseConfiguration('release'));
    const e2e = describeFuses(fuseConfiguration('e2e'));
    const differences = Object.keys({ ...release, ...e2e }).filter((fuse) => release[fuse] !== e2e[fuse]);
    expect({ differences, inspectInE2e: e2e.EnableNodeCliInspectArguments }).toEqual({ differences: ['EnableNodeCliInspectArguments'], inspectInE2e: true });
  });

  it('decides every fuse, so a new Electron fuse fails packaging instead of keeping its default', () => {
    expect(fuseConfiguration('release').strictlyRequireAllFuses).toBe(true);
  });
});

describe('flavourFromEnvironment', () => {
  it.each([
    [{}, 'release'],
    [{ RMS_BUILD_FLAVOUR: '' }, 'release'],
    [{ RMS_BUILD_FLAVOUR: 'release' }, 'release'],
    [{ RMS_BUILD_FLAVOUR: 'e2e' }, 'e2e'],
  ])('reads %j as %s', (environment, flavour) => {
    expect(flavourFromEnvironment(environment)).toBe(flavour);
  });

  it('refuses a misspelt flavour instead of building a release by accident', () => {
    expect(() => flavourFromEnvironment({ RMS_BUILD_FLAVOUR: 'E2E' })).toThrow('must be "release" or "e2e", got "E2E"');
  });
});
