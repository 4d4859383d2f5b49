import { Dropdown, Field, Option } from '@fluentui/react-components';
import { CLOUD_ENVIRONMENT_DESCRIPTIONS, CloudEnvironmentSchema } from '../../../contract/index.ts';
import type { SignInFieldsProps } from './field-props.ts';

/**
 * The cloud environment, with its description under the drop-down.
 *
 * A token from one cloud is refused by another's service, so the admin must see which one is
 * picked, whichever way they sign in.
 */
export function EnvironmentField(props: Pick<SignInFieldsProps, 'form' | 'update' | 'disabled'>) {
  const { form, update, disabled } = props;
  return (
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
  );
}
