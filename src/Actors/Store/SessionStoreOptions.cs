namespace AkkaMcpEcho.Actors.Store;

/// <summary>Where sessions and handles live between requests (MCP_SESSION_STORE).</summary>
public enum SessionStoreKind
{
    /// <summary>In the actors' memory only: lost on restart or with their node; nothing is written.</summary>
    Memory,

    /// <summary>An embedded SQLite file: survives restarts of a single server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database every node reaches: survives restarts and the loss of nodes.</summary>
    Postgres,
}

/// <summary>The session store and its connection string (MCP_SESSION_STORE_CONNECTION, already in ADO.NET form).</summary>
public sealed record SessionStoreOptions(SessionStoreKind Kind, string? ConnectionString)
{
    public static SessionStoreOptions Memory { get; } = new(SessionStoreKind.Memory, null);

    public bool Durable => Kind != SessionStoreKind.Memory;

    /// <summary>The name /health and the logs use: memory, sqlite, postgres.</summary>
    public string Name => Kind.ToString().ToLowerInvariant();

    /// <summary>Linq2Db's provider for the kind.</summary>
    internal string ProviderName => Kind switch
    {
        SessionStoreKind.Sqlite => LinqToDB.ProviderName.SQLiteMS,
        SessionStoreKind.Postgres => LinqToDB.ProviderName.PostgreSQL,
        _ => throw new InvalidOperationException("The memory store has no database"),
    };
}
