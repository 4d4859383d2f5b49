import type { Filter } from 'ldapts';
import type { ObjectTypeFilter } from '../../contract/directory.ts';
import { allOf, anyOf, bitsSet, equals, not } from './ldap-filter.ts';

/** groupType bit that makes a group security-enabled. */
export const GROUP_TYPE_SECURITY = 0x8000_0000;

/**
 * The LDAP filter for one object-picker type.
 *
 * Mirrors the picker's split of security and distribution groups so the Exchange role can
 * offer security groups only. Managed service accounts are computers to AD, so "computer"
 * excludes them and "service-account" names their two classes.
 */
export function objectTypeFilter(type: ObjectTypeFilter): Filter {
  const serviceAccount = anyOf(equals('objectClass', 'msDS-ManagedServiceAccount'), equals('objectClass', 'msDS-GroupManagedServiceAccount'));
  switch (type) {
    case 'user':
      return allOf(equals('objectCategory', 'person'), equals('objectClass', 'user'));
    case 'computer':
      return allOf(equals('objectCategory', 'computer'), not(serviceAccount));
    case 'group':
      return equals('objectCategory', 'group');
    case 'security-group':
      return allOf(equals('objectCategory', 'group'), bitsSet('groupType', GROUP_TYPE_SECURITY));
    case 'distribution-group':
      return allOf(equals('objectCategory', 'group'), not(bitsSet('groupType', GROUP_TYPE_SECURITY)));
    case 'service-account':
      return serviceAccount;
  }
}

/** The union of several object types (the picker's "Object Types…" check boxes). */
export function objectTypesFilter(types: readonly ObjectTypeFilter[]): Filter {
  return anyOf(...types.map(objectTypeFilter));
}
