import { Badge, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { formatDateTime } from '../../format/date-time.ts';
import { AccountKindIcon } from './account-kind-icon.tsx';
import { objectTypeLabel } from './properties-format.ts';
import { PropertyList } from './property-list.tsx';
import { useShownProperties } from './use-account-properties.ts';

const useStyles = makeStyles({
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: '24px' },
  name: { ...typographyStyles.subtitle2 },
});

/**
 * ADUC's General tab: who the account is, whether it can sign in, where it lives, and when it
 * was made and last changed (in the system locale's format).
 */
export function GeneralSection() {
  const styles = useStyles();
  const { object, accountName, description, whenCreated, whenChanged } = useShownProperties();
  const status =
    object.kind === 'group' ? undefined : (
      <Badge appearance="tint" color={object.disabled ? 'danger' : 'success'}>
        {object.disabled ? 'Disabled' : 'Enabled'}
      </Badge>
    );
  return (
    <>
      <div className={styles.heading}>
        <AccountKindIcon object={object} />
        <Text className={styles.name}>{object.name}</Text>
        {status}
      </div>
      <PropertyList
        label="General"
        items={[
          { term: 'Name', value: object.name },
          { term: 'Account name', value: accountName },
          { term: 'User principal name', value: object.userPrincipalName },
          { term: 'Type', value: objectTypeLabel(object) },
          { term: 'Status', value: object.kind === 'group' ? undefined : object.disabled ? 'Disabled' : 'Enabled' },
          { term: 'Description', value: description },
          { term: 'DNS name', value: object.dnsHostName },
          { term: 'In Folder', value: object.inFolder },
          { term: 'Created', value: whenCreated === undefined ? undefined : formatDateTime(whenCreated) },
          { term: 'Changed', value: whenChanged === undefined ? undefined : formatDateTime(whenChanged) },
        ]}
      />
    </>
  );
}
