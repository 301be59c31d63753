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
        Assert.Equal(new SessionTouched(id, "2025-06-18"), ExpectMsg<SessionTouched>(Patience));

        Echo(registry, id, "loud");
        Call(registry, id, "replayLastEcho");
        Assert.Contains("- Message Queue: 2 pending\n", Call(registry, id, "sessionInfo").Text);

        var stream = CreateTestProbe();
        registry.Tell(new AttachStream(id, stream.Ref));
        Assert.Equal(3, ExpectMsg<StreamAttached>(Patience).Flushed);
        var tools = new List<string>();
        for (var expectedId = 1; expectedId <= 3; expectedId++)
        {
            var item = stream.ExpectMsg<SessionEvent>(Patience);
            Assert.Equal(expectedId, item.Id);
            using var json = JsonDocument.Parse(item.Json);
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
        ExpectMsg<StreamAttached>(Patience);
        registry.Tell(new SetLogLevel(id, "debug"));
        ExpectMsg<SessionTouched>(Patience);

        Assert.True(Call(registry, id, "replayLastEcho").IsError);

        using var json = JsonDocument.Parse(stream.ExpectMsg<SessionEvent>(Patience).Json);
        Assert.True(json.RootElement.GetProperty("params").GetProperty("data").GetProperty("isError").GetBoolean());
    }

    [Fact]
    public void A_level_above_info_silences_the_activity_notifications()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        registry.Tell(new SetLogLevel(id, "warning"));
        ExpectMsg<SessionTouched>(Patience);

        Echo(registry, id, "not logged");

        Assert.Contains("- Message Queue: 0 pending\n", Call(registry, id, "sessionInfo").Text);
    }
}
