// Welcome configuration of Pilot Lifecycle: the product's name in the header.
export default {
  app: {
    vendor: 'Pilot Lifecycle',
    name: 'Welcome'
  },
  customScripts: ['scripts/sso-logout.js']
};
