// Without single sign-on this script does nothing. With it (pilot.security.sso.enabled), the application serves
// another one at this path (SsoConfiguration): the webapps' logout then continues at the identity provider.
export default [];
