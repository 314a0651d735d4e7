package org.pilotlifecycle.security;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Empties the {@link AuthenticationCache} whenever the engine's identity store changes: a user saved (a new
 * password), deleted or unlocked, a group saved or deleted, a membership created or deleted. It wraps the engine's
 * own database identity provider, so every entrance is covered (the engine REST API, the Admin webapp, Java
 * code). Evicted when the change is made and again when its transaction commits, so a request in between
 * cannot cache the state before the change.
 */
@Component
class IdentityChangeEviction extends AbstractProcessEnginePlugin {

  private final AuthenticationCache cache;

  IdentityChangeEviction(AuthenticationCache cache) {
    this.cache = cache;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getIdentityProviderSessionFactory() != null) {
      throw new IllegalStateException("Another identity provider is configured; the authentication cache would"
          + " not see its changes: set pilot.security.authentication-cache-ttl=PT0S and remove this plugin");
    }
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return EvictingIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new EvictingIdentityProvider(cache);
      }
    });
  }

  /** The engine's database identity provider, evicting the cache on every write. */
  static class EvictingIdentityProvider extends DbIdentityServiceProvider {

    private final AuthenticationCache cache;

    EvictingIdentityProvider(AuthenticationCache cache) {
      this.cache = cache;
    }

    private IdentityOperationResult evicting(IdentityOperationResult result) {
      cache.evictAll();
      var commandContext = Context.getCommandContext();
      if (commandContext != null) {
        commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
            committed -> cache.evictAll());
      }
      return result;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      return evicting(super.saveUser(user));
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      return evicting(super.deleteUser(userId));
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
      return evicting(super.unlockUser(userId));
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
      return evicting(super.saveGroup(group));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      return evicting(super.deleteGroup(groupId));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      return evicting(super.createMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      return evicting(super.deleteMembership(userId, groupId));
    }
  }
}
