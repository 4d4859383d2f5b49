import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useLayoutEffect, useState, type JSX } from 'react';
import { useStore } from 'zustand';
import type { DirectoryObject } from '../../../contract/index.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { OperationProgress } from '../../components/operation-progress.tsx';
import { ObjectGrid } from './object-grid.tsx';
import { createObjectPickerStore, selectIsSearching, selectSelectedObject } from './object-picker-store.ts';
import type { PickerPurpose } from './object-types.ts';
import { createOuTreeStore } from './ou-tree-store.ts';
import { PickerCriteria } from './picker-criteria.tsx';
import { useFocusReturn } from './use-focus-return.ts';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  status: { minHeight: tokens.lineHeightBase300 },
});

/** Props of {@link ObjectPickerDialog}. */
export type ObjectPickerDialogProps = {
  readonly open: boolean;
  readonly role: PickerPurpose;
  readonly onClose: () => void;
  readonly onPick: (object: DirectoryObject) => void;
};

/**
 * "Select Users, Computers, Service Accounts, or Groups": search the directory and pick one object.
 *
 * The admin who does not know an account's exact name browses for it, as with the Windows
 * object picker; types start preset for the role. Results page in as the grid scrolls, and
 * closing the picker releases the server-side search.
 */
export function ObjectPickerDialog(props: ObjectPickerDialogProps): JSX.Element {
  const { open, role, onClose, onPick } = props;
  const styles = useStyles();
  const api = useAdminApi();
  const [store] = useState(() => createObjectPickerStore(api));
  const [treeStore] = useState(() => createOuTreeStore(api));
  const { surfaceRef } = useFocusReturn(open);
  const objects = useStore(store, (state) => state.objects);
  const selectedSid = useStore(store, (state) => state.selectedSid);
  const searchState = useStore(store, (state) => state.searchState);
  const pageState = useStore(store, (state) => state.pageState);
  const done = useStore(store, (state) => state.done);
  // With the OU tree open the results get fewer rows, so the dialog still fits 800 pixels.
  const resultsHeight = useStore(store, (state) => (state.locationKind === 'container' ? 176 : 240));
  const error = useStore(store, (state) => state.error);
  const treeError = useStore(treeStore, (state) => state.error);
  const searching = useStore(store, selectIsSearching);
  const selected = useStore(store, selectSelectedObject);

  useLayoutEffect(() => {
    if (!open) return;
    store.getState().reset(role);
    treeStore.getState().reset();
    return () => {
      store.getState().close();
    };
  }, [open, role, store, treeStore]);

  const close = () => {
    store.getState().close();
    onClose();
  };
  const pick = (object: DirectoryObject | undefined) => {
    if (!object) return;
    close();
    onPick(object);
  };
  const loadMore = useCallback(() => void store.getState().loadMore(), [store]);
  const shownError = error ?? treeError;

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) close();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody ref={surfaceRef}>
          <DialogTitle>Select Users, Computers, Service Accounts, or Groups</DialogTitle>
          <DialogContent className={styles.content}>
            <PickerCriteria store={store} treeStore={treeStore} />
            {searching && (
              <OperationProgress
                label={pageState === 'loading' ? 'Loading more results…' : 'Searching…'}
                onCancel={() => {
                  void store.getState().cancel();
                }}
              />
            )}
            {shownError && <ErrorBar error={shownError} />}
            <ObjectGrid
              label="Search results"
              objects={objects}
              selectedSid={selectedSid}
              complete={done}
              onSelect={(object) => {
                store.getState().select(object.sid);
              }}
              onActivate={pick}
              onNearEnd={loadMore}
              height={resultsHeight}
            />
            <Text role="status" className={styles.status}>
              {searchState === 'loaded' ? `${String(objects.length)} found` : ''}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!selected}
              onClick={() => {
                pick(selected);
              }}
            >
              OK
            </Button>
            <Button onClick={close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
