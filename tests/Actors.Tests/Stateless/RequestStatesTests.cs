using System.Text;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Actors.Tests.Stateless;

/// <summary>The protection of requestState: only a state this server sealed, for this request, in time, opens.</summary>
public sealed class RequestStatesTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("the cluster's shared requestState key");
    private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("another server's requestState key");
    private const string Tool = "test_input_required_result_tampered_state";
    private const string Data = """{"kind":"tamper-test","round":1}""";

    private readonly Clock _clock = new(new DateTimeOffset(2026, 7, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Opens_what_it_sealed_for_the_same_request()
    {
        var states = new RequestStates(Key, _clock, Lifetime);

        var (data, problem) = states.Open(states.Seal("tools/call", Tool, Data), "tools/call", Tool);

        Assert.Null(problem);
        Assert.Equal(Data, data!.Value.GetRawText());
    }

    [Fact]
    public void Refuses_a_state_that_was_tampered_with()
    {
        var states = new RequestStates(Key, _clock, Lifetime);
        var state = states.Seal("tools/call", Tool, Data);
        var parts = state.Split('.');
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"m":"tools/call","n":"test_input_required_result_tampered_state","exp":99999999999999,"d":{"kind":"tamper-test","round":2}}""")).TrimEnd('=')
            .Replace('+', '-').Replace('/', '_');

        Assert.Contains("signature does not match", Problem(states, state + "-TAMPERED", Tool));
        Assert.Contains("not base64url", Problem(states, $"{parts[0]}.{parts[1]}.!!", Tool));
        Assert.Contains("signature does not match", Problem(states, $"{parts[0]}.{forged}.{parts[2]}", Tool));
        Assert.Contains("not a state this server issued", Problem(states, "opaque", Tool));
    }

    [Fact]
    public void Refuses_a_state_once_it_expired()
    {
        var states = new RequestStates(Key, _clock, Lifetime);
        var state = states.Seal("tools/call", Tool, Data);

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.Null(states.Open(state, "tools/call", Tool).Problem);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("expired", Problem(states, state, Tool));
    }

    [Fact]
    public void Refuses_a_state_minted_for_another_tool_or_method()
    {
        var states = new RequestStates(Key, _clock, Lifetime);
        var state = states.Seal("tools/call", "test_input_required_result_request_state", Data);

        Assert.Contains("issued for tools/call test_input_required_result_request_state", Problem(states, state, Tool));
        Assert.Contains("not prompts/get", states.Open(state, "prompts/get", "test_input_required_result_request_state").Problem);
    }

    [Fact]
    public void Refuses_a_state_sealed_under_another_key()
    {
        var other = new RequestStates(OtherKey, _clock, Lifetime);
        var state = other.Seal("tools/call", Tool, Data);

        Assert.Contains("sealed under another key", Problem(new RequestStates(Key, _clock, Lifetime), state, Tool));
        Assert.Null(new RequestStates(OtherKey, _clock, Lifetime).Open(state, "tools/call", Tool).Problem);
    }

    private static string Problem(RequestStates states, string state, string tool)
    {
        var (data, problem) = states.Open(state, "tools/call", tool);
        Assert.Null(data);
        return Assert.IsType<string>(problem);
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
