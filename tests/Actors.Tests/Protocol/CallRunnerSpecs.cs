using System.Collections.Immutable;
using System.Text.Json;
using Akka.Actor;
using AkkaMcpEcho.Actors.Calls;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.Fixtures;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Actors.Tests.Protocol;

/// <summary>The runner of one streamed call, as a child of the test actor (which plays its session).</summary>
public sealed class CallRunnerSpecs : SessionSpec
{
    private static StreamCall Streamed(IActorRef stream, string tool, string arguments = "{}", string? token = null) =>
        new(new CallTool("s", tool, JsonElement.Parse(arguments),
                new RequestFacts("POST", "/mcp", null, DateTime.UtcNow.Ticks, ImmutableArray<HeaderField>.Empty)),
            "42", token, stream);

    /// <summary>A runner for a fixture tool's call, with the script its session would hand it.</summary>
    private static Props Fixture(StreamCall call, string? logLevel = null, bool resumable = false) =>
        CallRunner.Props(call, FixtureTools.Find(call.Call.ToolName)!.Start(call.Call.Arguments), logLevel, resumable);

    private static JsonElement Json(object message) =>
        JsonElement.Parse(JsonRpcWriter.Write(Assert.IsType<SessionEvent>(message).Message!));

    [Fact]
    public void A_default_tool_s_outcome_from_the_session_gets_a_final_progress_then_its_response()
    {
        var stream = CreateTestProbe();
        var runner = ChildActorOf(CallRunner.Props(Streamed(stream.Ref, "echo", token: "\"t\""), null, null));

        stream.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        runner.Tell(new ToolCallReply("echoed", IsError: false), TestActor);

        Assert.Equal("notifications/progress", Json(stream.ReceiveOne()).GetProperty("method").GetString());
        var response = Json(stream.ReceiveOne());
        Assert.Equal(42, response.GetProperty("id").GetInt32());
        Assert.Equal("echoed", response.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        stream.ExpectMsg<Status.Success>();
        Assert.Equal("42", ExpectMsg<CallRunner.Finished>().RequestIdJson);
    }

    [Fact]
    public void Invalid_arguments_for_older_versions_become_a_json_rpc_error()
    {
        var stream = CreateTestProbe();
        var runner = ChildActorOf(CallRunner.Props(Streamed(stream.Ref, "echo"), null, null));

        runner.Tell(new ToolCallReply("message is required", IsError: true, InvalidParams: true), TestActor);

        Assert.Equal(-32602, Json(stream.ReceiveOne()).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public void The_progress_fixture_paces_its_notifications_and_finishes()
    {
        var stream = CreateTestProbe();
        ChildActorOf(Fixture(Streamed(stream.Ref, "test_tool_with_progress", token: "9")));

        var events = stream.ReceiveN(4, TimeSpan.FromSeconds(5)).Select(Json).ToArray();

        Assert.Equal([0.0, 50.0, 100.0], events[..3].Select(e => e.GetProperty("params").GetProperty("progress").GetDouble()));
        Assert.All(events[..3], e => Assert.Equal(9, e.GetProperty("params").GetProperty("progressToken").GetInt32()));
        Assert.True(events[3].TryGetProperty("result", out _));
        stream.ExpectMsg<Status.Success>();
    }

    [Fact]
    public void Without_a_token_no_progress_is_sent()
    {
        var stream = CreateTestProbe();
        ChildActorOf(Fixture(Streamed(stream.Ref, "test_tool_with_progress")));

        Assert.True(Json(stream.ReceiveOne(TimeSpan.FromSeconds(5))).TryGetProperty("result", out _));
    }

    [Fact]
    public void Cancel_ends_the_stream_without_a_response()
    {
        var stream = CreateTestProbe();
        var runner = ChildActorOf(Fixture(Streamed(stream.Ref, "test_tool_with_progress", token: "1")));
        Json(stream.ReceiveOne());

        runner.Tell(CallRunner.Cancel.Instance);

        stream.FishForMessage(m => m is Status.Success, TimeSpan.FromSeconds(5));
        stream.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_client_answer_with_the_right_id_continues_the_script_and_others_are_ignored()
    {
        var stream = CreateTestProbe();
        var runner = ChildActorOf(Fixture(Streamed(stream.Ref, "test_elicitation", """{"message":"Name?"}""")));
        var request = Json(stream.ReceiveOne());
        var id = request.GetProperty("id").GetRawText();
        Assert.Equal("elicitation/create", request.GetProperty("method").GetString());

        runner.Tell(new CallRunner.Answer("\"other:1\"", """{"jsonrpc":"2.0","id":"other:1","result":{}}"""));
        stream.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        runner.Tell(new CallRunner.Answer(id,
            $$"""{"jsonrpc":"2.0","id":{{id}},"result":{"action":"accept","content":{"username":"ada"} } }"""));

        var text = Json(stream.ReceiveOne()).GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString();
        Assert.Equal("User response: action=accept, content={\"username\":\"ada\"}", text);
    }

    [Fact]
    public void Log_steps_below_the_session_level_are_not_sent()
    {
        var stream = CreateTestProbe();
        ChildActorOf(Fixture(Streamed(stream.Ref, "test_tool_with_logging"), "error"));

        Assert.True(Json(stream.ReceiveOne(TimeSpan.FromSeconds(5))).TryGetProperty("result", out _));
    }

    [Fact]
    public void A_missing_required_argument_is_a_tool_error()
    {
        var stream = CreateTestProbe();
        ChildActorOf(Fixture(Streamed(stream.Ref, "test_sampling")));

        var result = Json(stream.ReceiveOne()).GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("prompt", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void A_resumable_call_primes_its_stream_and_replays_after_the_resumed_sequence()
    {
        var first = CreateTestProbe();
        var runner = ChildActorOf(Fixture(Streamed(first.Ref, "test_reconnection"), resumable: true));

        var priming = first.ExpectMsg<SessionEvent>();
        Assert.Null(priming.Message);
        Assert.EndsWith("/0", priming.Label);
        var retry = first.ExpectMsg<SessionEvent>();
        Assert.Equal(500, retry.RetryMs);
        first.ExpectMsg<Status.Success>();

        var second = CreateTestProbe();
        runner.Tell(new ResumeCall("s", runner.Path.Name, 1, second.Ref));
        ExpectAnswer<StreamBound>();
        var response = second.ExpectMsg<SessionEvent>(TimeSpan.FromSeconds(5));
        Assert.Equal($"{runner.Path.Name}/2", response.Label);
        Assert.Equal(42, Json(response).GetProperty("id").GetInt32());
        second.ExpectMsg<Status.Success>();
    }

    [Fact]
    public void A_sequence_the_call_never_sent_is_refused()
    {
        var stream = CreateTestProbe();
        var runner = ChildActorOf(Fixture(Streamed(stream.Ref, "test_reconnection"), resumable: true));
        stream.ExpectMsg<SessionEvent>();

        runner.Tell(new ResumeCall("s", runner.Path.Name, 50, CreateTestProbe().Ref));

        Assert.NotNull(ExpectAnswer<StreamBound>().Refused);
    }
}
