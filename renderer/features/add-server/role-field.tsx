import { Field, Radio, RadioGroup, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { JSX } from 'react';
import { ROLE_LABELS, type Role } from '../../../contract/index.ts';

/** One role radio: the contract value, its label and what choosing it means. */
export type RoleChoice = { readonly value: Role; readonly label: string; readonly explanation: string };

/**
 * The three roles with the one line an admin needs to choose well.
 *
 * Labels are a contract with the e2e tests (docs/console-ui.md); the explanations say which
 * account the seeds tell each server type to authorize.
 */
export const ROLE_CHOICES: readonly RoleChoice[] = [
  {
    value: 'exchange',
    label: ROLE_LABELS.exchange,
    explanation: 'The Exchange Servers security group; every member becomes a super user over all protected content.',
  },
  { value: 'sharepoint', label: ROLE_LABELS.sharepoint, explanation: 'The accounts that run Central Administration and the web application pools.' },
  { value: 'fci', label: ROLE_LABELS.fci, explanation: 'The computer accounts (SERVERNAME$) of file servers running File Classification Infrastructure.' },
];

const useStyles = makeStyles({
  choice: { display: 'flex', flexDirection: 'column' },
  explanation: { paddingLeft: '32px', color: tokens.colorNeutralForeground2 },
});

/** Whether a radio value is a role (RadioGroup reports plain strings). */
function isRole(value: string): value is Role {
  return ROLE_CHOICES.some((choice) => choice.value === value);
}

/**
 * The "Role" radio group, each radio described by its explanation.
 *
 * The role comes first because it decides what the name should be and what the policy
 * checks; nothing is preselected, so an Exchange (super-user) grant is always a choice.
 */
export function RoleField(props: { role: Role | undefined; validationMessage: string | undefined; onChange: (role: Role) => void }): JSX.Element {
  const styles = useStyles();
  const idPrefix = useId('role-explanation-');
  return (
    <Field label="Role" validationMessage={props.validationMessage ?? null}>
      <RadioGroup
        value={props.role ?? ''}
        onChange={(_event, data) => {
          if (isRole(data.value)) props.onChange(data.value);
        }}
      >
        {ROLE_CHOICES.map((choice) => (
          <div key={choice.value} className={styles.choice}>
            <Radio value={choice.value} label={choice.label} aria-describedby={`${idPrefix}${choice.value}`} />
            <Text id={`${idPrefix}${choice.value}`} size={200} className={styles.explanation}>
              {choice.explanation}
            </Text>
          </div>
        ))}
      </RadioGroup>
    </Field>
  );
}
