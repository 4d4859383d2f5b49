import type { JSX, ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import { AccountName } from '../../components/account-name.tsx';
import { useStores } from '../../stores/stores-context.tsx';

function ServerAccount(props: { entry: AuthorizedAccount }): JSX.Element {
  const { servers } = useStores();
  const facts = useStore(servers, (state) => state.accountFacts.get(props.entry.sid.toUpperCase()));
  return (
    <AccountName
      name={props.entry.name}
      kind={props.entry.kind}
      builtin={facts?.builtin ?? props.entry.sid.startsWith('S-1-5-32-')}
      disabled={facts?.disabled ?? false}
    />
  );
}

function ServerDescription(props: { entry: AuthorizedAccount }): JSX.Element {
  const { servers } = useStores();
  const description = useStore(servers, (state) => state.accountFacts.get(props.entry.sid.toUpperCase())?.description ?? '');
  return <span title={description}>{description}</span>;
}

/**
 * The Account cell: the entry's name with its type icon and, from the directory, a disabled marker.
 *
 * The stored entry does not know whether its account is disabled today; the servers store
 * holds what the directory said with the last read, looked up here by SID.
 */
export function renderServerAccount(entry: AuthorizedAccount): ReactNode {
  return <ServerAccount entry={entry} />;
}

/** The Description cell: the account's description as the directory has it today. */
export function renderServerDescription(entry: AuthorizedAccount): ReactNode {
  return <ServerDescription entry={entry} />;
}

/**
 * The SID cell, cut at its start when narrow: a domain's SIDs differ only at their end.
 *
 * The whole SID stays the cell's text (screen readers, the tooltip, copying).
 */
export function renderSidTail(entry: AuthorizedAccount): ReactNode {
  return (
    <span dir="rtl" style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', textAlign: 'left' }}>
      {entry.sid}
    </span>
  );
}
