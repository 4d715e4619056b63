import type { CepConfig } from './cep-config.ts';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** CSXS/manifest.xml for the panel: one Panel extension for PPRO, host script loaded at start. */
export function renderManifest(config: CepConfig): string {
  const id = escapeXml(config.id);
  const version = escapeXml(config.version);
  const params = config.cefParams.map((p) => `          <Parameter>${escapeXml(p)}</Parameter>`).join('\n');
  const { width, height, minWidth, minHeight } = config.size;
  return `<?xml version="1.0" encoding="UTF-8"?>
<ExtensionManifest Version="7.0" ExtensionBundleId="${id}" ExtensionBundleVersion="${version}"
  ExtensionBundleName="${escapeXml(config.displayName)}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ExtensionList>
    <Extension Id="${id}.main" Version="${version}" />
  </ExtensionList>
  <ExecutionEnvironment>
    <HostList>
      <Host Name="PPRO" Version="${escapeXml(config.hostVersionRange)}" />
    </HostList>
    <LocaleList>
      <Locale Code="All" />
    </LocaleList>
    <RequiredRuntimeList>
      <RequiredRuntime Name="CSXS" Version="${escapeXml(config.runtimeVersion)}" />
    </RequiredRuntimeList>
  </ExecutionEnvironment>
  <DispatchInfoList>
    <Extension Id="${id}.main">
      <DispatchInfo>
        <Resources>
          <MainPath>./panel/index.html</MainPath>
          <ScriptPath>./host/modelbridge.jsx</ScriptPath>
          <CEFCommandLine>
${params}
          </CEFCommandLine>
        </Resources>
        <Lifecycle>
          <AutoVisible>true</AutoVisible>
        </Lifecycle>
        <UI>
          <Type>Panel</Type>
          <Menu>${escapeXml(config.displayName)}</Menu>
          <Geometry>
            <Size><Width>${width}</Width><Height>${height}</Height></Size>
            <MinSize><Width>${minWidth}</Width><Height>${minHeight}</Height></MinSize>
          </Geometry>
        </UI>
      </DispatchInfo>
    </Extension>
  </DispatchInfoList>
</ExtensionManifest>
`;
}

/** The `.debug` file that opens Chromium's remote debugger for the panel on a fixed port. */
export function renderDebugFile(config: CepConfig, port = 8860): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ExtensionList>
  <Extension Id="${escapeXml(config.id)}.main">
    <HostList>
      <Host Name="PPRO" Port="${port}" />
    </HostList>
  </Extension>
</ExtensionList>
`;
}
