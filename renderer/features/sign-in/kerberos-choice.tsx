import { Button, Link, Spinner, Text, makeStyles, tokens, useMergedRefs } from '@fluentui/react-components';
import type { ReactNode, Ref } from 'react';
import type { KerberosOffer } from './use-kerberos-offer.ts';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Sign in as CORP\\alice": the account of the current Kerberos ticket, read by main from the directory.
 *
 * The form's default button (Enter signs in this way); "Sign in with a password" is one
 * click away. No name or password is typed or sent.
 */
export function KerberosSignIn(props: {
  readonly account: string;
  readonly displayName: string | undefined;
  readonly busy: boolean;
  readonly submitRef: Ref<HTMLButtonElement>;
  readonly progress: ReactNode;
  readonly onUsePassword: () => void;
}) {
  const styles = useStyles();
  // Fluent's element-ref inference is `never` with @types/react 19.3; a callback ref fits.
  const submitRef = useMergedRefs(props.submitRef);
  return (
    <div className={styles.block}>
      <Text>
        {props.displayName === undefined
          ? `This computer holds a Kerberos ticket for ${props.account}.`
          : `This computer holds a Kerberos ticket for ${props.displayName} (${props.account}).`}{' '}
        No password is needed.
      </Text>
      <div className={styles.actions}>
        <Button ref={submitRef} type="submit" appearance="primary" disabledFocusable={props.busy}>
          {`Sign in as ${props.account}`}
        </Button>
        {props.progress}
      </div>
      <Link as="button" type="button" disabled={props.busy} onClick={props.onUsePassword}>
        Sign in with a password
      </Link>
    </div>
  );
}

/**
 * Above the password form: the way back to Kerberos when it is offered, else why it is not.
 *
 * While the first answer is awaited a small spinner says so; the form stays usable.
 */
export function KerberosNote(props: { readonly offer: KerberosOffer; readonly disabled: boolean; readonly onUseKerberos: () => void }) {
  const styles = useStyles();
  const { offer } = props;
  switch (offer.state) {
    case 'none':
      return null;
    case 'checking':
      return <Spinner size="extra-tiny" labelPosition="after" label="Looking for a Kerberos ticket…" />;
    case 'available':
      return (
        <Link as="button" type="button" disabled={props.disabled} onClick={props.onUseKerberos}>
          {`Sign in as ${offer.account} instead`}
        </Link>
      );
    case 'unavailable':
      return (
        <Text size={200} className={styles.note}>
          {`Kerberos sign-in is not offered: ${offer.title}.`}
        </Text>
      );
  }
}
