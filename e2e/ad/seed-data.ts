/**
 * The Contoso scenario seeded into the Samba test DC.
 *
 * The data lives in main/demo/contoso so the built-in demo directory serves the same
 * scenario; this re-export keeps the seeding code and its tests unchanged.
 */
export {
  bulkUserCount,
  computers,
  containers,
  groups,
  groupTypes,
  managedServiceAccount,
  organizationalUnits,
  seedPassword,
  specialCharacterNames,
  users,
  type ComputerSeed,
  type GroupSeed,
  type UserSeed,
} from '../../main/demo/contoso/scenario.ts';
