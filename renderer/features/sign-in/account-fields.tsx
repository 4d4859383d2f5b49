import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { ConsoleDefaults } from '../../../contract/index.ts';
import type { SignInFieldsProps } from './field-props.ts';
import { SIGN_IN_FIELD_MESSAGES, type SignInField } from './sign-in-form.ts';

const useStyles = makeStyles({
  remember: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** What the password part needs beyond the form: the vault's state and the way to forget. */
export type PasswordMemoryProps = {
  readonly vault: ConsoleDefaults['passwordVault'] | undefined;
  /** Signing in now would use the remembered password (the field is empty and says so). */
  readonly usingRemembered: boolean;
  readonly onForgetPassword: () => void;
};

/**
 * The admin's own credentials (the password form).
 *
 * A remembered password is never shown (main keeps it): the empty field says one is
 * remembered, and "Forget remembered password" removes it. Where the vault cannot protect a password the
 * checkbox is disabled with the reason as its hint.
 */
export function AccountFields(props: SignInFieldsProps & PasswordMemoryProps) {
  const styles = useStyles();
  const { form, update, disabled } = props;
  const vaultAvailable = props.vault?.available === true;
  const validation = (field: SignInField) =>
    props.invalid.has(field) ? { validationState: 'error' as const, validationMessage: SIGN_IN_FIELD_MESSAGES[field] } : {};
  return (
    <>
      <Field label="User name" required {...validation('username')}>
        <Input
          ref={props.inputRef('username')}
          value={form.username}
          disabled={disabled}
          autoComplete="username"
          onChange={(_event, data) => {
            update({ username: data.value });
          }}
        />
      </Field>
      <Field
        label="Password"
        required={!props.usingRemembered}
        {...(props.usingRemembered ? { hint: 'A password is remembered for this account. Leave the field empty to use it, or type another.' } : {})}
        {...validation('password')}
      >
        <Input
          ref={props.inputRef('password')}
          type="password"
          value={form.password}
          disabled={disabled}
          autoComplete="current-password"
          {...(props.usingRemembered ? { placeholder: 'Remembered password' } : {})}
          onChange={(_event, data) => {
            update({ password: data.value });
          }}
        />
      </Field>
      <div className={styles.remember}>
        <Field {...(vaultAvailable ? {} : { hint: props.vault?.reason ?? 'Passwords cannot be remembered here.' })}>
          <Checkbox
            label="Remember my password"
            checked={form.rememberPassword && vaultAvailable}
            disabled={disabled || !vaultAvailable}
            onChange={(_event, data) => {
              update({ rememberPassword: data.checked === true });
            }}
          />
        </Field>
        {form.passwordRemembered && (
          <Button appearance="subtle" size="small" disabled={disabled} onClick={props.onForgetPassword}>
            Forget remembered password
          </Button>
        )}
      </div>
    </>
  );
}
