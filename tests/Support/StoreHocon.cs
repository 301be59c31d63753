namespace AkkaMcpEcho.Tests.Support;

/// <summary>
/// An actor system's configuration for a durable session store without the server's hosting: Akka.Persistence.Sql's
/// journal on a SQLite file, and the project's serializer for the stored sessions.
/// </summary>
public static class StoreHocon
{
    /// <summary>A fresh file under the system's temporary folder, for one test.</summary>
    public static string NewSqliteFile() => Path.Combine(Path.GetTempPath(), $"akka-mcp-echo-spec-{Guid.NewGuid():N}.db");

    public static string Sqlite(string file) => $$"""
        akka.persistence.journal.plugin = "akka.persistence.journal.sql"
        akka.persistence.journal.sql {
          class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
          connection-string = "Data Source={{file}}"
          provider-name = "SQLite.MS"
          auto-initialize = on
          circuit-breaker { max-failures = 5, call-timeout = 4s, reset-timeout = 1s }
          recovery-event-timeout = 3s
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.no-snapshot-store"
        akka.actor.serializers.echo = "AkkaMcpEcho.Actors.Serialization.EchoMessageSerializer, AkkaMcpEcho.Actors"
        akka.actor.serialization-bindings { "AkkaMcpEcho.Messages.IEchoMessage, AkkaMcpEcho.Messages" = echo }
        """;
}
