import type { DirectoryObject, Finding, Role, ServerCheck } from '../../../../contract/index.ts';

/**
 * A directory object for tests, with the facts a test does not care about filled in.
 *
 * The SID and GUID derive from `rid` so several objects in one test stay distinct.
 */
export function directoryObject(rid: number, overrides: Partial<DirectoryObject> = {}): DirectoryObject {
  const name = overrides.name ?? `Object ${String(rid)}`;
  return {
    sid: `S-1-5-21-1004336348-1177238915-682003330-${String(rid)}`,
    guid: `00000000-0000-4000-8000-${String(rid).padStart(12, '0')}`,
    distinguishedName: `CN=${name},OU=Servers,DC=corp,DC=contoso,DC=test`,
    name,
    samAccountName: name.replaceAll(' ', ''),
    kind: 'group',
    group: { scope: 'universal', security: true },
    disabled: false,
    servicePrincipalNames: [],
    canonicalName: `corp.contoso.test/Servers/${name}`,
    inFolder: 'corp.contoso.test/Servers',
    ...overrides,
  };
}

/** Many objects, numbered from `firstRid` (a page of search results). */
export function directoryObjects(count: number, firstRid = 2000): DirectoryObject[] {
  return Array.from({ length: count }, (_, index) => directoryObject(firstRid + index, { name: `Server ${String(firstRid + index)}`, kind: 'computer' }));
}

/** A `servers:check` answer for an object, role and findings. */
export function serverCheck(object: DirectoryObject, role: Role, findings: Finding[], versionTag = 'v7'): ServerCheck {
  return {
    role,
    object: { sid: object.sid, label: `CORP\\${object.samAccountName ?? object.name}`, kind: object.kind, inFolder: object.inFolder },
    findings,
    versionTag,
  };
}

/** A finding with no accounts. */
export function finding(code: Finding['code'], severity: Finding['severity'], message = `${code} message`): Finding {
  return { code, severity, message, accounts: [] };
}

/** A promise the test resolves when it chooses (to observe a call in flight). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
