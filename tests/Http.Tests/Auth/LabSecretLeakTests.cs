using System.Net;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>
/// Acceptance 4, the leak test extended to the lab: the lab key, a client secret, an authorization code, access tokens and
/// a refresh token never appear whole in any tool output, log line, or traffic export (the verdicts of refused requests included).
/// </summary>
public sealed class LabSecretLeakTests
{
    private static readonly (string Tool, Dictionary<string, object?> Arguments)[] Calls =
    [
        ("echo", new() { ["message"] = "hello" }),
        ("printHeader", new()),
        ("bearerDecode", new() { ["includeRaw"] = true }),
        ("authContext", new()),
        ("environmentDump", new() { ["showSecrets"] = false }),
        ("environmentDump", new() { ["showSecrets"] = true }),
        ("sessionInfo", new()),
    ];

    [Fact]
    public async Task No_credential_of_the_lab_appears_whole_in_tool_output_logs_or_traffic()
    {
        var key = LabAuthority.NewKey();
        var settings = LabAuthority.Settings(key);
        settings["MCP_ECHO_DEBUG"] = "true";
        await using var server = await EchoServerHost.StartCapturingLogs(settings);
        var machine = await LabAuthority.RegisterMachine(server.Http);
        var (code, codeTokens) = await LabAuthority.AuthorizationCode(server.Http);
        var refreshed = await LabAuthority.Grant(server.Http, LabAuthority.Refresh(codeTokens));
        string[] accessTokens = [codeTokens.Access, refreshed.Access, await LabAuthority.Token(server.Http, machine, "mcp:basic mcp:echo mcp:extra")];
        // Refused requests: their traffic records carry the verdict (an expired token with a good signature, a 403).
        var expired = LabAuthority.Mint(key, LabAuthority.Payload(server.BaseAddress, -60, ""","scope":"mcp:basic" """));
        var basic = await LabAuthority.Token(server.Http, machine, "mcp:basic");
        string[] secrets = [key, machine.Secret, code, codeTokens.Refresh!, expired, basic, .. accessTokens];
        using (var refused = await server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(expired)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        await using (var shortOfScopes = await SdkClient.Connect(server, LabAuthority.SessionVersion,
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + basic }))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => shortOfScopes.Echo("forbidden"));
        }

        var outputs = new List<string>();
        foreach (var token in accessTokens)
        {
            await using var client = await SdkClient.Connect(server, LabAuthority.SessionVersion,
                new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
            foreach (var (tool, arguments) in Calls)
            {
                var (text, isError) = await client.Call(tool, arguments);
                Assert.False(isError, $"{tool}: {text}");
                outputs.Add(text);
            }
        }
        var har = await Eventually.Until(() => server.Http.GetStringAsync("/traffic/har"),
            text => text.Contains("\"_authVerdict\"") && text.Contains("insufficient_scope"), TimeSpan.FromSeconds(10), "the refusals' records");
        var jsonl = await server.Http.GetStringAsync("/traffic/jsonl");

        var all = string.Join("\n", outputs);
        Assert.Contains("- Result: ✅ accepted", all);
        Assert.Contains("- MCP_AUTH_LAB_KEY: ***", all);
        Assert.Contains("Authorization", har);
        Assert.Contains("\"scopesMissing\":[\"mcp:echo\",\"mcp:extra\"]", jsonl);
        Assert.Contains("(its signature verified)", jsonl);
        Assert.NotEmpty(server.Logs.All);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, all);
            Assert.DoesNotContain(secret, har);
            Assert.DoesNotContain(secret, jsonl);
            var leaked = server.Logs.All.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leaked is null, $"secret {Array.IndexOf(secrets, secret)} in the log line: {leaked?.Replace(secret, "<SECRET>", StringComparison.Ordinal)}");
        }
    }
}
