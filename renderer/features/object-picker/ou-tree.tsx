import { Spinner, Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type JSX, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { domainNameOf, parentDnOf } from './container-path.ts';
import { ROOT_KEY, type OuTreeStore } from './ou-tree-store.ts';

/** The tree value of the domain's own node (its children are the browse of the root). */
const DOMAIN_NODE = '#domain';

const useStyles = makeStyles({
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    fontWeight: tokens.fontWeightSemibold,
    '@media (forced-colors: active)': { backgroundColor: 'Highlight', color: 'HighlightText', forcedColorAdjust: 'none' },
  },
});

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
 * The domain itself (`corp.contoso.test`) is the top node, as in ADUC, so the admin sees
 * which domain the tree belongs to and can search it whole. Selection is the tree's own single
 * selection (`aria-selected` on the item, highlighted; Enter/click or Space) rather than
 * radio buttons, so a row holds no second interactive control.
 */
export function OuTree(props: OuTreeProps): JSX.Element {
  const { store, selectedDn, onSelect } = props;
  const styles = useStyles();
  const branches = useStore(store, (state) => state.branches);
  const openItems = useStore(store, (state) => state.openItems);
  const [domainOpen, setDomainOpen] = useState(true);
  const top = branches[ROOT_KEY];
  const firstChild = top?.state === 'loaded' ? top.containers[0]?.distinguishedName : undefined;
  const domainDn = firstChild === undefined ? undefined : parentDnOf(firstChild);

  useEffect(() => {
    void store.getState().load(ROOT_KEY);
  }, [store]);

  const item = (dn: string, label: string, leaf: boolean, children: ReactNode): JSX.Element => {
    const selected = dn === selectedDn;
    return (
      <TreeItem
        key={dn}
        value={dn === domainDn ? DOMAIN_NODE : dn}
        itemType={leaf ? 'leaf' : 'branch'}
        aria-selected={selected}
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
        <TreeItemLayout className={selected ? styles.selected : undefined}>{label}</TreeItemLayout>
        {children}
      </TreeItem>
    );
  };

  const renderLevel = (parentDn: string): JSX.Element[] => {
    const branch = branches[parentDn];
    if (!branch || branch.state === 'loading') return [notice(`${parentDn}#loading`, <Spinner size="extra-tiny" label="Loading…" />)];
    if (branch.state === 'failed') return [notice(`${parentDn}#failed`, 'Could not load this level.')];
    if (branch.containers.length === 0) return [notice(`${parentDn}#empty`, 'No containers.')];
    return branch.containers.map((entry) => {
      const dn = entry.distinguishedName;
      const children = branches[dn];
      const leaf = children?.state === 'loaded' && children.containers.length === 0;
      return item(dn, entry.name, leaf, !leaf && openItems.has(dn) ? <Tree>{renderLevel(dn)}</Tree> : null);
    });
  };

  const shownOpen = new Set(openItems);
  if (domainOpen) shownOpen.add(DOMAIN_NODE);
  return (
    <Tree
      aria-label="Organizational units"
      openItems={shownOpen}
      onOpenChange={(_event, data) => {
        if (data.value === DOMAIN_NODE) setDomainOpen(data.open);
        else store.getState().setOpen(String(data.value), data.open);
      }}
    >
      {domainDn === undefined ? renderLevel(ROOT_KEY) : item(domainDn, domainNameOf(domainDn), false, domainOpen ? <Tree>{renderLevel(ROOT_KEY)}</Tree> : null)}
    </Tree>
  );
}
