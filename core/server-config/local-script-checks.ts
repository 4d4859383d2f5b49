import type { ServerType } from './server-types.ts';

/**
 * The prerequisite checks of the local script for one server type, as PowerShell lines.
 *
 * The checks follow GenConnectorConfig.ps1's (facts §2.4), with two corrections: SharePoint
 * 2016 and 2019 (version 16.0) are recognised, and MSIPC must be 1.0.2004.0 or later, the
 * version today's documentation requires (the script asked for 1.0.622.34). They call the
 * script's `Add-Failure`, `Add-Warning`, `Write-Pass` and `Get-RegistryText` helpers.
 */
export function prerequisiteChecks(serverType: ServerType): string[] {
  switch (serverType) {
    case 'exchange2013':
      return [...exchangeCheck('v15', 'Exchange 2013, 2016 or 2019'), ...msdrmCheck()];
    case 'exchange2010':
      return [...exchangeCheck('v14', 'Exchange 2010'), ...msdrmCheck()];
    case 'sharepoint2013':
      return [
        "$sharePoint = @('16.0', '15.0') | Where-Object { $null -ne (Get-RegistryText \"SOFTWARE\\Microsoft\\Shared Tools\\Web Server Extensions\\$_\" 'Version') } | Select-Object -First 1",
        'if ($null -ne $sharePoint) { Write-Pass "SharePoint (version $sharePoint) is installed." } else { Add-Failure \'SharePoint 2013, 2016 or 2019 does not appear to be installed on this server.\' }',
        ...msipcCheck(),
      ];
    case 'sharepoint2010':
      return [
        "if ($null -ne (Get-RegistryText 'SOFTWARE\\Microsoft\\Shared Tools\\Web Server Extensions\\14.0' 'Version')) { Write-Pass 'SharePoint 2010 is installed.' } else { Add-Failure 'SharePoint 2010 does not appear to be installed on this server.' }",
        ...msdrmCheck(),
      ];
    case 'fci2012':
      return [
        "if ($null -ne (Get-Service -Name 'SrmSvc' -ErrorAction SilentlyContinue)) { Write-Pass 'File Server Resource Manager is installed.' } else { Add-Failure 'File Server Resource Manager (FS-Resource-Manager) does not appear to be installed on this server.' }",
        ...msdrmCheck(),
      ];
  }
}

function exchangeCheck(version: 'v14' | 'v15', product: string): string[] {
  return [
    `if ($null -ne (Get-RegistryText 'SOFTWARE\\Microsoft\\ExchangeServer\\${version}\\Setup' 'MsiProductMajor')) { Write-Pass '${product} is installed.' } else { Add-Failure '${product} does not appear to be installed on this server.' }`,
  ];
}

function msdrmCheck(): string[] {
  return [
    "$msdrmFile = Join-Path $env:windir 'System32\\msdrm.dll'",
    'if (-not (Test-Path -LiteralPath $msdrmFile)) {',
    "    Add-Failure 'MSDRM (msdrm.dll) is missing: this server cannot use RMS.'",
    '} else {',
    '    $info = (Get-Item -LiteralPath $msdrmFile).VersionInfo',
    '    $msdrm = [Version]::new($info.FileMajorPart, $info.FileMinorPart, $info.FileBuildPart, $info.FilePrivatePart)',
    "    $weak = $msdrm.Major -lt 6 -or ($msdrm.Major -eq 6 -and $msdrm.Minor -eq 0 -and $msdrm -lt [Version]'6.0.6002.22761') -or ($msdrm.Major -eq 6 -and $msdrm.Minor -eq 1 -and $msdrm -lt [Version]'6.1.7600.17000')",
    '    if ($weak) { Add-Warning "MSDRM $msdrm does not support strong cryptography (Cryptographic Mode 2); install the hotfix of KB 2627272." } else { Write-Pass "MSDRM $msdrm supports Cryptographic Mode 2." }',
    '}',
  ];
}

function msipcCheck(): string[] {
  return [
    "$msipcText = Get-RegistryText 'SOFTWARE\\Microsoft\\MSIPC\\CurrentVersion' ''",
    '$msipc = $null',
    'if ($null -eq $msipcText -or -not [Version]::TryParse([string]$msipcText, [ref]$msipc)) {',
    "    Add-Failure 'The RMS client 2.1 (MSIPC) does not appear to be installed on this server.'",
    "} elseif ($msipc -lt [Version]'1.0.2004.0') {",
    '    Add-Failure "MSIPC $msipc is too old: SharePoint needs 1.0.2004.0 or later (RMS client 2.1)."',
    '} else {',
    '    Write-Pass "MSIPC $msipc is installed."',
    '}',
  ];
}
