using Akka.Actor;
using Akka.Configuration;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Actors.Store;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Store;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;
using Microsoft.Data.Sqlite;

namespace AkkaMcpEcho.Actors.Tests.Store;

/// <summary>
/// Sessions on a durable store (a SQLite file through Akka.Persistence.Sql): what a session was told survives its actor
/// system, an ended or expired session's rows hold nothing of it, and a store that cannot be reached answers
/// "unavailable", never "not found".
/// </summary>
public sealed class DurableSessionSpecs : SessionSpec, IDisposable
{
    private readonly string _file;

    public DurableSessionSpecs() : this(StoreHocon.NewSqliteFile())
    {
    }

    private DurableSessionSpecs(string file) : base(StoreHocon.Sqlite(file)) => _file = file;

    /// <summary>The journal creates its tables at start; on a loaded machine that takes seconds, so each spec waits for it.</summary>
    private static async Task StoreReady(ActorSystem system) =>
        await system.ActorOf(StoreProbe.Props("sqlite")).Ask<StoreHealth>(AwaitStoreReady.Instance, TimeSpan.FromSeconds(60));

    private static ServerProfile Durable(TimeSpan? timeout = null) => TestRequests.Profile(timeout) with { DurableSessions = true };

    [Fact]
    public async Task A_session_recovers_its_state_and_events_in_a_new_actor_system()
    {
        await StoreReady(Sys);
        var registry = NewRegistry(Durable());
        var id = StartSession(registry);
        Echo(registry, id, "one");
        Echo(registry, id, "two ✨");
        registry.Tell(new SetLogLevel(id, "debug"));
        ExpectAnswer<LogLevelSet>();
        registry.Tell(new PublishEvent(id, TestRequests.Note("""{"kept":1}""")));
        Echo(registry, id, "three");

        await Sys.Terminate();
        using var next = ActorSystem.Create("next", ConfigurationFactory.ParseString(StoreHocon.Sqlite(_file)));
        var probe = new Akka.TestKit.TestProbe(next, new Akka.TestKit.Xunit2.XunitAssertions());
        var restored = next.ActorOf(SessionRegistry.Props(Durable()));

        restored.Tell(TestRequests.Echo(id, "four"), probe.Ref);
        var echo = probe.ExpectMsg<SessionAnswer<ToolCallReply>>(Patience).Reply!;
        Assert.Contains("Echo count in session: 4", echo.Text);
        restored.Tell(TestRequests.Call(id, "sessionInfo"), probe.Ref);
        var info = SessionInfoText.Parse(probe.ExpectMsg<SessionAnswer<ToolCallReply>>(Patience).Reply!.Text);
        Assert.Contains("spec-client", info["Client"]);
        Assert.Equal("2025-06-18", info["Protocol Version"]);
        // initialize, three echoes and setLevel before; the fourth echo and this sessionInfo after
        Assert.Equal("7", info["Total Requests"]);
        restored.Tell(TestRequests.Call(id, "replayLastEcho"), probe.Ref);
        Assert.Contains("four", probe.ExpectMsg<SessionAnswer<ToolCallReply>>(Patience).Reply!.Text);

        var stream = new Akka.TestKit.TestProbe(next, new Akka.TestKit.Xunit2.XunitAssertions());
        restored.Tell(new ResumeStream(id, stream.Ref, 0), probe.Ref);
        Assert.Null(probe.ExpectMsg<SessionAnswer<StreamBound>>(Patience).Reply!.Refused);
        Assert.Equal(new SessionEvent(1, TestRequests.Note("""{"kept":1}""")), stream.ExpectMsg<SessionEvent>(Patience));
        await next.Terminate();
    }

    [Fact]
    public async Task An_ended_session_leaves_nothing_of_itself_in_the_store_and_stays_unknown()
    {
        await StoreReady(Sys);
        var registry = NewRegistry(Durable());
        var id = StartSession(registry);
        Echo(registry, id, "ended-marker-7f3a");
        Assert.True(StoredRowsMentioning("ended-marker-7f3a") > 0);

        registry.Tell(new EndSession(id));
        ExpectAnswer<SessionEnded>();

        Assert.Equal(0, StoredRowsMentioning("ended-marker-7f3a"));
        Assert.Equal(0, LiveRows(id));
        registry.Tell(TestRequests.Echo(id, "after"));
        ExpectNotFound<ToolCallReply>(id);
        await AwaitStatsAsync(registry, stats => Assert.Equal(1, stats.Ended));
    }

    [Fact]
    public async Task An_expired_session_is_erased_from_the_store()
    {
        await StoreReady(Sys);
        var registry = NewRegistry(Durable(TimeSpan.FromSeconds(2)));
        var id = StartSession(registry);
        Echo(registry, id, "expired-marker-91c2");

        await AwaitStatsAsync(registry, stats => Assert.Equal(1, stats.Expired));
        await AwaitAssertAsync(() => Assert.Equal(0, StoredRowsMentioning("expired-marker-91c2")), Patience);
        Assert.Equal(0, LiveRows(id));
        registry.Tell(new TouchSession(id, "ping"));
        ExpectNotFound<SessionTouched>(id);
    }

    [Fact]
    public async Task A_stored_session_idle_past_the_timeout_expires_when_woken()
    {
        await StoreReady(Sys);
        var registry = NewRegistry(Durable());
        var id = StartSession(registry);
        Echo(registry, id, "woken-marker-55d0");
        await Sys.Terminate();

        using var next = ActorSystem.Create("next", ConfigurationFactory.ParseString(StoreHocon.Sqlite(_file)));
        var probe = new Akka.TestKit.TestProbe(next, new Akka.TestKit.Xunit2.XunitAssertions());
        var restored = next.ActorOf(SessionRegistry.Props(Durable(TimeSpan.FromMilliseconds(1))));
        restored.Tell(new WakeSession(id), probe.Ref);
        await AwaitAssertAsync(() => Assert.Equal(0, StoredRowsMentioning("woken-marker-55d0")), Patience);
        restored.Tell(new TouchSession(id, "ping"), probe.Ref);
        Assert.Null(probe.ExpectMsg<SessionAnswer<SessionTouched>>(Patience).Reply);
        await next.Terminate();
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_and_writes_nothing()
    {
        await StoreReady(Sys);
        var registry = NewRegistry(Durable());
        StartSession(registry);
        var unknown = Guid.NewGuid().ToString();
        registry.Tell(TestRequests.Echo(unknown, "x"));
        ExpectNotFound<ToolCallReply>(unknown);
        Assert.Equal(0, LiveRows(unknown));
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_answers_unavailable_not_created()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"akka-mcp-echo-missing-{Guid.NewGuid():N}");
        using var broken = ActorSystem.Create("broken", ConfigurationFactory.ParseString(StoreHocon.Sqlite(Path.Combine(dir, "x.db"))));
        var probe = new Akka.TestKit.TestProbe(broken, new Akka.TestKit.Xunit2.XunitAssertions());
        var registry = broken.ActorOf(SessionRegistry.Props(Durable()));
        registry.Tell(new CreateSession("2025-06-18", ClientInfo.Unknown), probe.Ref);
        var answer = probe.ExpectMsg<SessionUnavailable>(Patience);
        Assert.StartsWith("The session store is unavailable", answer.Reason);
        registry.Tell(TestRequests.Echo(answer.SessionId, "x"), probe.Ref);
        Assert.StartsWith("The session store is unavailable", probe.ExpectMsg<SessionUnavailable>(Patience).Reason);
        await broken.Terminate();
    }

    private long StoredRowsMentioning(string text) =>
        Count("SELECT COUNT(*) FROM journal WHERE CAST(message AS TEXT) LIKE $text", ("$text", $"%{text}%"));

    private long LiveRows(string sessionId) =>
        Count("SELECT COUNT(*) FROM journal WHERE persistence_id = $id AND deleted = 0", ("$id", "session-" + sessionId));

    private long Count(string sql, (string Name, string Value) parameter)
    {
        using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        return (long)command.ExecuteScalar()!;
    }

    public new void Dispose()
    {
        base.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }
}
