/**
 * The server configuration generator: the registry values that point Exchange, SharePoint
 * and FCI file servers at the RMS connector, as .reg files, a Group Policy script and
 * per-server PowerShell scripts (the job of Microsoft's GenConnectorConfig.ps1).
 *
 * Pure apart from {@link readTenantUrl} and {@link writeOutputFiles} (the all-or-nothing writer
 * the CLI and the console share).
 */
export type { Checked, InputIssue, InputIssueCode, Notice, NoticeCode } from './config-issues.ts';
export { DEPLOYMENT_WARNINGS, followUpSteps } from './follow-up-steps.ts';
export { renderGpoScript } from './gpo-script.ts';
export { renderLocalScript } from './local-script.ts';
export { renderOutputFiles, type OutputFile } from './output-files.ts';
export { GPO_SCRIPT_FILE_NAME, planServerConfiguration, serverPlanOf } from './plan-server-configuration.ts';
export type { PlanResult, ServerConfigurationInput, ServerConfigurationPlan, ServerPlan } from './plan-server-configuration.ts';
export { compareProfiles, type ProfileDifference } from './profile-differences.ts';
export { readTenantUrl, RMSO_URI_PATH } from './read-tenant-url.ts';
export type { ReadTenantUrlOptions, TenantUrlErrorCode, TenantUrlReading } from './read-tenant-url.ts';
export { REG_FILE_HEADER, renderRegFile, renderRegText } from './reg-file.ts';
export { isProfile, PROFILES, registrySettingsFor } from './registry-settings.ts';
export type { Profile, RegistryKey, RegistryValue, SettingUrls } from './registry-settings.ts';
export { isServerType, SERVER_TYPE_INFO, SERVER_TYPES } from './server-types.ts';
export type { ServerType, ServerTypeInfo } from './server-types.ts';
export type { PageAnswer, PageRequest, PageTransport, PageTransportOptions } from './tenant-url-transport.ts';
export { parseConnectorUrl, parseTenantUrl } from './url-rules.ts';
export type { ConnectorUrl, TenantUrl } from './url-rules.ts';
export { OutputWriteError, writeOutputFiles, type WriteOutputOptions } from './write-output-files.ts';
