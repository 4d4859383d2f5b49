import { describe, expect, it } from 'vitest';
import { ARCHIVE_SIZE_CEILING_BYTES, checkArchive, checkMainFormat } from './archive-rules.ts';

const manifest = { name: 'rms-connector-admin', productName: 'RMS Connector Admin', version: '0.1.0', main: 'dist/main/main.js' };
const goodEntries = [
  '/dist',
  '/dist/main',
  '/dist/main/main.js',
  '/dist/main/chunks',
  '/dist/main/chunks/demo-1a2b.js',
  '/dist/preload',
  '/dist/preload/preload.cjs',
  '/dist/renderer',
  '/dist/renderer/index.html',
  '/dist/renderer/assets',
  '/dist/renderer/assets/index-Ab12.js',
  '/dist/renderer/assets/index-Cd34.css',
  '/package.json',
];

describe('checkArchive', () => {
  it('accepts the built bundles and the manifest', () => {
    expect(checkArchive(goodEntries, manifest, 3_000_000, '0.1.0')).toEqual([]);
  });

  it('accepts the native kerberos module beside the main chunks, and a .node file nowhere else', () => {
    const entries = [...goodEntries, '/dist/main/chunks/kerberos-D8QiLg3r.node', '/dist/renderer/assets/evil.node'];
    expect(checkArchive(entries, manifest, 3_000_000, '0.1.0')).toEqual(['not a built bundle: /dist/renderer/assets/evil.node']);
  });

  it('names node_modules, source maps, sources and stray files', () => {
    const entries = [...goodEntries, '/node_modules/fastify/package.json', '/dist/main/main.js.map', '/dist/main/settings.ts', '/README.md'];
    expect(checkArchive(entries, manifest, 3_000_000, '0.1.0')).toEqual([
      'node_modules in the archive: /node_modules/fastify/package.json',
      'source map in the archive: /dist/main/main.js.map',
      'source file in the archive: /dist/main/settings.ts',
      'not a built bundle: /README.md',
    ]);
  });

  it('refuses a wrong manifest, a missing main, preload or page, and an oversized archive', () => {
    const entries = ['/dist', '/dist/main', '/package.json'];
    expect(checkArchive(entries, { ...manifest, version: '0.0.9', dependencies: { zod: '4.0.0' } }, ARCHIVE_SIZE_CEILING_BYTES + 1, '0.1.0')).toEqual([
      'app/package.json version is "0.0.9", the root package.json says "0.1.0"',
      'app/package.json declares dependencies: they would be packed; bundle them instead',
      'the main entry dist/main/main.js is not in the archive (was build:app run?)',
      'no preload bundle (dist/preload/*.cjs): sandboxed preloads must be CommonJS',
      'no renderer page (dist/renderer/index.html)',
      'app.asar is 12.0 MB, above the 12.0 MB ceiling',
    ]);
  });
});

describe('checkMainFormat', () => {
  it('refuses an ES-module main bundle without "type": "module"', () => {
    expect(checkMainFormat('dist/main/main.js', "import { app } from 'electron';\napp.whenReady();\n", manifest)).toMatch(/would load it as CommonJS/);
  });

  it.each([
    ['CommonJS without a type', '"use strict";\nconst electron = require("electron");\n', manifest],
    ['ESM with "type": "module"', "import { app } from 'electron';\n", { ...manifest, type: 'module' }],
  ])('accepts %s', (_label, source, packageManifest) => {
    expect(checkMainFormat('dist/main/main.js', source, packageManifest)).toBeUndefined();
  });
});
