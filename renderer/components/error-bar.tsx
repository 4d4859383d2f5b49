import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens, useMergedRefs } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { IpcError } from '../../contract/index.ts';

const useStyles = makeStyles({
  code: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * An {@link IpcError} as an error message bar: its title, its message, the code in small text.
 *
 * Errors cross from main as data written for admins (what happened, what to do); this is the
 * one way the console shows them, so no screen ever falls back to a bare code or a stack.
 * The bar can take focus (`tabIndex -1`) so a form can move focus to it after a failure;
 * `role="alert"` (instead of Fluent's group) where the failure ends what the admin was doing.
 */
export function ErrorBar(props: { error: IpcError; ref?: Ref<HTMLDivElement>; role?: 'alert' }) {
  const styles = useStyles();
  const { error } = props;
  // Fluent's element-ref inference is `never` with @types/react 19.3; a callback ref fits.
  const ref = useMergedRefs(props.ref);
  return (
    <MessageBar intent="error" layout="multiline" ref={ref} tabIndex={-1} {...(props.role === undefined ? {} : { role: props.role })}>
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.message}
        {error.details && error.details.length > 0 && (
          <ul className={styles.details}>
            {error.details.map((detail, index) => (
              <li key={`${String(index)}-${detail}`}>{detail}</li>
            ))}
          </ul>
        )}
        <Text size={200} className={styles.code}>
          Code: {error.code}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
