import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Field, Input } from '@fluentui/react-components';
import type { ConsoleDefaults } from '../../../contract/index.ts';
import type { SignInFieldsProps } from './field-props.ts';
import { SIGN_IN_FIELD_MESSAGES, effectiveServiceUrl } from './sign-in-form.ts';

/**
 * "Advanced": the service URL (the environment's unless edited) and, for Kerberos, the node's principal.
 *
 * The service principal matters only when the URL names the node by address or by an alias
 * no principal carries; blank, main derives `HTTP/<host>` from the URL.
 */
export function AdvancedFields(
  props: SignInFieldsProps & {
    readonly defaults: ConsoleDefaults | undefined;
    readonly open: boolean;
    readonly onOpenChange: (open: boolean) => void;
    readonly kerberos: boolean;
  },
) {
  const { form, update, disabled } = props;
  return (
    <Accordion
      collapsible
      openItems={props.open ? ['advanced'] : []}
      onToggle={(_event, data) => {
        props.onOpenChange(data.openItems.includes('advanced'));
      }}
    >
      <AccordionItem value="advanced">
        <AccordionHeader>Advanced</AccordionHeader>
        <AccordionPanel>
          <Field
            label="Service URL"
            required
            hint="The connector configuration service for the chosen environment."
            {...(props.invalid.has('serviceUrl') ? { validationState: 'error' as const, validationMessage: SIGN_IN_FIELD_MESSAGES.serviceUrl } : {})}
          >
            <Input
              ref={props.inputRef('serviceUrl')}
              type="url"
              value={effectiveServiceUrl(form, props.defaults)}
              disabled={disabled}
              onChange={(_event, data) => {
                update({ serviceUrlOverride: data.value });
              }}
            />
          </Field>
          {props.kerberos && (
            <Field
              label="Service principal (optional)"
              hint="For Kerberos when the service URL names the node by address: HTTP/ and the node's DNS name, such as HTTP/rmscon01.corp.contoso.com."
            >
              <Input
                value={form.servicePrincipal}
                disabled={disabled}
                autoComplete="off"
                onChange={(_event, data) => {
                  update({ servicePrincipal: data.value });
                }}
              />
            </Field>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
