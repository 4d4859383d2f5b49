import { Spinner } from '@fluentui/react-components';
import type { IpcError } from '../../contract/index.ts';
import type { LoadState } from '../stores/load-state.ts';
import { ErrorBar } from './error-bar.tsx';
import { OperationProgress } from './operation-progress.tsx';

/** Props of {@link LoadStatus}. */
export type LoadStatusProps = {
  readonly loadState: LoadState;
  readonly error: IpcError | undefined;
  /** What runs, for the spinner ("Reading the list…"). */
  readonly loadingLabel: string;
  /** Given for cancellable operations: the spinner then comes with a Cancel button. */
  readonly onCancel?: () => void;
};

/**
 * What a page shows for its load state: nothing, a labelled spinner, or the error.
 *
 * One exhaustive switch for every page, so no page forgets the failed state.
 */
export function LoadStatus(props: LoadStatusProps) {
  switch (props.loadState) {
    case 'idle':
    case 'loaded':
      return null;
    case 'loading':
      return props.onCancel ? <OperationProgress label={props.loadingLabel} onCancel={props.onCancel} /> : <Spinner size="tiny" label={props.loadingLabel} />;
    case 'failed':
      return props.error ? <ErrorBar error={props.error} /> : null;
  }
}
