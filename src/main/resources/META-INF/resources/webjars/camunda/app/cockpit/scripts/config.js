// Cockpit configuration of Pilot Lifecycle: the product's name in the header, and the "Stuck pilots" view on
// the dashboard.
export default {
  app: {
    vendor: 'Pilot Lifecycle',
    name: 'Cockpit'
  },
  customScripts: ['scripts/stuck-pilots/plugin.js']
};
