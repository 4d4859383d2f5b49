import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useStore } from 'zustand';
import { LoadStatus } from '../../components/load-status.tsx';
import { useFocusReturn } from '../../components/use-focus-return.ts';
import { useStores } from '../../stores/stores-context.tsx';
import { AccountListSection } from './account-list-section.tsx';
import { GeneralSection } from './general-section.tsx';
import { ObjectSection } from './object-section.tsx';
import type { PropertiesSection } from './properties-store.ts';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

/**
 * The account Properties panel, as ADUC's Properties sheet but beside the list: General,
 * Object, Member Of and (for a group) Members.
 *
 * Mounted once by the console frame; any page opens it through the properties store. Escape
 * or Close shuts it and focus returns to the row that opened it.
 */
export function PropertiesPanel() {
  const styles = useStyles();
  const { properties: store } = useStores();
  const state = useStore(store);
  const titleId = useId();
  useFocusReturn(state.open);
  const { properties, target } = state;
  const shown = properties !== undefined && properties.object.sid === target?.sid ? properties : undefined;
  const title = `${shown?.accountName ?? target?.name ?? 'Account'} Properties`;
  const isGroup = shown?.object.kind === 'group';
  const section: PropertiesSection = state.section === 'members' && shown !== undefined && !isGroup ? 'general' : state.section;
  return (
    <OverlayDrawer
      open={state.open}
      position="end"
      size="medium"
      aria-labelledby={titleId}
      onOpenChange={(_event, data) => {
        if (!data.open) state.close();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: titleId }}
          action={
            <div className={styles.actions}>
              <Button appearance="subtle" aria-label="Refresh properties" icon={<ArrowClockwiseRegular />} onClick={() => void state.reload()} />
              <Button
                appearance="subtle"
                aria-label="Close properties"
                icon={<DismissRegular />}
                onClick={() => {
                  state.close();
                }}
              />
            </div>
          }
        >
          {title}
        </DrawerHeaderTitle>
        <TabList
          aria-label="Properties sections"
          selectedValue={section}
          onTabSelect={(_event, data) => {
            state.setSection(data.value as PropertiesSection);
          }}
        >
          <Tab value="general">General</Tab>
          <Tab value="object">Object</Tab>
          <Tab value="memberOf">Member Of</Tab>
          {(isGroup || shown === undefined) && <Tab value="members">Members</Tab>}
        </TabList>
      </DrawerHeader>
      <DrawerBody className={styles.body} role="tabpanel" aria-label={sectionLabel(section)}>
        <LoadStatus loadState={state.loadState} error={state.error} loadingLabel="Reading the account from the directory…" />
        {shown !== undefined && <SectionView section={section} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}

function SectionView(props: { section: PropertiesSection }) {
  switch (props.section) {
    case 'general':
      return <GeneralSection />;
    case 'object':
      return <ObjectSection />;
    case 'memberOf':
      return <AccountListSection list="memberOf" />;
    case 'members':
      return <AccountListSection list="members" />;
  }
}

function sectionLabel(section: PropertiesSection): string {
  switch (section) {
    case 'general':
      return 'General';
    case 'object':
      return 'Object';
    case 'memberOf':
      return 'Member Of';
    case 'members':
      return 'Members';
  }
}
