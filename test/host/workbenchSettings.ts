/**
 * User settings for a throwaway code-server profile. Each one silences something that either
 * reaches for the network (closed here, so it only logs errors) or pops up over the workbench and
 * would hide what a test or screenshot needs to see.
 */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  // Ports the extension host or chromium open would otherwise appear as forwarded ports.
  'remote.autoForwardPorts': false,
  // The fixture lives inside this repository; without this the Git extension offers to open it.
  'git.openRepositoryInParentFolders': 'never',
  // Scenes and tests type into real files: an auto-save would write their edits into the repo.
  'files.autoSave': 'off',
};

/** Trust on without the modal that asks on opening a folder: the folder stays untrusted (Restricted Mode). */
export const RESTRICTED_MODE_SETTINGS: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

export type Theme = 'dark' | 'light';

/** VS Code's default themes, named as workbench.colorTheme expects. */
export function colorThemeSetting(theme: Theme): Record<string, unknown> {
  return { 'workbench.colorTheme': theme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern' };
}
