import { Badge, Button, Tab, TabList, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import { CLOUD_ENVIRONMENT_DESCRIPTIONS, type SessionSummary } from '../../contract/index.ts';
import { useAdminApi } from '../api/api-context.tsx';
import { HelpMenu } from '../components/help-menu.tsx';
import { AdministrationPage } from '../features/administration/administration-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { HealthPage } from '../features/health/health-page.tsx';
import { PropertiesPanel } from '../features/properties/properties-panel.tsx';
import { ReviewPage } from '../features/review/review-page.tsx';
import { ServerConfigPage } from '../features/server-config/server-config-page.tsx';
import { ServersPage } from '../features/servers/servers-page.tsx';
import { SuperUsersPage } from '../features/super-users/super-users-page.tsx';
import { useStores } from '../stores/stores-context.tsx';
import { StatusBar } from './status-bar.tsx';

const VIEWS = [
  { id: 'servers', label: 'Servers' },
  { id: 'super-users', label: 'Effective super users' },
  { id: 'review', label: 'List review' },
  { id: 'audit', label: 'Audit log' },
  { id: 'health', label: 'Deployment health' },
  { id: 'server-config', label: 'Configure servers' },
  { id: 'administration', label: 'Administration' },
] as const;
type View = (typeof VIEWS)[number]['id'];

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  product: { ...typographyStyles.subtitle2 },
  who: { display: 'flex', flexDirection: 'column', marginLeft: 'auto', textAlign: 'right' },
  nav: { padding: `0 ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1 },
  main: { flexGrow: 1, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
  // A column as tall as the window at least, so the status bar sits at its foot.
  frame: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
});

/**
 * The signed-in console: a header saying who is signed in where, the Views tabs, the view.
 *
 * Landmarks (banner, navigation, main, the status bar) let screen-reader users jump between
 * them, and the tab panel is labelled by its tab. The status bar says whether other admins'
 * changes arrive live and tells the last one. A session in the built-in demo carries a "Demo
 * environment" badge, so a screenshot or a glance never mistakes it for production.
 */
export function ConsoleFrame(props: { session: SessionSummary }) {
  const styles = useStyles();
  const { session: sessionStore } = useStores();
  const [view, setView] = useState<View>('servers');
  const [signingOut, setSigningOut] = useState(false);
  const idPrefix = useId();
  const { session } = props;
  const canOpenLogs = useCanOpenLogs();

  return (
    <div className={styles.frame}>
      <header className={styles.header}>
        <Text className={styles.product}>RMS Connector Admin</Text>
        {session.demo && (
          <Badge appearance="filled" color="important" size="large">
            Demo environment
          </Badge>
        )}
        <div className={styles.who}>
          <Text weight="semibold">Signed in as {session.admin.account ?? session.admin.name}</Text>
          <Text size={200}>
            {session.environment} ({CLOUD_ENVIRONMENT_DESCRIPTIONS[session.environment]}) · {session.directory.dnsDomainName}
          </Text>
        </div>
        <Button
          icon={<SignOutRegular />}
          disabled={signingOut}
          onClick={() => {
            setSigningOut(true);
            void sessionStore.getState().signOut();
          }}
        >
          Sign out
        </Button>
        {canOpenLogs && <HelpMenu />}
      </header>
      <nav className={styles.nav} aria-label="Views">
        <TabList
          aria-label="Views"
          selectedValue={view}
          onTabSelect={(_event, data) => {
            setView(data.value as View);
          }}
        >
          {VIEWS.map((item) => (
            <Tab key={item.id} value={item.id} id={`${idPrefix}-tab-${item.id}`} aria-controls={`${idPrefix}-panel`}>
              {item.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${view}`}>
          <ViewPage view={view} />
        </div>
      </main>
      <StatusBar />
      <PropertiesPanel />
    </div>
  );
}

function ViewPage(props: { view: View }) {
  switch (props.view) {
    case 'servers':
      return <ServersPage />;
    case 'super-users':
      return <SuperUsersPage />;
    case 'review':
      return <ReviewPage />;
    case 'audit':
      return <AuditPage />;
    case 'health':
      return <HealthPage />;
    case 'server-config':
      return <ServerConfigPage />;
    case 'administration':
      return <AdministrationPage />;
  }
}

/**
 * Whether main can open the log folder (the desktop app), read once from the defaults.
 *
 * Unknown (or unreadable) means no Help menu: nothing is offered that would then fail.
 */
function useCanOpenLogs(): boolean {
  const api = useAdminApi();
  const [canOpen, setCanOpen] = useState(false);
  useEffect(() => {
    let live = true;
    void api.call('console:get-defaults', {}).then((result) => {
      if (live && result.ok) setCanOpen(result.value.desktop.openLogs);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return canOpen;
}
