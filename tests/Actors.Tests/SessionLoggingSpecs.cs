using System.Text.Json;
using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class SessionLoggingSpecs : SessionSpec
{
    [Fact]
    public void Without_a_log_level_tool_calls_publish_no_notification()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);

        Echo(registry, id, "quiet");
        Call(registry, id, "replayLastEcho");

        Assert.Contains("- Message Queue: 0 pending\n", Call(registry, id, "sessionInfo").Text);
    }

    [Fact]
    public void At_level_info_each_tool_call_publishes_a_notifications_message()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        registry.Tell(new SetLogLevel(id, "info"));
        Assert.Equal(new LogLevelSet("info"), ExpectAnswer<LogLevelSet>());

        Echo(registry, id, "loud");
        Call(registry, id, "replayLastEcho");
        Assert.Contains("- Message Queue: 2 pending\n", Call(registry, id, "sessionInfo").Text);

        var stream = CreateTestProbe();
        registry.Tell(new AttachStream(id, stream.Ref));
        Assert.Equal(3, ExpectAnswer<StreamBound>().Flushed);
        var tools = new List<string>();
        for (var expectedId = 1; expectedId <= 3; expectedId++)
        {
            var item = stream.ExpectMsg<SessionEvent>(Patience);
            Assert.Equal(expectedId, item.Id);
            using var json = JsonDocument.Parse(TestRequests.Written(item));
            var root = json.RootElement;
            Assert.Equal("2.0", root.GetProperty("jsonrpc").GetString());
            Assert.Equal("notifications/message", root.GetProperty("method").GetString());
            Assert.False(root.TryGetProperty("id", out _));
            Assert.Equal("info", root.GetProperty("params").GetProperty("level").GetString());
            var data = root.GetProperty("params").GetProperty("data");
            Assert.Equal("tools/call", data.GetProperty("event").GetString());
            Assert.False(data.GetProperty("isError").GetBoolean());
            tools.Add(data.GetProperty("tool").GetString()!);
        }
        Assert.Equal(["echo", "replayLastEcho", "sessionInfo"], tools);
    }

    [Fact]
    public void A_failed_tool_call_is_logged_as_an_error_outcome()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        var stream = CreateTestProbe();
        registry.Tell(new AttachStream(id, stream.Ref));
        ExpectAnswer<StreamBound>();
        registry.Tell(new SetLogLevel(id, "debug"));
        ExpectAnswer<LogLevelSet>();

        Assert.True(Call(registry, id, "replayLastEcho").IsError);

        using var json = JsonDocument.Parse(TestRequests.Written(stream.ExpectMsg<SessionEvent>(Patience)));
        Assert.True(json.RootElement.GetProperty("params").GetProperty("data").GetProperty("isError").GetBoolean());
    }

    [Fact]
    public void A_level_above_info_silences_the_activity_notifications()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        registry.Tell(new SetLogLevel(id, "warning"));
        ExpectAnswer<LogLevelSet>();

        Echo(registry, id, "not logged");

        Assert.Contains("- Message Queue: 0 pending\n", Call(registry, id, "sessionInfo").Text);
    }
}
