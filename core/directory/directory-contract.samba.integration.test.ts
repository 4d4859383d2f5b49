import { describeDirectoryContract } from './testing/directory-contract.ts';
import { adConnectOptions, adTestConnection } from './testing/ad-test-connection.ts';

/** The directory contract against the Samba AD DC that the integration setup provides. */
describeDirectoryContract({
  name: 'Samba AD DC',
  setup: () => {
    const connection = adTestConnection();
    return Promise.resolve({
      connectOptions: (overrides = {}) => adConnectOptions(overrides),
      url: connection.url,
      // No explicit port: the console moves to the Global Catalog's 3269.
      globalCatalogUrl: connection.url.replace(/:636$/, ''),
      baseDn: connection.baseDn,
      bulkUserCount: 2600,
    });
  },
});
