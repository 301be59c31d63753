using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.Persistence.Sql.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Store;

/// <summary>Registry key of the <see cref="StoreProbe"/> (durable stores only).</summary>
public sealed class StoreHealthKey;

public static class SessionStoreHosting
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A durable store: Akka.Persistence.Sql's journal on SQLite or PostgreSQL (tables created at start), the probe /health
    /// reads, and the janitor that expires stored sessions nobody comes back to. The memory store adds nothing.
    /// </summary>
    /// <param name="persistenceHocon">Circuit breaker and recovery timeouts (hocon/persistence.hocon).</param>
    public static AkkaConfigurationBuilder WithSessionStore(this AkkaConfigurationBuilder builder, SessionStoreOptions store,
        ServerProfile profile, Func<Config> persistenceHocon)
    {
        if (!store.Durable)
        {
            return builder;
        }
        return builder
            .WithSqlPersistence(store.ConnectionString!, store.ProviderName, PersistenceMode.Journal, autoInitialize: true)
            .AddHocon(persistenceHocon(), HoconAddMode.Prepend)
            .WithActors((system, registry) =>
            {
                registry.Register<StoreHealthKey>(system.ActorOf(StoreProbe.Props(store.Name), "store-probe"));
                system.ActorOf(StoreJanitor.Props(registry.Get<SessionRouter>(), profile.SessionTimeout), "store-janitor");
            })
            .AddStartup(async (system, registry) =>
            {
                // HTTP opens once the store has its tables, so the first requests don't wait on them; a store that is
                // down at start leaves the server up, degraded, after this bound.
                try
                {
                    await registry.Get<StoreHealthKey>().Ask<Messages.Store.StoreHealth>(AwaitStoreReady.Instance, ReadyWithin);
                }
                catch (AskTimeoutException)
                {
                    Logging.GetLogger(system, nameof(SessionStoreHosting)).Warning(
                        "The {0} session store was not reached within {1}s: serving, degraded, until it is", store.Name, ReadyWithin.TotalSeconds);
                }
            });
    }
}
