import { planServerConfiguration, type ServerConfigurationPlan } from '../plan-server-configuration.ts';
import type { Profile } from '../registry-settings.ts';

/** The connector URL of the golden files and most tests. */
export const SAMPLE_CONNECTOR_URL = 'https://rmsconnector.contoso.com';

/** The tenant URL of the golden files: the example of the documentation. */
export const SAMPLE_TENANT_URL = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';

/** A plan from the sample URLs; throws if they are refused, which would be a bug in the rules. */
export function samplePlan(profile: Profile = 'current', connectorUrl = SAMPLE_CONNECTOR_URL, tenantUrl = SAMPLE_TENANT_URL): ServerConfigurationPlan {
  const result = planServerConfiguration({ connectorUrl, tenantUrl, profile });
  if (!result.ok) throw new Error(`The sample input was refused: ${result.issues.map((issue) => issue.message).join(' ')}`);
  return result.plan;
}
