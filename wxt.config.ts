import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// `wxt build --mode test` writes .output/chrome-mv3-test/: the production build plus the
// "all sites" access (as if the user had granted it: the generic content script on every page no
// site script covers) and the test hooks (docs/CONTRACT.md). The hooks
// are compiled in only where `import.meta.env.MODE === 'test'`, so production bundles carry none.
const OWN_CONTEXT = fileURLToPath(new URL('./entrypoints/content/context.ts', import.meta.url));
const allSites = ['http://*/*', 'https://*/*'];
// public/icon/<size>.png, drawn by scripts/icons.ts (off-<size>.png: the toolbar button on a site
// where the user turned papershelf off).
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  imports: false,
  // The content scripts use our own context (entrypoints/content/context.ts) in place of WXT's,
  // which announces every start to the page with the extension's id and stops when the page
  // replays that announcement.
  vite: () => ({
    plugins: [
      preact(),
      {
        name: 'papershelf-content-script-context',
        enforce: 'pre' as const,
        resolveId: (id: string) => (id === 'wxt/utils/content-script-context' ? OWN_CONTEXT : null),
      },
    ],
  }),
  manifest: ({ browser }) => ({
    name: 'papershelf',
    description: 'Finds the research papers on the page you are reading and keeps an offline reading list.',
    icons: ICONS,
    action: { default_title: 'papershelf', default_icon: ICONS },
    // activeTab + scripting: find papers on any page the user asks about from the toolbar.
    // sidePanel: the reading list (Firefox: sidebar_action, no permission). The optional host permission is "find papers on every site".
    // storage: the sites where the user turned papershelf off (lib/site-settings.ts).
    // contextMenus: "Save linked paper" on links to papers (lib/commands.ts).
    // unlimitedStorage: the library's backup in storage.local has no 10 MB cap (lib/durability).
    permissions:
      browser === 'firefox'
        ? ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage']
        : ['activeTab', 'scripting', 'sidePanel', 'storage', 'contextMenus', 'unlimitedStorage'],
    // Keyboard commands (lib/commands.ts); people change the keys at chrome://extensions/shortcuts.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: 'Show the papers on this tab' },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open the reading list' },
      'save-tab-paper': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save the paper of this tab' },
      'save-tab-papers': { suggested_key: { default: 'Alt+Shift+A' }, description: 'Save all papers on this tab' },
    },
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // downloads: the backup file, asked for when the user turns it on (lib/durability/backup-file.ts).
    optional_permissions: ['downloads'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'papershelf@papershelf.dev', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'test') return;
      manifest.host_permissions = allSites;
      // Granted at install, as a click on the browser's prompt would: the backup file's browser test.
      manifest.permissions = [...(manifest.permissions ?? []), 'downloads'];
      // What lib/access.ts registers once the grant is given: the script for pages no site reader knows.
      const sites = [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []))];
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: allSites, exclude_matches: sites, js: ['content-scripts/content.js'], run_at: 'document_start' },
      ];
    },
  },
});
