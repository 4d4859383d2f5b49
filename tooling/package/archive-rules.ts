/** The app manifest as packed into app.asar. */
export type AppManifest = {
  readonly name?: unknown;
  readonly productName?: unknown;
  readonly version?: unknown;
  readonly main?: unknown;
  readonly type?: unknown;
  readonly dependencies?: unknown;
};

/** Largest app.asar accepted: the bundles made 4.8 MB (Nov 2026); packed dependencies make hundreds. */
export const ARCHIVE_SIZE_CEILING_BYTES = 12 * 1024 * 1024;

const ALLOWED_ENTRY = [
  /^\/package\.json$/,
  /^\/dist$/,
  /^\/dist\/(main|preload|renderer)$/,
  /^\/dist\/main\/[\w./-]+\.(js|cjs|mjs|json)$/,
  /^\/dist\/main\/[\w/-]+$/,
  // The native kerberos module, copied beside the chunks by the build (it must also be unpacked).
  /^\/dist\/main\/chunks\/[\w-]+\.node$/,
  /^\/dist\/preload\/[\w./-]+\.cjs$/,
  /^\/dist\/renderer\/[\w./-]+\.(html|js|css|woff2?|ttf|png|svg|ico|json)$/,
  /^\/dist\/renderer\/[\w/-]+$/,
];

/**
 * What is wrong with an app.asar, from its entry list, its manifest and its size.
 *
 * Only the built bundles and the manifest may be packed: no node_modules (the bundles carry
 * their libraries), no sources or source maps, no stray files. An empty list means the archive
 * passes.
 */
export function checkArchive(entries: readonly string[], manifest: AppManifest, sizeBytes: number, expectedVersion: string): string[] {
  const problems: string[] = [];
  const normalised = entries.map((entry) => entry.replaceAll('\\', '/'));
  for (const entry of normalised) {
    if (entry.includes('/node_modules')) problems.push(`node_modules in the archive: ${entry}`);
    else if (/\.map$/.test(entry)) problems.push(`source map in the archive: ${entry}`);
    else if (/\.(ts|tsx|mts|cts)$/.test(entry)) problems.push(`source file in the archive: ${entry}`);
    else if (!ALLOWED_ENTRY.some((pattern) => pattern.test(entry))) problems.push(`not a built bundle: ${entry}`);
  }
  if (manifest.name !== 'rms-connector-admin') problems.push(`app/package.json name is ${JSON.stringify(manifest.name)}, expected "rms-connector-admin"`);
  if (manifest.productName !== 'RMS Connector Admin')
    problems.push(`app/package.json productName is ${JSON.stringify(manifest.productName)}, expected "RMS Connector Admin"`);
  if (manifest.version !== expectedVersion)
    problems.push(`app/package.json version is ${JSON.stringify(manifest.version)}, the root package.json says "${expectedVersion}"`);
  if (manifest.dependencies !== undefined && Object.keys(manifest.dependencies as object).length > 0)
    problems.push('app/package.json declares dependencies: they would be packed; bundle them instead');
  if (typeof manifest.main !== 'string') problems.push('app/package.json has no "main"');
  else if (!normalised.includes(`/${manifest.main.replace(/^\.\//, '')}`))
    problems.push(`the main entry ${manifest.main} is not in the archive (was build:app run?)`);
  if (!normalised.some((entry) => /^\/dist\/preload\/[\w.-]+\.cjs$/.test(entry)))
    problems.push('no preload bundle (dist/preload/*.cjs): sandboxed preloads must be CommonJS');
  if (!normalised.includes('/dist/renderer/index.html')) problems.push('no renderer page (dist/renderer/index.html)');
  if (sizeBytes > ARCHIVE_SIZE_CEILING_BYTES)
    problems.push(`app.asar is ${formatMegabytes(sizeBytes)}, above the ${formatMegabytes(ARCHIVE_SIZE_CEILING_BYTES)} ceiling`);
  return problems;
}

/**
 * Whether the main bundle's module format matches what its manifest makes Electron assume.
 *
 * A `.js` file is CommonJS unless the manifest says `"type": "module"`; an ES-module bundle
 * loaded as CommonJS dies at start with a syntax error that no test without Electron would see.
 */
export function checkMainFormat(mainFile: string, source: string, manifest: AppManifest): string | undefined {
  if (!mainFile.endsWith('.js')) return undefined;
  const looksLikeEsm = /^\s*(import\s*[\w{*'"]|export\s)/m.test(source);
  const declaredEsm = manifest.type === 'module';
  if (looksLikeEsm && !declaredEsm) return `${mainFile} is an ES module but app/package.json has no "type": "module": Electron would load it as CommonJS`;
  if (!looksLikeEsm && declaredEsm && /\brequire\(/.test(source)) return `${mainFile} is CommonJS but app/package.json says "type": "module"`;
  return undefined;
}

/** Bytes as "12.3 MB" (MiB, one decimal). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
