using ModelContextProtocol.Client;

namespace AkkaMcpEcho.Http.Tests.Tools;

/// <summary>Secrets in the environment and in Authorization, Cookie and X-Auth-Token never appear whole in any tool output or log line.</summary>
public sealed class SecretLeakTests
{
    private const string EnvToken = "envtok-7Qm2ZxY9-LeakProbe-0001";
    private const string EnvPassword = "pw-Leak2";
    private const string EnvConnectionPassword = "connpw-LeakProbe-0003";
    private const string EnvUrlPassword = "urlpw-LeakProbe-0004";
    private const string Signature = "sigLeakProbe0005-abcdefghijklmnopqrstuvwx";
    private const string OpaqueToken = "opaque-LeakProbe-0006-zyxwvutsrqponm";
    private const string CookieValue = "cookie-LeakProbe-0007";
    private const string AuthTokenHeader = "xauth-LeakProbe-0008-qwertyuiop";
    private const string EnvPassphrase = "passphrase-LeakProbe-0009";
    private const string EnvRedisPassword = "redispw-LeakProbe-0010";

    private static readonly string Jwt =
        DiagnosticToolsOverSdkTests.Jwt("""{"alg":"HS256","typ":"JWT"}""", """{"sub":"leak-test","exp":4102444800}""")
            .Split('.')[..2].Aggregate((a, b) => $"{a}.{b}") + "." + Signature;

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["MCP_LEAKTEST_API_TOKEN"] = EnvToken,
        ["ECHO_LEAKTEST_PASSWORD"] = EnvPassword,
        ["MCP_LEAKTEST_CONNECTION_STRING"] = $"Server=db;User Id=app;Password={EnvConnectionPassword};",
        ["MCP_LEAKTEST_DATABASE_URL"] = $"postgres://app:{EnvUrlPassword}@db:5432/main",
        ["MCP_LEAKTEST_SIGNING_PASSPHRASE"] = EnvPassphrase,
        ["ECHO_LEAKTEST_CACHE"] = $"redis://:{EnvRedisPassword}@cache:6379",
    };

    private static readonly string[] Secrets =
        [EnvToken, EnvPassword, EnvConnectionPassword, EnvUrlPassword, Signature, Jwt, OpaqueToken, CookieValue, AuthTokenHeader,
            EnvPassphrase, EnvRedisPassword];

    private static readonly (string Tool, Dictionary<string, object?> Arguments)[] Calls =
    [
        ("echo", new() { ["message"] = "hello" }),
        ("replayLastEcho", new()),
        ("printHeader", new()),
        ("bearerDecode", new() { ["includeRaw"] = true }),
        ("authContext", new()),
        ("requestTiming", new()),
        ("corsAnalysis", new()),
        ("environmentDump", new() { ["showSecrets"] = false }),
        ("environmentDump", new() { ["showSecrets"] = true }),
        ("healthProbe", new()),
        ("sessionInfo", new()),
        ("whoIStheGOAT", new()),
    ];

    [Fact]
    public async Task No_secret_appears_whole_in_tool_output_or_logs()
    {
        foreach (var (name, value) in Environment)
        {
            System.Environment.SetEnvironmentVariable(name, value);
        }
        try
        {
            await using var server = await EchoServerHost.StartCapturingLogs(new Dictionary<string, string?> { ["MCP_ECHO_DEBUG"] = "true" });
            var outputs = new List<string>();
            foreach (var authorization in new[] { "Bearer " + Jwt, "Bearer " + OpaqueToken })
            {
                await using var client = await SdkClient.Connect(server, headers: new Dictionary<string, string>
                {
                    ["Authorization"] = authorization,
                    ["Cookie"] = $"sid={CookieValue}; theme=dark",
                    ["X-Auth-Token"] = AuthTokenHeader,
                });
                foreach (var (tool, arguments) in Calls)
                {
                    outputs.Add((await client.Call(tool, arguments)).Text());
                }
            }

            var all = string.Join("\n", outputs);
            Assert.Contains("Cookie: sid=cook...; theme=d...", all);
            Assert.Contains("- MCP_LEAKTEST_API_TOKEN: ***", all);
            Assert.Contains("- MCP_LEAKTEST_API_TOKEN: envt...0001", all);
            Assert.Contains("- MCP_LEAKTEST_SIGNING_PASSPHRASE: ***", all);
            Assert.Contains("- ECHO_LEAKTEST_CACHE: ***", all);
            Assert.Contains("- Status: VALID", all);
            Assert.NotEmpty(server.Logs.All);
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, all);
                Assert.DoesNotContain(server.Logs.All, line => line.Contains(secret, StringComparison.Ordinal));
            }
        }
        finally
        {
            foreach (var name in Environment.Keys)
            {
                System.Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
