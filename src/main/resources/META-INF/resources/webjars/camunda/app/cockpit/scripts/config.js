// Cockpit configuration of Pilot Lifecycle: the product's name in the header, the "Stuck pilots" view on the
// dashboard, the stuck pilots on each process diagram, and the pilot behind a process instance (a tab).
export default {
  app: {
    vendor: 'Pilot Lifecycle',
    name: 'Cockpit'
  },
  customScripts: ['scripts/stuck-pilots/plugin.js', 'scripts/stuck-pilots/diagram-overlay.js', 'scripts/pilot-tab/plugin.js',
    'scripts/sso-logout.js']
};
