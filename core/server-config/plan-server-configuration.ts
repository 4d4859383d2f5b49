import type { ProfileDifference, ServerConfigPlan, ServerConfigPlanRequest, ServerPlan } from '../../contract/server-config.ts';
import type { InputIssue, Notice } from './config-issues.ts';
import { DEPLOYMENT_WARNINGS, followUpSteps } from './follow-up-steps.ts';
import { compareProfiles } from './profile-differences.ts';
import { isProfile, registrySettingsFor } from './registry-settings.ts';
import { SERVER_TYPE_INFO, SERVER_TYPES, type ServerType } from './server-types.ts';
import { parseConnectorUrl, parseTenantUrl } from './url-rules.ts';

export type { ServerPlan } from '../../contract/server-config.ts';

/**
 * What the admin typed (or the tenant URL read from the connector).
 *
 * The contract's request without the operation id, with the tenant URL already known and the
 * profile as typed (`current`, the default, or `2014`): the CLI hands over unchecked text,
 * which this module refuses with `PROFILE_UNKNOWN`.
 */
export type ServerConfigurationInput = Readonly<Pick<ServerConfigPlanRequest, 'connectorUrl'>> & {
  readonly tenantUrl: string;
  readonly profile?: string | undefined;
};

/**
 * The checked input and everything derived from it; the renderers turn it into files.
 *
 * The contract's plan without what the console adds (where the tenant URL came from, the file
 * previews), with core's coded notices (input warnings, then the deployment warnings every
 * plan carries) and the GPO script's file name. `profileDifferences` is the same list
 * whichever profile was chosen.
 */
export type ServerConfigurationPlan = Readonly<Omit<ServerConfigPlan, 'tenantUrlSource' | 'files' | 'notices' | 'servers' | 'profileDifferences'>> & {
  readonly notices: readonly Notice[];
  readonly servers: readonly ServerPlan[];
  readonly profileDifferences: readonly ProfileDifference[];
  readonly gpoScriptFileName: string;
};

/** A plan, or every reason the input was refused (each says what to type instead). */
export type PlanResult = { readonly ok: true; readonly plan: ServerConfigurationPlan } | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** The GPO script's file name, as the 2014 script named it. */
export const GPO_SCRIPT_FILE_NAME = 'CreateConnectorRedirectGPOs.ps1';

/**
 * Check the input and work out every registry value, Group Policy object and follow-up
 * step for every server type.
 *
 * Nothing is generated from refused input: the result is then only the issues, all of them
 * at once, so a form can mark both fields in one pass.
 */
export function planServerConfiguration(input: ServerConfigurationInput): PlanResult {
  const connector = parseConnectorUrl(input.connectorUrl);
  const tenant = parseTenantUrl(input.tenantUrl);
  const profileText = input.profile ?? 'current';
  const issues: InputIssue[] = [
    ...(connector.ok ? [] : [connector.issue]),
    ...(tenant.ok ? [] : [tenant.issue]),
    ...(isProfile(profileText)
      ? []
      : [
          {
            code: 'PROFILE_UNKNOWN' as const,
            field: 'profile' as const,
            message: `Unknown profile "${profileText.slice(0, 40)}". Use current (today's documentation) or 2014 (what GenConnectorConfig.ps1 wrote).`,
          },
        ]),
  ];
  if (!connector.ok || !tenant.ok || !isProfile(profileText)) return { ok: false, issues };
  const urls = { connectorUrl: connector.value.url, tenantUrl: tenant.value.url };
  const profile = profileText;
  const servers = SERVER_TYPES.map((serverType): ServerPlan => {
    const info = SERVER_TYPE_INFO[serverType];
    return {
      serverType,
      title: info.title,
      configure: info.configure,
      keys: registrySettingsFor(serverType, profile, urls),
      followUpSteps: followUpSteps(serverType, urls.connectorUrl),
      gpoName: profile === 'current' ? info.gpoNameCurrent : info.gpoName2014,
      regFileName: `${info.fileStem}RedirectionConfiguration.reg`,
      localScriptFileName: `Apply${info.fileStem}RedirectionConfiguration.ps1`,
    };
  });
  return {
    ok: true,
    plan: {
      ...urls,
      profile,
      notices: [...connector.notices, ...tenant.notices, ...DEPLOYMENT_WARNINGS],
      servers,
      profileDifferences: compareProfiles(urls),
      gpoScriptFileName: GPO_SCRIPT_FILE_NAME,
    },
  };
}

/** The plan of one server type; every plan has all of them. */
export function serverPlanOf(plan: ServerConfigurationPlan, serverType: ServerType): ServerPlan {
  const server = plan.servers.find((candidate) => candidate.serverType === serverType);
  if (server === undefined) throw new Error(`The plan has no ${serverType} part.`);
  return server;
}
