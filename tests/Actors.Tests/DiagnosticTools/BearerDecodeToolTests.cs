using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class BearerDecodeToolTests
{
    private static ToolResult Decode(string token, bool includeRaw = false) =>
        Fixtures.Invoke(BearerDecodeTool.Definition,
            Fixtures.Context($$"""{"token":"{{token}}","includeRaw":{{(includeRaw ? "true" : "false")}}}"""));

    [Fact]
    public void Decodes_the_seeds_token_with_utc_times_and_status()
    {
        var result = Decode(Fixtures.SeedToken);

        Assert.False(result.IsError, result.Text);
        var lines = result.Text.Split('\n');
        Assert.Equal("🔍 JWT Token Analysis", lines[0]);
        Assert.Contains("Header:", lines);
        Assert.Contains("  \"alg\": \"RS256\",", lines);
        Assert.Contains("  \"typ\": \"JWT\"", lines);
        Assert.Contains("Payload:", lines);
        Assert.Contains("  \"sub\": \"user123\",", lines);
        Assert.Contains("  \"name\": \"John Doe\",", lines);
        Assert.Contains("  \"exp\": 1516242622", lines);
        Assert.Contains("⏱️ Token Status:", lines);
        Assert.Contains("- Issued: 2018-01-18 01:30:22 UTC", lines);
        Assert.Contains("- Expires: 2018-01-18 02:30:22 UTC", lines);
        Assert.Contains("- Status: EXPIRED", lines);
        Assert.DoesNotContain("Raw Parts", result.Text);
    }

    [Theory]
    [InlineData("""{"exp":1893456000}""", "VALID")]
    [InlineData("""{"nbf":1893456000,"exp":1924992000}""", "NOT YET VALID")]
    [InlineData("""{"sub":"x"}""", "NO EXPIRY")]
    [InlineData("""{"nbf":1893456000,"exp":1000}""", "EXPIRED")]
    public void The_status_follows_exp_and_nbf(string payload, string status)
    {
        var result = Decode(Fixtures.Jwt("""{"alg":"HS256"}""", payload));

        Assert.Contains($"- Status: {status}\n", result.Text + "\n");
    }

    [Theory]
    [InlineData("a.b", "expected 3 dot-separated segments")]
    [InlineData("a.b.c.d.e", "encrypted JWE")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.@@@!.sig", "payload segment is not valid base64url")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.aGVsbG8.sig", "payload segment is not JSON")]
    [InlineData("WzEsMl0.e30.sig", "header is a JSON array, expected a JSON object")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOiJ5ZXN0ZXJkYXkifQ.sig", "claim 'iat' must be a NumericDate")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjFlMzB9.sig", "claim 'exp' must be a NumericDate (a JSON number of seconds since 1970-01-01), got 1e30, out of range")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJuYmYiOnRydWV9.sig", "claim 'nbf' must be a NumericDate (a JSON number of seconds since 1970-01-01), got boolean")]
    [InlineData(" ", "the token is empty")]
    public void Malformed_tokens_give_an_error_result_that_says_what_is_wrong(string token, string problem)
    {
        var result = Decode(token);

        Assert.True(result.IsError);
        Assert.False(result.InvalidArguments);
        Assert.StartsWith("❌ Malformed JWT: ", result.Text);
        Assert.Contains(problem, result.Text);
    }

    [Fact]
    public void Reads_the_authorization_header_when_no_token_is_given()
    {
        var context = Fixtures.Context("{}", ("Authorization", "bearer " + Fixtures.SeedToken));

        var result = Fixtures.Invoke(BearerDecodeTool.Definition, context);

        Assert.Contains("- Status: EXPIRED", result.Text);
    }

    [Theory]
    [InlineData(null, "no token given")]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==", "not a Bearer token (scheme: Basic)")]
    [InlineData("dXNlcjpwYXNzd29yZA==", "not a Bearer token (scheme: (none))")]
    public void Without_a_bearer_token_it_says_so(string? authorization, string problem)
    {
        var headers = authorization is null ? [] : new[] { ("Authorization", authorization) };

        var result = Fixtures.Invoke(BearerDecodeTool.Definition, Fixtures.Context("{}", headers));

        Assert.True(result.IsError);
        Assert.Contains(problem, result.Text);
        Assert.DoesNotContain("dXNlcjpwYXNzd29yZA", result.Text);
    }

    [Fact]
    public void Raw_parts_never_show_the_whole_signature()
    {
        var result = Decode(Fixtures.SeedToken, includeRaw: true);

        Assert.Contains("🧾 Raw Parts:", result.Text);
        Assert.Contains("- Header: eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9", result.Text);
        Assert.Contains("- Signature: SflKxwRJ... (43 characters)", result.Text);
        Assert.DoesNotContain("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", result.Text);
        Assert.DoesNotContain(Fixtures.SeedToken, result.Text);
    }

    [Fact]
    public void An_oversized_token_argument_is_invalid_arguments()
    {
        var result = Decode(new string('a', JwtReader.MaxTokenLength + 1));

        Assert.True(result.InvalidArguments);
        Assert.Contains("at most 65536", result.Text);
    }
}
