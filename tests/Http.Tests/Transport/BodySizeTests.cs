using System.Net;
using System.Text;

namespace AkkaMcpEcho.Http.Tests.Transport;

public sealed class SmallBodyLimitServer() : ServerFixture(("ECHO_MAX_MESSAGE_SIZE", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    public const int Limit = 4096;
}

/// <summary>ECHO_MAX_MESSAGE_SIZE at its edge: exactly the limit is served, one byte more is 413, sized or chunked.</summary>
public sealed class BodySizeTests(SmallBodyLimitServer fixture) : ServerTests<SmallBodyLimitServer>(fixture)
{
    private const int Limit = SmallBodyLimitServer.Limit;

    /// <param name="chunk">0: one body with Content-Length; otherwise Transfer-Encoding: chunked in chunks of this size.</param>
    [Theory]
    [InlineData(0, 'a')]
    [InlineData(1000, 'a')]
    [InlineData(0, 'é')]
    [InlineData(1000, 'é')]
    [InlineData(7, 'a')]
    [InlineData(Limit, 'a')]
    public async Task A_body_of_exactly_the_limit_is_served(int chunk, char filler)
    {
        var session = await RawSession.Start(Server);
        var (body, message) = EchoBodyOf(Limit, filler);

        var response = await RpcResponse.Read(Server.Http.SendAsync(Request(body, session.Id, chunk)));

        var (text, isError) = response.AssertToolResult("7");
        Assert.False(isError);
        Assert.Equal($"{message}\nSession: {session.Id}\nEcho count in session: 1", text);
        await session.AssertIntact(1);
    }

    [Theory]
    [InlineData(0, Limit + 1)]
    [InlineData(1000, Limit + 1)]
    [InlineData(Limit + 1, Limit + 1)]
    [InlineData(0, Limit * 10)]
    [InlineData(1000, Limit * 10)]
    [InlineData(0, 1_048_577)]
    [InlineData(0, 8_388_608)]
    [InlineData(65_536, 8_388_608)]
    public async Task A_body_past_the_limit_is_413_and_the_session_loses_nothing(int chunk, int size)
    {
        var session = await RawSession.Start(Server);
        Assert.Equal(1, await session.Echo("before"));
        var (body, _) = EchoBodyOf(size, 'a');

        var response = await RpcResponse.Read(Server.Http.SendAsync(Request(body, session.Id, chunk)));

        var error = response.AssertError(HttpStatusCode.RequestEntityTooLarge, -32000);
        Assert.Contains($"ECHO_MAX_MESSAGE_SIZE ({Limit} bytes)", error);
        await session.AssertIntact(1);
    }

    [Fact]
    public async Task An_initialize_past_the_limit_creates_no_session()
    {
        var before = (await Server.Health()).GetProperty("sessions").GetProperty("total_created").GetInt64();
        var padded = Requests.Initialize().Replace("\"raw\"", Requests.Json(new string('n', Limit)), StringComparison.Ordinal);

        var response = await RpcResponse.Read(Server.Post(padded));

        response.AssertError(HttpStatusCode.RequestEntityTooLarge, -32000);
        Assert.Null(response.Header("Mcp-Session-Id"));
        var after = (await Server.Health()).GetProperty("sessions").GetProperty("total_created").GetInt64();
        Assert.Equal(before, after);
    }

    /// <summary>An echo request (id 7) whose UTF-8 body is exactly <paramref name="bytes"/> long, and its message.</summary>
    private static (byte[] Body, string Message) EchoBodyOf(int bytes, char filler)
    {
        var bare = Encoding.UTF8.GetByteCount(Requests.Echo(7, ""));
        var room = bytes - bare;
        var width = Encoding.UTF8.GetByteCount(filler.ToString());
        var message = new string(filler, room / width) + new string('a', room % width);
        var body = Encoding.UTF8.GetBytes(Requests.Echo(7, message));
        Assert.Equal(bytes, body.Length);
        return (body, message);
    }

    private static HttpRequestMessage Request(byte[] body, string sessionId, int chunk)
    {
        var request = RawMcpClient.CreatePost("", sessionId);
        request.Content = chunk > 0 ? new ChunkedContent(body, chunk) : new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return request;
    }
}
