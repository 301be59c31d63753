using System.Net;
using ModelContextProtocol.Client;

namespace AkkaMcpEcho.Http.Tests.Sessions;

public sealed class ConcurrencyServer() : ServerFixture;

/// <summary>Many sessions at once never see each other's state; the registry's counters add up.</summary>
public sealed class ConcurrentSessionTests(ConcurrencyServer fixture) : ServerTests<ConcurrencyServer>(fixture)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Forty_eight_sdk_clients_in_parallel_keep_their_own_counts_and_replays()
    {
        const int clients = 48;
        var before = await Counters();
        var connected = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => SdkClient.Connect(Server, name: $"client-{i}")));
        try
        {
            Assert.Equal(clients, connected.Select(c => c.SessionId).Distinct().Count());
            var during = await Counters();
            Assert.Equal(before.Active + clients, during.Active);
            Assert.Equal(before.Created + clients, during.Created);

            await Task.WhenAll(connected.Select((client, i) => Converse(client, i)));
        }
        finally
        {
            await Task.WhenAll(connected.Select(c => c.DisposeAsync().AsTask()));
        }

        var after = await Eventually.Until(Counters, c => c.Active == before.Active, TimeSpan.FromSeconds(30),
            "every disposed client's session ends");
        Assert.Equal(before.Created + clients, after.Created);
        Assert.Equal(before.Expired, after.Expired);
    }

    [Fact]
    public async Task Sixty_four_raw_sessions_echoing_in_interleaved_rounds_stay_separate()
    {
        const int sessions = 64;
        var before = await Counters();
        var all = await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => RawSession.Start(Server)));
        Assert.Equal(sessions, all.Select(s => s.Id).Distinct().Count());

        for (var round = 1; round <= Rounds; round++)
        {
            var counts = await Task.WhenAll(all.Select((s, i) => s.Echo($"session {i} round {round}")));
            Assert.All(counts, count => Assert.Equal(round, count));
        }
        var replays = await Task.WhenAll(all.Select(s => s.Replay()));
        var infos = await Task.WhenAll(all.Select(s => s.Info()));

        for (var i = 0; i < sessions; i++)
        {
            Assert.Equal(($"session {i} round {Rounds}", Rounds), replays[i]);
            Assert.Equal(all[i].Id, infos[i]["Session ID"]);
            Assert.Equal(Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture), infos[i]["Echo Count"]);
            Assert.Equal("1", infos[i]["Replay Count"]);
            // initialize, the echoes, the replay, this call.
            Assert.Equal((Rounds + 3).ToString(System.Globalization.CultureInfo.InvariantCulture), infos[i]["Total Requests"]);
        }
        var during = await Counters();
        Assert.Equal(before.Active + sessions, during.Active);
        Assert.Equal(before.Created + sessions, during.Created);

        var deleted = await Task.WhenAll(all.Select(s => s.Delete()));
        Assert.All(deleted, d => Assert.Equal(HttpStatusCode.OK, d.Status));
        var after = await Eventually.Until(Counters, c => c.Active == before.Active, TimeSpan.FromSeconds(30),
            "every deleted session leaves the active count");
        Assert.Equal(before.Created + sessions, after.Created);
    }

    [Fact]
    public async Task Concurrent_echoes_on_one_session_each_get_their_own_count()
    {
        const int echoes = 32;
        var session = await RawSession.Start(Server);

        var counts = await Task.WhenAll(Enumerable.Range(0, echoes).Select(i => session.Echo($"parallel {i}")));

        Assert.Equal(Enumerable.Range(1, echoes), counts.Order());
        var (last, number) = await session.Replay();
        Assert.Equal(echoes, number);
        Assert.Equal($"parallel {Array.IndexOf(counts, echoes)}", last);
        Assert.Equal(HttpStatusCode.OK, (await session.Delete()).Status);
    }

    private async Task Converse(McpClient client, int index)
    {
        var session = client.SessionId;
        for (var round = 1; round <= Rounds; round++)
        {
            var message = $"client {index} says {round}";
            Assert.Equal($"{message}\nSession: {session}\nEcho count in session: {round}", await client.Echo(message));
        }
        var (replay, _) = await client.Call("replayLastEcho");
        Assert.Equal($"🔄 Replaying last echo:\nclient {index} says {Rounds}\nOriginal echo count: {Rounds}\n"
            + "This session has replayed 1 messages", replay);
        var (info, _) = await client.Call("sessionInfo");
        var fields = SessionInfoText.Parse(info);
        Assert.Equal(session, fields["Session ID"]);
        Assert.Equal(Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["Echo Count"]);
        Assert.Equal($"client-{index} v9.9", fields["Client"]);
    }

    private async Task<(int Active, long Created, long Expired)> Counters()
    {
        var sessions = (await Server.Health()).GetProperty("sessions");
        return (sessions.GetProperty("active").GetInt32(), sessions.GetProperty("total_created").GetInt64(),
            sessions.GetProperty("expired").GetInt64());
    }
}
