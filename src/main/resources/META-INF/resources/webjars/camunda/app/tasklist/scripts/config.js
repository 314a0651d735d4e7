// Tasklist configuration of Pilot Lifecycle: the product's name in the header, a link to the portfolio dashboard
// and on each card a link to its pilot's page; Camunda's default shortcuts.
export default {
  app: {
    vendor: 'Pilot Lifecycle',
    name: 'Tasklist'
  },
  customScripts: ['scripts/dashboard-links/plugin.js', 'scripts/evidence-tab/plugin.js', 'scripts/sso-logout.js'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
