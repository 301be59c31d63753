using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Actors.Tests.Faults;

/// <summary>The Echo-Fault vocabulary as pure functions: every bound accepted at its edge, and the canonical names.</summary>
public sealed class FaultVocabularyTests
{
    [Theory]
    [InlineData("delay=0", FaultEffect.Delay, 0)]
    [InlineData("delay=60000", FaultEffect.Delay, 60000)]
    [InlineData("slow-stream=1", FaultEffect.SlowStream, 1)]
    [InlineData("slow-stream=10000", FaultEffect.SlowStream, 10000)]
    [InlineData("drop-stream-after=0", FaultEffect.DropStreamAfter, 0)]
    [InlineData("drop-stream-after=1000", FaultEffect.DropStreamAfter, 1000)]
    [InlineData("rpc-error=-2147483648", FaultEffect.RpcError, int.MinValue)]
    [InlineData("STATUS = 401", FaultEffect.Status, 401)]
    [InlineData("drop", FaultEffect.Drop, 0)]
    public void Each_bound_is_accepted_at_its_edge(string text, FaultEffect effect, int value)
    {
        var (action, problem) = FaultVocabulary.Parse(text);

        Assert.Null(problem);
        Assert.Equal(new FaultAction(effect, value), action);
    }

    [Fact]
    public void Parameters_are_accepted_at_their_edges()
    {
        Assert.Equal(3600, FaultVocabulary.Parse("status=429; retry-after=3600").Action!.RetryAfterSeconds);
        Assert.Equal(200, FaultVocabulary.Parse("rpc-error=1; message=" + new string('x', 200)).Action!.Message!.Length);
        Assert.Null(FaultVocabulary.Parse("delay=1" + new string(' ', FaultVocabulary.MaxLength - 7)).Problem);
        Assert.Equal("longer than 512 characters (513)", FaultVocabulary.Parse(new string('x', 513)).Problem);
    }

    [Theory]
    [InlineData("status=503;retry-after=2", "status=503; retry-after=2")]
    [InlineData("malformed=SSE", "malformed=sse")]
    [InlineData("header-mismatch", "header-mismatch")]
    [InlineData("rpc-error=-32603 ; message=down", "rpc-error=-32603; message=down")]
    public void A_fault_is_named_in_one_canonical_form(string text, string canonical) =>
        Assert.Equal(canonical, FaultText.Of(FaultVocabulary.Parse(text).Action!));

    [Fact]
    public void A_rule_is_made_with_its_defaults_and_its_counts_bounded()
    {
        var (rule, _) = FaultRules.Make("s1", "drop", null, null, " tools/call ", "", defaultCount: 1);
        var (most, _) = FaultRules.Make("s1", "drop", 1000, 100, null, null, defaultCount: null);

        Assert.Equal(new FaultRule("s1", new FaultAction(FaultEffect.Drop), "tools/call", null, 1, 100), rule);
        Assert.Equal((1000, 100), (most!.Remaining, most.Probability));
        Assert.Equal("count: expected a whole number from 1 to 1000, got 1001", FaultRules.Make("s", "drop", 1001, null, null, null, 1).Problem);
        Assert.Equal("method: at most 100 characters, got 101", FaultRules.Make("s", "drop", null, null, new string('m', 101), null, 1).Problem);
    }
}
