// Cockpit configuration of Pilot Lifecycle: adds the "Stuck pilots" view to the dashboard.
export default {
  customScripts: ['scripts/stuck-pilots/plugin.js']
};
