using AkkaMcpEcho.Actors.Store;
using Row = AkkaMcpEcho.Http.Configuration.SettingsTable;

namespace AkkaMcpEcho.Http.Configuration;

/// <summary>MCP_SESSION_STORE and its connection: the store's options, with the connection in ADO.NET form.</summary>
public static class SessionStores
{
    public const string DefaultSqliteFile = "akka-mcp-echo-sessions.db";

    internal static SessionStoreOptions From(SettingsReader read)
    {
        var kind = read.Get(Row.SessionStore);
        var connection = read.Get(Row.SessionStoreConnection);
        switch (kind)
        {
            case SessionStoreKind.Sqlite:
                var file = connection ?? DefaultSqliteFile;
                return new SessionStoreOptions(kind, file.Contains('=') ? file : $"Data Source={file}");
            case SessionStoreKind.Postgres when connection is null || !connection.Contains('='):
                read.Problems.Add($"{Row.SessionStoreConnection.Key}: postgres needs a connection string "
                    + "(Host=HOST;Port=5432;Database=NAME;Username=USER;Password=...)");
                return SessionStoreOptions.Memory;
            case SessionStoreKind.Postgres:
                return new SessionStoreOptions(kind, connection);
            default:
                return SessionStoreOptions.Memory;
        }
    }
}
