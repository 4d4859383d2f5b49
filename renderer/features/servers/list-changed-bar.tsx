import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/**
 * The warning shown when a write was refused because someone else changed the list.
 *
 * The console never retries a write against a list the admin has not seen; Reload reads the
 * current list (and clears this bar) so the admin decides again on what is really there.
 */
export function ListChangedBar(props: { onReload: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The list was changed by someone else.</MessageBarTitle>
        Reload it to see the current entries, then make your change again.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onReload}>Reload</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
