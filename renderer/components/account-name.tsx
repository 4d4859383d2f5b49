import { makeStyles, tokens } from '@fluentui/react-components';
import {
  BuildingRegular,
  DesktopRegular,
  FolderRegular,
  GlobeRegular,
  PeopleRegular,
  PeopleSettingsRegular,
  PersonKeyRegular,
  PersonRegular,
  ProhibitedRegular,
  QuestionCircleRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { JSX } from 'react';
import type { ObjectKind } from '../../contract/index.ts';

const useStyles = makeStyles({
  name: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, maxWidth: '100%', verticalAlign: 'middle' },
  icon: { flexShrink: 0, fontSize: '16px', color: tokens.colorNeutralForeground2 },
  disabled: { flexShrink: 0, fontSize: '12px', color: tokens.colorPaletteRedForeground1 },
  text: { overflow: 'hidden', textOverflow: 'ellipsis' },
  dimmed: { color: tokens.colorNeutralForeground2 },
  // Read by screen readers, not shown: the marker's icon says it to the eye.
  spoken: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

const ICONS: Readonly<Record<ObjectKind, FluentIcon>> = {
  user: PersonRegular,
  computer: DesktopRegular,
  group: PeopleRegular,
  'service-account': PersonKeyRegular,
  'foreign-principal': GlobeRegular,
  contact: BuildingRegular,
  container: FolderRegular,
  other: QuestionCircleRegular,
};

/** What {@link AccountName} shows: the name, the kind and the two marks that change how it reads. */
export type AccountNameProps = {
  readonly name: string;
  readonly kind: ObjectKind;
  /** A builtin group (BUILTIN\Administrators…) gets its own icon, as in ADUC. */
  readonly builtin?: boolean;
  readonly disabled?: boolean;
};

/**
 * An account's name with its type icon and, when the account is disabled, a marker.
 *
 * The icons are what Windows admins scan a list by (ADUC, the object picker); the disabled
 * marker is an icon for the eye and the words "(disabled)" for a screen reader, never the
 * colour alone. The type itself is spoken by the Type column, so the icon stays silent.
 */
export function AccountName(props: AccountNameProps): JSX.Element {
  const styles = useStyles();
  const Icon = props.kind === 'group' && props.builtin === true ? PeopleSettingsRegular : ICONS[props.kind];
  return (
    <span className={styles.name}>
      <Icon aria-hidden className={styles.icon} />
      <span className={props.disabled === true ? `${styles.text} ${styles.dimmed}` : styles.text}>{props.name}</span>
      {props.disabled === true && (
        <>
          <ProhibitedRegular aria-hidden className={styles.disabled} data-marker="disabled" />
          <span className={styles.spoken}>(disabled)</span>
        </>
      )}
    </span>
  );
}
