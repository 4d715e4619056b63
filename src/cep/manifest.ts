import type { CepConfig } from './cep-config.ts';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/**
 * CSXS/manifest.xml for the panel: one Panel extension for PPRO, the loader page as its main page
 * (it starts the backend, then opens the panel the backend serves), host script loaded at start.
 * `bundleVersion` is package.json's version, read by the build.
 */
export function renderManifest(config: CepConfig, bundleVersion: string): string {
  const id = escapeXml(config.id);
  const version = escapeXml(bundleVersion);
  const params = config.cefParams.map((p) => `          <Parameter>${escapeXml(p)}</Parameter>`).join('\n');
  const { width, height, min, max } = config.size;
  const icons = config.icons;
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
      <RequiredRuntime Name="CSXS" Version="${escapeXml(config.runtimeVersionRange)}" />
    </RequiredRuntimeList>
  </ExecutionEnvironment>
  <DispatchInfoList>
    <Extension Id="${id}.main">
      <DispatchInfo>
        <Resources>
          <MainPath>./loader/index.html</MainPath>
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
            <MinSize><Width>${min.width}</Width><Height>${min.height}</Height></MinSize>
            <MaxSize><Width>${max.width}</Width><Height>${max.height}</Height></MaxSize>
          </Geometry>
          <Icons>
            <Icon Type="Normal">${escapeXml(icons.light)}</Icon>
            <Icon Type="RollOver">${escapeXml(icons.lightRollOver)}</Icon>
            <Icon Type="DarkNormal">${escapeXml(icons.dark)}</Icon>
            <Icon Type="DarkRollOver">${escapeXml(icons.darkRollOver)}</Icon>
          </Icons>
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
