import { Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { CLOUD_ENVIRONMENT_DESCRIPTIONS, CloudEnvironmentSchema } from '../../../main/contract/index.ts';
import type { SignInFieldsProps } from './field-props.ts';
import { SIGN_IN_FIELD_MESSAGES, type SignInField } from './sign-in-form.ts';

/**
 * The cloud environment and the admin's own credentials.
 *
 * The environment's description stays visible under the drop-down: a token from one cloud is
 * refused by another's service, so the admin must see which one is picked.
 */
export function AccountFields(props: SignInFieldsProps) {
  const { form, update, disabled } = props;
  const validation = (field: SignInField) =>
    props.invalid.has(field) ? { validationState: 'error' as const, validationMessage: SIGN_IN_FIELD_MESSAGES[field] } : {};
  return (
    <>
      <Field label="Cloud environment" hint={CLOUD_ENVIRONMENT_DESCRIPTIONS[form.environment]}>
        <Dropdown
          value={form.environment}
          selectedOptions={[form.environment]}
          disabled={disabled}
          onOptionSelect={(_event, data) => {
            const parsed = CloudEnvironmentSchema.safeParse(data.optionValue);
            if (parsed.success) update({ environment: parsed.data });
          }}
        >
          {CloudEnvironmentSchema.options.map((environment) => (
            <Option key={environment} value={environment} text={environment}>
              {`${environment} — ${CLOUD_ENVIRONMENT_DESCRIPTIONS[environment]}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
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
      <Field label="Password" required {...validation('password')}>
        <Input
          ref={props.inputRef('password')}
          type="password"
          value={form.password}
          disabled={disabled}
          autoComplete="current-password"
          onChange={(_event, data) => {
            update({ password: data.value });
          }}
        />
      </Field>
    </>
  );
}
