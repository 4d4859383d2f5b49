import { OBJECT_KIND_LABELS, type DirectoryObject, type ObjectTypeFilter, type Role } from '../../../contract/index.ts';

/** One "Object types" checkbox: the contract's filter value and its label. */
export type ObjectTypeChoice = { readonly value: ObjectTypeFilter; readonly label: string };

/**
 * The picker's object-type checkboxes, in the order the Windows object picker lists them.
 *
 * The labels are a contract with the e2e tests (docs/console-ui.md).
 */
export const OBJECT_TYPE_CHOICES: readonly ObjectTypeChoice[] = [
  { value: 'user', label: 'Users' },
  { value: 'computer', label: 'Computers' },
  { value: 'security-group', label: 'Security groups' },
  { value: 'distribution-group', label: 'Distribution groups' },
  { value: 'service-account', label: 'Service accounts' },
];

/** What the picker is opened for: a server role, or the Administration page's administrator or onboarding group. */
export type PickerPurpose = Role | 'administrator' | 'onboarding-group';

const PRESETS: Readonly<Record<PickerPurpose, readonly ObjectTypeFilter[]>> = {
  exchange: ['security-group'],
  sharepoint: ['user', 'service-account', 'security-group'],
  fci: ['computer', 'security-group'],
  administrator: ['user', 'security-group'],
  'onboarding-group': ['security-group'],
};

/**
 * The object types ticked when the picker opens for a role.
 *
 * Each role is normally given one kind of account (Exchange: the Exchange Servers group;
 * SharePoint: service accounts or a group of them; FCI: computer accounts or a group), so the
 * search starts narrowed to what is likely right; the admin can tick more.
 */
export function presetTypesFor(role: PickerPurpose): ReadonlySet<ObjectTypeFilter> {
  return new Set(PRESETS[role]);
}

/**
 * A short, human name for an object's type ("Security group", "Computer"…).
 *
 * The grid's Type column and the resolved-object summary use it; a group's security flag is
 * part of the name because it decides what the policy allows.
 */
export function objectTypeLabel(object: Pick<DirectoryObject, 'kind' | 'group'>): string {
  if (object.kind === 'group' && object.group !== undefined) return object.group.security ? 'Security group' : 'Distribution group';
  return OBJECT_KIND_LABELS[object.kind];
}
