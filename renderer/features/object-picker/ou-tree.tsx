import { Spinner, Tree, TreeItem, TreeItemLayout } from '@fluentui/react-components';
import { useEffect, type JSX, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { ROOT_KEY, type OuTreeStore } from './ou-tree-store.ts';

/** What {@link OuTree} needs: its store and the chosen container. */
export type OuTreeProps = {
  readonly store: OuTreeStore;
  readonly selectedDn: string | undefined;
  readonly onSelect: (distinguishedName: string) => void;
};

/** A placeholder row (loading, failed, empty) that is not a container to choose. */
function notice(value: string, content: ReactNode): JSX.Element {
  return (
    <TreeItem key={value} itemType="leaf" value={value}>
      <TreeItemLayout>{content}</TreeItemLayout>
    </TreeItem>
  );
}

/**
 * The "Organizational units" tree: pick the container to search, one level loaded at a time.
 *
 * Selection is the tree's own single selection (`aria-selected` on the item, Enter/click or
 * Space) rather than radio buttons, so a row holds no second interactive control.
 */
export function OuTree(props: OuTreeProps): JSX.Element {
  const { store, selectedDn, onSelect } = props;
  const branches = useStore(store, (state) => state.branches);
  const openItems = useStore(store, (state) => state.openItems);

  useEffect(() => {
    void store.getState().load(ROOT_KEY);
  }, [store]);

  const renderLevel = (parentDn: string): JSX.Element[] => {
    const branch = branches[parentDn];
    if (!branch || branch.state === 'loading') return [notice(`${parentDn}#loading`, <Spinner size="extra-tiny" label="Loading…" />)];
    if (branch.state === 'failed') return [notice(`${parentDn}#failed`, 'Could not load this level.')];
    if (branch.containers.length === 0) return [notice(`${parentDn}#empty`, 'No containers.')];
    return branch.containers.map((entry) => {
      const dn = entry.distinguishedName;
      const children = branches[dn];
      const leaf = children?.state === 'loaded' && children.containers.length === 0;
      return (
        <TreeItem
          key={dn}
          value={dn}
          itemType={leaf ? 'leaf' : 'branch'}
          aria-selected={dn === selectedDn}
          onClick={() => {
            onSelect(dn);
          }}
          onKeyDown={(event) => {
            if (event.key === ' ' && event.target === event.currentTarget) {
              event.preventDefault();
              onSelect(dn);
            }
          }}
        >
          <TreeItemLayout>{entry.name}</TreeItemLayout>
          {!leaf && openItems.has(dn) ? <Tree>{renderLevel(dn)}</Tree> : null}
        </TreeItem>
      );
    });
  };

  return (
    <Tree
      aria-label="Organizational units"
      openItems={openItems}
      onOpenChange={(_event, data) => {
        store.getState().setOpen(String(data.value), data.open);
      }}
    >
      {renderLevel(ROOT_KEY)}
    </Tree>
  );
}
