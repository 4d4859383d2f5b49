import { CopyValue } from './copy-value.tsx';
import { bracedGuid } from './properties-format.ts';
import { PropertyList } from './property-list.tsx';
import { useShownProperties } from './use-account-properties.ts';

/**
 * ADUC's Object tab: the full canonical name and the identities that never change with a
 * rename (SID, GUID), each with a copy button.
 */
export function ObjectSection() {
  const { object } = useShownProperties();
  return (
    <PropertyList
      label="Object"
      items={[
        { term: 'Canonical name of object', value: object.canonicalName },
        { term: 'Distinguished name', value: object.distinguishedName },
        { term: 'SID', value: <CopyValue value={object.sid} copyLabel="Copy SID" /> },
        { term: 'GUID', value: <CopyValue value={bracedGuid(object.guid)} copyLabel="Copy GUID" /> },
      ]}
    />
  );
}
