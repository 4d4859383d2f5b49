import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Input, makeStyles, tokens, typographyStyles, useMergedRefs } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { ConsoleDefaults, IpcError } from '../../../main/contract/index.ts';
import { newOperationId } from '../../api/admin-api.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { OperationProgress } from '../../components/operation-progress.tsx';
import { useStores } from '../../stores/stores-context.tsx';
import { AccountFields } from './account-fields.tsx';
import { DirectoryFields } from './directory-fields.tsx';
import { SIGN_IN_FIELD_MESSAGES, buildSignInRequest, effectiveServiceUrl, initialSignInForm, type SignInField, type SignInForm } from './sign-in-form.ts';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    width: '100%',
    maxWidth: '36rem',
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  heading: { ...typographyStyles.title3, margin: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * The sign-in form: environment, credentials, directory connection, and the service URL.
 *
 * Client-side checks only cover required fields (focus goes to the first one missing);
 * everything else is judged by main, whose error is shown as a message bar that takes focus.
 * A failed attempt clears the password so it is never left sitting in the form.
 */
export function SignInCard(props: { defaults: ConsoleDefaults | undefined; defaultsError: IpcError | undefined }) {
  const styles = useStyles();
  const api = useAdminApi();
  const { session } = useStores();
  const { defaults } = props;
  const [form, setForm] = useState<SignInForm>(() => initialSignInForm(defaults));
  const [invalid, setInvalid] = useState<ReadonlySet<SignInField>>(new Set());
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [operationId, setOperationId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const [focusTarget, setFocusTarget] = useState<SignInField | 'error' | undefined>(undefined);
  const inputs = useRef(new Map<SignInField, HTMLInputElement>());
  const errorRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const submitButtonRef = useMergedRefs(submitRef);
  const current = useRef<string | undefined>(undefined);
  const headingId = useId();

  useEffect(() => {
    if (focusTarget === undefined) return;
    if (focusTarget === 'error') errorRef.current?.focus();
    else inputs.current.get(focusTarget)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget, advancedOpen]);

  const update = (patch: Partial<SignInForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setInvalid((previous) => (previous.size === 0 ? previous : new Set([...previous].filter((field) => !(field in patch) && !(field === 'serviceUrl' && 'serviceUrlOverride' in patch)))));
  };
  const inputRef = (field: SignInField) => (element: HTMLInputElement | null) => {
    if (element) inputs.current.set(field, element);
    else inputs.current.delete(field);
  };

  const submit = async () => {
    if (current.current !== undefined) return;
    const id = newOperationId();
    const built = buildSignInRequest(form, defaults, id);
    if (!built.ok) {
      setInvalid(new Set(built.invalid));
      if (built.invalid.includes('serviceUrl')) setAdvancedOpen(true);
      setFocusTarget(built.invalid[0]);
      return;
    }
    setInvalid(new Set());
    setError(undefined);
    current.current = id;
    setOperationId(id);
    const result = await session.getState().signIn(built.request);
    if (current.current !== id) return;
    current.current = undefined;
    setOperationId(undefined);
    if (result.ok || result.error.code === 'CANCELLED') return;
    setError(result.error);
    setForm((previous) => ({ ...previous, password: '' }));
    setFocusTarget('error');
  };

  const cancel = () => {
    const id = current.current;
    if (id === undefined) return;
    current.current = undefined;
    setOperationId(undefined);
    submitRef.current?.focus();
    void api.call('operation:cancel', { operationId: id });
  };

  const busy = operationId !== undefined;
  const fieldProps = { form, update, invalid, disabled: busy, inputRef };
  return (
    <form
        className={styles.card}
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h1 id={headingId} className={styles.heading}>
          Sign in to the connector configuration
        </h1>
        {props.defaultsError && <ErrorBar error={props.defaultsError} />}
        <AccountFields {...fieldProps} />
        <DirectoryFields {...fieldProps} />
        <Accordion collapsible openItems={advancedOpen ? ['advanced'] : []} onToggle={(_event, data) => { setAdvancedOpen(data.openItems.includes('advanced')); }}>
          <AccordionItem value="advanced">
            <AccordionHeader>Advanced</AccordionHeader>
            <AccordionPanel>
              <Field
                label="Service URL"
                required
                hint="The connector configuration service for the chosen environment."
                {...(invalid.has('serviceUrl') ? { validationState: 'error' as const, validationMessage: SIGN_IN_FIELD_MESSAGES.serviceUrl } : {})}
              >
                <Input ref={inputRef('serviceUrl')} type="url" value={effectiveServiceUrl(form, defaults)} disabled={busy} onChange={(_event, data) => { update({ serviceUrlOverride: data.value }); }} />
              </Field>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
        {error && (
          <div role="region" aria-label="Sign-in problem">
            <ErrorBar error={error} ref={errorRef} />
          </div>
        )}
        <div className={styles.actions}>
          <Button ref={submitButtonRef} type="submit" appearance="primary" disabledFocusable={busy}>
            Sign in
          </Button>
          {busy && <OperationProgress label="Signing in…" onCancel={cancel} />}
        </div>
    </form>
  );
}
