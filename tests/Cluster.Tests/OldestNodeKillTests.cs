using System.Net;
using Xunit.Abstractions;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// The first seconds after the oldest node of three is killed hard under load (see <see cref="OldestNodeKill"/>), against
/// what docs/cluster.md promises.
/// </summary>
public sealed class OldestNodeKillTests(OldestNodeKill kill, ITestOutputHelper output) : IClassFixture<OldestNodeKill>
{
    /// <summary>docs/cluster.md: 404 after at most 0.6 × MCP_ASK_TIMEOUT; the slack covers HTTP on a loaded machine.</summary>
    private static readonly TimeSpan NotFoundWithin = OldestNodeKill.AskTimeout * 0.6 + TimeSpan.FromMilliseconds(1250);

    /// <summary>docs/cluster.md, "A node killed hard": the documented time from the kill until the cluster is back to normal.</summary>
    private static readonly TimeSpan NormalWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public void Every_initialize_through_a_survivor_succeeds_while_the_dead_member_is_unreachable_and_its_session_answers()
    {
        var creates = kill.Calls.Where(c => c.Kind == "create").ToArray();
        var removed = kill.Removed ?? TimeSpan.MaxValue;
        output.WriteLine($"{creates.Length} initialize calls, {creates.Count(c => c.Started < removed)} before the dead member was removed");

        Assert.True(creates.Count(c => c.Started < removed) >= 10, "too few initialize calls while the dead member was a member");
        Assert.All(creates, call =>
        {
            Assert.True(call.Status == HttpStatusCode.OK, $"initialize (+ echo) started {call.Started} answered {call.Status} after {call.Took}: {call.Text}");
            Assert.True(call.Took < OldestNodeKill.AskTimeout, $"initialize (+ echo) started {call.Started} took {call.Took}");
        });
    }

    [Fact]
    public void Calls_for_the_dead_nodes_sessions_answer_404_within_the_bound_even_those_in_flight_when_it_died()
    {
        var racing = kill.Calls.Where(c => c.Kind == "racing").ToArray();
        var lost = kill.Calls.Where(c => c.Kind == "lost").ToArray();
        output.WriteLine($"{racing.Length} calls in flight at the kill: {string.Join(", ", racing.Select(c => $"{(int)c.Status} in {c.Took.TotalSeconds:0.00}s"))}");
        output.WriteLine($"{lost.Length} calls after the kill, slowest {lost.Max(c => c.Took).TotalSeconds:0.00}s");

        Assert.NotEmpty(racing);
        Assert.All(racing.Concat(lost), call =>
        {
            Assert.True(call.Status == HttpStatusCode.NotFound, $"{call.Kind} call started {call.Started} answered {call.Status} after {call.Took}");
            Assert.True(call.Took <= NotFoundWithin, $"{call.Kind} call started {call.Started} took {call.Took}");
        });
    }

    [Fact]
    public void Sessions_on_the_survivors_answer_throughout()
    {
        var kept = kill.Calls.Where(c => c.Kind == "kept").ToArray();

        Assert.NotEmpty(kept);
        Assert.All(kept, call => Assert.True(call.Status == HttpStatusCode.OK && call.Text!.StartsWith("kept\n", StringComparison.Ordinal),
            $"a survivor's session answered {call.Status} after {call.Took}"));
    }

    [Fact]
    public void The_cluster_is_back_to_normal_within_the_documented_time()
    {
        var normal = kill.Normal(TimeSpan.FromSeconds(1));
        output.WriteLine($"kill -> unreachable {kill.Unreachable?.TotalSeconds:0.0}s, -> removed {kill.Removed?.TotalSeconds:0.0}s, "
            + $"-> the dead node's sessions answer 404 at once {normal?.TotalSeconds:0.0}s");

        Assert.NotNull(kill.Removed);
        Assert.NotNull(normal);
        Assert.True(normal <= NormalWithin, $"back to normal after {normal}, documented {NormalWithin}");
    }
}
