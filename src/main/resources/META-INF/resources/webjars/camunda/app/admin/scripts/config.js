// Admin configuration of Pilot Lifecycle: the product's name in the header.
export default {
  app: {
    vendor: 'Pilot Lifecycle',
    name: 'Admin'
  },
  customScripts: ['scripts/sso-logout.js']
};
