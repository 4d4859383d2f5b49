import { parseDn } from '../../../core/directory/dn.ts';
import { sidFromBuffer } from '../../../core/directory/sid.ts';

/** A stored attribute: its name as AD spells it and its values as bytes. */
export type StoredAttribute = { readonly name: string; readonly values: readonly Buffer[] };

/** One object of the demo directory. */
export type DirectoryEntry = {
  readonly dn: string;
  readonly key: string;
  readonly parentKey: string | undefined;
  readonly attributes: ReadonlyMap<string, StoredAttribute>;
};

/** Attribute values as the seed writes them. */
export type AttributeInput = string | number | Buffer | readonly (string | Buffer)[];

/** The in-memory directory: objects by DN, SID and GUID, children, and member backlinks. */
export type DirectoryStore = {
  add(dn: string, attributes: Readonly<Record<string, AttributeInput | undefined>>): DirectoryEntry;
  addValues(dn: string, attribute: string, values: readonly string[]): void;
  removeValue(dn: string, attribute: string, value: string): void;
  replaceValues(dn: string, attribute: string, values: readonly string[]): void;
  get(dn: string): DirectoryEntry | undefined;
  bySid(sid: string): DirectoryEntry | undefined;
  byGuid(guid: Buffer): DirectoryEntry | undefined;
  children(entry: DirectoryEntry): readonly DirectoryEntry[];
  parentOf(entry: DirectoryEntry): DirectoryEntry | undefined;
  /** Every object, parents before children (the order of a subtree walk). */
  all(): readonly DirectoryEntry[];
  /** The groups whose `member` names this object (AD's constructed `memberOf`). */
  groupsOf(entry: DirectoryEntry): readonly DirectoryEntry[];
  /** The objects a group's `member` names. */
  membersOf(group: DirectoryEntry): readonly DirectoryEntry[];
};

/**
 * The lookup key of a DN: RDN types and values compared case-insensitively after unescaping,
 * the way AD compares DNs. Undefined for text that is not a DN.
 */
export function dnKey(distinguishedName: string): string | undefined {
  if (distinguishedName === '') return '';
  const rdns = parseDn(distinguishedName);
  return rdns?.map((rdn) => `${rdn.type.toLowerCase()}=${rdn.value.toLowerCase()}`).join('\u0000');
}

/** The first value of an attribute as text, if any. */
export function textOf(entry: DirectoryEntry, attribute: string): string | undefined {
  return entry.attributes.get(attribute.toLowerCase())?.values[0]?.toString('utf8');
}

/** Every value of an attribute as text. */
export function textsOf(entry: DirectoryEntry, attribute: string): string[] {
  return (entry.attributes.get(attribute.toLowerCase())?.values ?? []).map((value) => value.toString('utf8'));
}

/** The object's SID string, if it has one. */
export function sidOf(entry: DirectoryEntry): string | undefined {
  const value = entry.attributes.get('objectsid')?.values[0];
  return value ? sidFromBuffer(value) : undefined;
}

/** Create an empty store. */
export function createDirectoryStore(): DirectoryStore {
  const entries = new Map<string, DirectoryEntry>();
  const ordered: DirectoryEntry[] = [];
  const childrenByKey = new Map<string, DirectoryEntry[]>();
  const sids = new Map<string, DirectoryEntry>();
  const guids = new Map<string, DirectoryEntry>();
  const backlinks = new Map<string, Set<string>>();

  const keyOrThrow = (dn: string): string => {
    const key = dnKey(dn);
    if (key === undefined) throw new Error(`Seed error: "${dn}" is not a DN.`);
    return key;
  };

  function link(groupKey: string, memberDn: string): void {
    const memberKey = keyOrThrow(memberDn);
    if (!entries.has(memberKey)) throw new Error(`Seed error: member "${memberDn}" does not exist.`);
    const set = backlinks.get(memberKey) ?? new Set<string>();
    set.add(groupKey);
    backlinks.set(memberKey, set);
  }

  return {
    add(dn, input) {
      const key = keyOrThrow(dn);
      if (entries.has(key)) throw new Error(`Seed error: "${dn}" exists twice.`);
      const parentKey = key.includes('\u0000') ? key.slice(key.indexOf('\u0000') + 1) : undefined;
      if (parentKey !== undefined && !entries.has(parentKey) && parentKey.split('\u0000').some((part) => !part.startsWith('dc='))) {
        throw new Error(`Seed error: the parent of "${dn}" does not exist.`);
      }
      const attributes = new Map<string, StoredAttribute>();
      for (const [name, value] of Object.entries<AttributeInput | undefined>({ distinguishedName: dn, ...input })) {
        if (value === undefined) continue;
        const list = Array.isArray(value) ? value : [value];
        const values = list.map((item: string | number | Buffer) => (Buffer.isBuffer(item) ? item : Buffer.from(String(item), 'utf8')));
        if (values.length > 0) attributes.set(name.toLowerCase(), { name, values });
      }
      const entry: DirectoryEntry = { dn, key, parentKey, attributes };
      entries.set(key, entry);
      ordered.push(entry);
      if (parentKey !== undefined) childrenByKey.set(parentKey, [...(childrenByKey.get(parentKey) ?? []), entry]);
      const sid = sidOf(entry);
      if (sid) sids.set(sid.toUpperCase(), entry);
      const guid = attributes.get('objectguid')?.values[0];
      if (guid) guids.set(guid.toString('hex'), entry);
      for (const member of textsOf(entry, 'member')) link(key, member);
      return entry;
    },
    addValues(dn, attribute, values) {
      const entry = entries.get(keyOrThrow(dn));
      if (!entry) throw new Error(`Seed error: "${dn}" does not exist.`);
      const existing = entry.attributes.get(attribute.toLowerCase());
      const merged = [...(existing?.values ?? []), ...values.map((value) => Buffer.from(value, 'utf8'))];
      (entry.attributes as Map<string, StoredAttribute>).set(attribute.toLowerCase(), { name: existing?.name ?? attribute, values: merged });
      if (attribute.toLowerCase() === 'member') for (const value of values) link(entry.key, value);
    },
    removeValue(dn, attribute, value) {
      const entry = entries.get(keyOrThrow(dn));
      const existing = entry?.attributes.get(attribute.toLowerCase());
      if (!entry || !existing) return;
      const removedKey = dnKey(value);
      const values = existing.values.filter((candidate) => dnKey(candidate.toString('utf8')) !== removedKey);
      (entry.attributes as Map<string, StoredAttribute>).set(attribute.toLowerCase(), { name: existing.name, values });
      if (attribute.toLowerCase() === 'member' && removedKey !== undefined) backlinks.get(removedKey)?.delete(entry.key);
    },
    replaceValues(dn, attribute, values) {
      const entry = entries.get(keyOrThrow(dn));
      if (!entry) throw new Error(`Seed error: "${dn}" does not exist.`);
      const name = entry.attributes.get(attribute.toLowerCase())?.name ?? attribute;
      (entry.attributes as Map<string, StoredAttribute>).set(attribute.toLowerCase(), { name, values: values.map((value) => Buffer.from(value, 'utf8')) });
    },
    get: (dn) => {
      const key = dnKey(dn);
      return key === undefined ? undefined : entries.get(key);
    },
    bySid: (sid) => sids.get(sid.toUpperCase()),
    byGuid: (guid) => guids.get(guid.toString('hex')),
    children: (entry) => childrenByKey.get(entry.key) ?? [],
    parentOf: (entry) => (entry.parentKey === undefined ? undefined : entries.get(entry.parentKey)),
    all: () => ordered,
    groupsOf: (entry) => [...(backlinks.get(entry.key) ?? [])].flatMap((key) => entries.get(key) ?? []),
    membersOf: (group) => textsOf(group, 'member').flatMap((member) => entries.get(dnKey(member) ?? '') ?? []),
  };
}
