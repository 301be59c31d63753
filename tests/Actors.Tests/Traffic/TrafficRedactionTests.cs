using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>What the traffic recording keeps of credentials in headers and bodies, and what it leaves alone.</summary>
public sealed class TrafficRedactionTests
{
    private const string Token = "tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0ZYXWVUTSRQ";
    private const string Jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private static string Recorded(string name, string value) =>
        new HeaderRedactor(reveal: false).Field(name, value).Value;

    /// <summary>The longest run of the secret's characters, in order, that the recorded text still shows.</summary>
    private static int LongestShown(string secret, string recorded) =>
        Enumerable.Range(0, secret.Length).SelectMany(start => Enumerable.Range(1, secret.Length - start)
            .Where(length => recorded.Contains(secret.Substring(start, length), StringComparison.Ordinal)).Select(length => length))
            .DefaultIfEmpty(0).Max();

    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    [InlineData("Proxy-Authorization")]
    public void A_bearer_header_keeps_its_scheme_and_at_most_a_quarter_of_the_token(string name)
    {
        var recorded = Recorded(name, "Bearer " + Token);

        Assert.StartsWith("Bearer ", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, recorded, StringComparison.Ordinal);
        Assert.InRange(LongestShown(Token, recorded), 1, Token.Length / 4);
        Assert.EndsWith($"({("Bearer " + Token).Length} chars)", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_token_shows_no_more_than_a_quarter_of_itself()
    {
        const string Short = "abcdefghijkl";

        var recorded = Recorded("Authorization", "Basic " + Short);

        Assert.StartsWith("Basic ", recorded, StringComparison.Ordinal);
        Assert.Equal(Short.Length / 4, LongestShown(Short, recorded));
    }

    [Fact]
    public void Cookies_keep_their_names_and_shorten_their_values()
    {
        var recorded = Recorded("Cookie", "session=s3cr3t-session-value-0123456789; theme=midnight-blue");

        Assert.StartsWith("session=", recorded, StringComparison.Ordinal);
        Assert.Contains("; theme=", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-session-value-0123456789", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("midnight-blue", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_cookie_values_are_shortened_their_names_and_attributes_kept_for_every_cookie_set()
    {
        // Two Set-Cookie headers arrive joined by ", "; an Expires date has a ", " of its own.
        var recorded = Recorded("Set-Cookie",
            "session=s3cr3t-session-value-0123456789; Path=/; Expires=Thu, 01 Jan 2030 00:00:00 GMT; HttpOnly, refresh=r3fr3sh-token-value-abcdefgh; Secure");

        Assert.Equal("session=s3cr...; Path=/; Expires=Thu, 01 Jan 2030 00:00:00 GMT; HttpOnly, refresh=r3fr...; Secure", recorded);
        Assert.DoesNotContain("s3cr3t-session", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("r3fr3sh-token", recorded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WWW-Authenticate", "Bearer resource_metadata=\"http://127.0.0.1:3000/.well-known/oauth-protected-resource\"")]
    [InlineData("Proxy-Authenticate", "Basic realm=\"proxy\"")]
    public void Challenges_name_no_secret_and_are_kept_whole(string name, string value) => Assert.Equal(value, Recorded(name, value));

    [Theory]
    [InlineData("X-Auth-Token")]
    [InlineData("X-Api-Key")]
    [InlineData("X-Client-Secret")]
    [InlineData("X-Amz-Security-Token")]
    public void Headers_with_secret_looking_names_are_shortened(string name)
    {
        var recorded = Recorded(name, Token);

        Assert.DoesNotContain(Token, recorded, StringComparison.Ordinal);
        Assert.InRange(LongestShown(Token, recorded), 1, Token.Length / 4);
        Assert.EndsWith($"({Token.Length} chars)", recorded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Upstream-Db", "Server=db;User Id=app;Password=hunter2-is-not-a-password")]
    [InlineData("X-Forwarded-Url", "https://admin:hunter2-is-not-a-password@internal.example/path")]
    [InlineData("Referer", "redis://:hunter2-is-not-a-password@cache:6379")]
    public void A_value_that_carries_a_credential_is_shortened_whatever_its_name(string name, string value)
    {
        var recorded = Recorded(name, value);

        Assert.DoesNotContain("hunter2-is-not-a-password", recorded, StringComparison.Ordinal);
        Assert.True(LongestShown(value, recorded) <= value.Length / 4, recorded);
    }

    [Fact]
    public void A_jwt_in_a_header_of_any_name_is_shortened()
    {
        var recorded = Recorded("X-Goog-Iap-Jwt-Assertion", Jwt);

        Assert.DoesNotContain(Jwt, recorded, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt.Split('.')[2], recorded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Type", "application/json")]
    [InlineData("Accept", "application/json, text/event-stream")]
    [InlineData("Mcp-Session-Id", "550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("MCP-Protocol-Version", "2025-06-18")]
    [InlineData("Host", "127.0.0.1:3000")]
    [InlineData("Authorization", "")]
    public void Plain_headers_are_recorded_unchanged(string name, string value) => Assert.Equal(value, Recorded(name, value));

    [Fact]
    public void A_header_keeps_its_name_as_sent()
    {
        Assert.Equal("authorization", new HeaderRedactor(reveal: false).Field("authorization", "Bearer " + Token).Name);
    }

    [Fact]
    public void Revealing_keeps_every_header_whole()
    {
        KeyValuePair<string, string>[] headers =
        [
            KeyValuePair.Create("Authorization", "Bearer " + Token),
            KeyValuePair.Create("Cookie", "session=s3cr3t-session-value"),
            KeyValuePair.Create("X-Api-Key", Token),
            KeyValuePair.Create("X-Upstream-Db", "Server=db;Password=hunter2"),
            KeyValuePair.Create("X-Assertion", Jwt),
        ];

        var redactor = new HeaderRedactor(reveal: true);
        var recorded = headers.Select(h => redactor.Field(h.Key, h.Value));

        Assert.Equal(headers.Select(h => new HeaderField(h.Key, h.Value)), recorded);
    }

    [Fact]
    public void A_jwt_inside_a_json_body_is_shortened_and_the_rest_kept()
    {
        var body = $$$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"bearerDecode","arguments":{"token":"{{{{Jwt}}}}"}}}""";

        var recorded = TrafficRedaction.Body(body, reveal: false);

        Assert.DoesNotContain(Jwt, recorded, StringComparison.Ordinal);
        Assert.True(LongestShown(Jwt, recorded) <= Jwt.Length / 4, recorded);
        Assert.StartsWith("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"bearerDecode","arguments":{"token":""", recorded);
        Assert.EndsWith($"({Jwt.Length} chars)\"}}}}}}", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bearer_token_inside_a_json_body_is_shortened_and_the_rest_kept()
    {
        var body = $$$"""{"headers":{"authorization":"Bearer {{{Token}}}","accept":"text/plain"}}""";

        var recorded = TrafficRedaction.Body(body, reveal: false);

        Assert.DoesNotContain(Token, recorded, StringComparison.Ordinal);
        Assert.True(LongestShown(Token, recorded) <= Token.Length / 4, recorded);
        Assert.StartsWith("""{"headers":{"authorization":"Bearer """, recorded);
        Assert.EndsWith("\",\"accept\":\"text/plain\"}}", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_credential_in_a_body_is_shortened()
    {
        var body = $"first Bearer {Token}, then {Jwt}, then bearer {Token}";

        var recorded = TrafficRedaction.Body(body, reveal: false);

        Assert.DoesNotContain(Token, recorded, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, recorded, StringComparison.Ordinal);
        Assert.StartsWith("first Bearer ", recorded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"Hello"}}}""")]
    [InlineData("""{"message":"a bearer of bad news"}""")]
    [InlineData("""{"message":"Bearer short"}""")]
    [InlineData("""{"message":"eyJ is how a JWT starts"}""")]
    [InlineData("")]
    public void A_body_without_credentials_is_kept_unchanged(string body) => Assert.Equal(body, TrafficRedaction.Body(body, reveal: false));

    [Fact]
    public void Revealing_keeps_a_body_whole()
    {
        var body = $$$"""{"token":"{{{Jwt}}}","auth":"Bearer {{{Token}}}"}""";

        Assert.Equal(body, TrafficRedaction.Body(body, reveal: true));
    }

    [Fact]
    public void A_bearer_token_after_an_upper_case_scheme_in_a_body_is_shortened()
    {
        // The scheme is case-insensitive (RFC 9110 11.1), and Body's own pre-check ignores case; its pattern does not.
        var body = $$$"""{"headers":{"authorization":"BEARER {{{Token}}}"}}""";

        var recorded = TrafficRedaction.Body(body, reveal: false);

        Assert.DoesNotContain(Token, recorded, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bearer_token_with_a_json_escaped_character_is_shortened_whole()
    {
        // System.Text.Json writes '+' as \u002B by default: the pattern stops at the backslash and keeps the rest whole.
        const string Head = "AbCdEfGhIjKl";
        const string Tail = "MnOpQrStUvWxYz0123456789abcdef";
        var body = $$$"""{"headers":{"authorization":"Bearer {{{Head}}}\u002B{{{Tail}}}"}}""";

        var recorded = TrafficRedaction.Body(body, reveal: false);

        Assert.DoesNotContain(Tail, recorded, StringComparison.Ordinal);
    }
}
