import { Button, makeStyles, tokens, typographyStyles, useMergedRefs } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { ConsoleDefaults, IpcError } from '../../../contract/index.ts';
import { newOperationId } from '../../api/admin-api.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { OperationProgress } from '../../components/operation-progress.tsx';
import { useStores } from '../../stores/stores-context.tsx';
import { HelpMenu } from '../../components/help-menu.tsx';
import { AccountFields } from './account-fields.tsx';
import { AdvancedFields } from './advanced-fields.tsx';
import { DemoOffer } from './demo-offer.tsx';
import { DirectoryFields } from './directory-fields.tsx';
import { directoryNeedsAttention } from './directory-summary.ts';
import { EnvironmentField } from './environment-field.tsx';
import { KerberosNote, KerberosSignIn } from './kerberos-choice.tsx';
import {
  buildKerberosSignInRequest,
  buildSignInRequest,
  directoryLocationOf,
  initialSignInForm,
  usesRememberedPassword,
  type SignInField,
  type SignInForm,
} from './sign-in-form.ts';
import { useKerberosOffer } from './use-kerberos-offer.ts';

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
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  trailing: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Where focus goes after a change of view or a failure. */
type FocusTarget = SignInField | 'error' | 'submit';

/**
 * The sign-in form: environment, credentials, directory connection, and the service URL.
 *
 * The password form shows at once; when main then finds a Kerberos ticket the directory
 * accepts, "Sign in as CORP\\alice" takes its place, with the password form one click away
 * ("Sign in with a password", and back). Once the admin has typed a name or password the
 * form is not swapped away. The Directory group shows as one line with Change… once
 * configured (opened by itself when nothing is configured, a field of it is missing, or the
 * directory refused). Client-side checks only cover required fields (focus goes to the first
 * one missing); everything else is judged by main, whose error is shown at the top of the
 * form as an alert that takes focus. A failed attempt clears the password so it is never left sitting in the form.
 * "Try the demo environment" signs in to the built-in demo instead; it runs as the same
 * kind of cancellable operation as Sign in.
 */
export function SignInCard(props: { defaults: ConsoleDefaults | undefined; defaultsError: IpcError | undefined }) {
  const styles = useStyles();
  const api = useAdminApi();
  const { session } = useStores();
  const { defaults } = props;
  const [form, setForm] = useState<SignInForm>(() => initialSignInForm(defaults));
  const [invalid, setInvalid] = useState<ReadonlySet<SignInField>>(new Set());
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [directoryOpen, setDirectoryOpen] = useState(() => directoryNeedsAttention(initialSignInForm(defaults), new Set(), undefined));
  const [operationId, setOperationId] = useState<string | undefined>(undefined);
  const [running, setRunning] = useState<'sign-in' | 'demo'>('sign-in');
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | undefined>(undefined);
  const [passwordChosen, setPasswordChosen] = useState(false);
  const offer = useKerberosOffer(directoryLocationOf(form));
  const inputs = useRef(new Map<SignInField, HTMLInputElement>());
  const errorRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const submitButtonRef = useMergedRefs(submitRef);
  const current = useRef<string | undefined>(undefined);
  const headingId = useId();
  const view = offer.state === 'available' && !passwordChosen ? 'kerberos' : 'password';

  useEffect(() => {
    if (focusTarget === undefined) return;
    if (focusTarget === 'error') errorRef.current?.focus();
    else if (focusTarget === 'submit') submitRef.current?.focus();
    else inputs.current.get(focusTarget)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget, advancedOpen, directoryOpen, view]);

  const update = (patch: Partial<SignInForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    // Typing a name or password is choosing the password form: it is not swapped away later.
    if ('username' in patch || 'password' in patch) setPasswordChosen(true);
    setInvalid((previous) =>
      previous.size === 0
        ? previous
        : new Set([...previous].filter((field) => !(field in patch) && !(field === 'serviceUrl' && 'serviceUrlOverride' in patch))),
    );
  };
  const inputRef = (field: SignInField) => (element: HTMLInputElement | null) => {
    if (element) inputs.current.set(field, element);
    else inputs.current.delete(field);
  };
  const choosePassword = (chosen: boolean) => {
    setPasswordChosen(chosen);
    setError(undefined);
    setInvalid(new Set());
    setFocusTarget(chosen ? 'username' : 'submit');
  };

  const submit = async () => {
    if (current.current !== undefined) return;
    const id = newOperationId();
    const kerberos = view === 'kerberos';
    const built = kerberos ? buildKerberosSignInRequest(form, defaults, id) : buildSignInRequest(form, defaults, id);
    if (!built.ok) {
      setInvalid(new Set(built.invalid));
      if (built.invalid.includes('serviceUrl')) setAdvancedOpen(true);
      if (directoryNeedsAttention(form, new Set(built.invalid), undefined)) setDirectoryOpen(true);
      setFocusTarget(built.invalid[0]);
      return;
    }
    setInvalid(new Set());
    const result = await run(id, 'sign-in', () => session.getState().signIn(built.request));
    if (result === undefined || kerberos) return;
    // A remembered password that was refused has been forgotten by main: ask for one.
    const forgotten = result.error.code === 'REMEMBERED_PASSWORD_REFUSED' || result.error.code === 'NO_REMEMBERED_PASSWORD';
    setForm((previous) => ({ ...previous, password: '', ...(forgotten ? { passwordRemembered: false } : {}) }));
  };

  /** Run one cancellable call; answers its error when it failed (not when cancelled or superseded). */
  const run = async (
    id: string,
    kind: 'sign-in' | 'demo',
    call: () => Promise<{ ok: true } | { ok: false; error: IpcError }>,
  ): Promise<{ error: IpcError } | undefined> => {
    setError(undefined);
    current.current = id;
    setRunning(kind);
    setOperationId(id);
    const result = await call();
    if (current.current !== id) return undefined;
    current.current = undefined;
    setOperationId(undefined);
    if (result.ok || result.error.code === 'CANCELLED') return undefined;
    setError(result.error);
    if (directoryNeedsAttention(form, new Set(), result.error)) setDirectoryOpen(true);
    setFocusTarget('error');
    return { error: result.error };
  };

  const startDemo = async () => {
    if (current.current !== undefined) return;
    const id = newOperationId();
    await run(id, 'demo', () => session.getState().startDemo(id));
  };

  const forgetPassword = async () => {
    setError(undefined);
    const result = await api.call('settings:forget-password', {});
    if (!result.ok) {
      setError(result.error);
      setFocusTarget('error');
      return;
    }
    setForm((previous) => ({ ...previous, passwordRemembered: false, rememberPassword: false }));
    setFocusTarget('password');
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
  const demoAvailable = defaults?.demo.available === true;
  const demoProminent = demoAvailable && !defaults.configured;
  const progress = busy && <OperationProgress label={running === 'demo' ? 'Starting the demo environment…' : 'Signing in…'} onCancel={cancel} />;
  const problem = error && (
    <div role="region" aria-label="Sign-in problem">
      <ErrorBar error={error} ref={errorRef} role="alert" />
    </div>
  );
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
      {problem}
      {demoProminent && <DemoOffer prominent disabled={busy} onStart={() => void startDemo()} />}
      {view === 'kerberos' && offer.state === 'available' ? (
        <>
          <KerberosSignIn
            account={offer.account}
            displayName={offer.displayName}
            busy={busy}
            submitRef={submitRef}
            progress={progress}
            onUsePassword={() => {
              choosePassword(true);
            }}
          />
          <EnvironmentField {...fieldProps} />
        </>
      ) : (
        <>
          <KerberosNote
            offer={offer}
            disabled={busy}
            onUseKerberos={() => {
              choosePassword(false);
            }}
          />
          <EnvironmentField {...fieldProps} />
          <AccountFields
            {...fieldProps}
            vault={defaults?.passwordVault}
            usingRemembered={usesRememberedPassword(form, defaults)}
            onForgetPassword={() => void forgetPassword()}
          />
        </>
      )}
      <DirectoryFields
        {...fieldProps}
        expanded={directoryOpen}
        onExpand={() => {
          setDirectoryOpen(true);
          setFocusTarget(form.mode === 'domain' ? 'domain' : 'serverUrl');
        }}
      />
      <AdvancedFields {...fieldProps} defaults={defaults} open={advancedOpen} onOpenChange={setAdvancedOpen} kerberos={offer.state === 'available'} />
      <div className={styles.actions}>
        {view === 'password' && (
          <Button ref={submitButtonRef} type="submit" appearance="primary" disabledFocusable={busy}>
            Sign in
          </Button>
        )}
        {view === 'password' && progress}
        <div className={styles.trailing}>
          {demoAvailable && !demoProminent && <DemoOffer prominent={false} disabled={busy} onStart={() => void startDemo()} />}
          {defaults?.desktop.openLogs === true && <HelpMenu />}
        </div>
      </div>
    </form>
  );
}
