using System.Net;
using System.Text.Json;
using AkkaMcpEcho.Actors;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Http.Tests.Health;

/// <summary>GET /health: the seed's JSON shape, with counters that follow the sessions.</summary>
public sealed class HealthTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    [Fact]
    public async Task Health_reports_status_sessions_uptime_and_version()
    {
        using var response = await Server.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var health = JsonElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal(ServerProfile.Version, health.GetProperty("version").GetString());
        Assert.True(health.GetProperty("uptime_seconds").GetInt64() >= 0);
        var sessions = health.GetProperty("sessions");
        foreach (var counter in new[] { "active", "total_created", "expired" })
        {
            Assert.Equal(JsonValueKind.Number, sessions.GetProperty(counter).ValueKind);
            Assert.True(sessions.GetProperty(counter).GetInt64() >= 0, counter);
        }
    }

    [Fact]
    public async Task The_counters_follow_sessions_created_and_ended()
    {
        var before = (await Server.Health()).GetProperty("sessions");
        var first = await RawSession.Start(Server);
        await RawSession.Start(Server);

        var during = (await Server.Health()).GetProperty("sessions");
        Assert.Equal(before.GetProperty("active").GetInt32() + 2, during.GetProperty("active").GetInt32());
        Assert.Equal(before.GetProperty("total_created").GetInt64() + 2, during.GetProperty("total_created").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await first.Delete()).Status);
        var after = await Eventually.Until(
            async () => (await Server.Health()).GetProperty("sessions"),
            s => s.GetProperty("active").GetInt32() == before.GetProperty("active").GetInt32() + 1,
            TimeSpan.FromSeconds(20), "the deleted session leaves the active count");
        Assert.Equal(during.GetProperty("total_created").GetInt64(), after.GetProperty("total_created").GetInt64());
        Assert.Equal(before.GetProperty("expired").GetInt64(), after.GetProperty("expired").GetInt64());
    }

    [Fact]
    public async Task Post_to_health_is_405()
    {
        using var post = await Server.Http.PostAsync("/health", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }
}
