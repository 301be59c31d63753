using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

/// <summary>Fixed inputs for the diagnostic tools' pure functions.</summary>
internal static class Fixtures
{
    public const string SessionId = "550e8400-e29b-41d4-a716-446655440000";

    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static SessionState Session(TimeSpan age) =>
        SessionState.Start(new StartSession(SessionId, "2025-06-18", new ClientInfo("test-client", "1.0"), (Now - age).UtcTicks));

    public static ToolContext Context(string argumentsJson = "{}", params (string Name, string Value)[] headers) =>
        new(Session(TimeSpan.FromMinutes(5)),
            new RequestFacts("POST", "/mcp", "127.0.0.1", Now.UtcTicks - TimeSpan.FromMilliseconds(23.45).Ticks,
                headers.Select(h => new HeaderField(h.Name, h.Value)).ToImmutableArray()),
            JsonElement.Parse(argumentsJson), ServerProfile.Default, Now);

    /// <summary>A compact JWS with the given header and payload JSON and a fake signature.</summary>
    public static string Jwt(string headerJson, string payloadJson, string signature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c") =>
        $"{Base64Url(headerJson)}.{Base64Url(payloadJson)}.{signature}";

    public static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The seed's example token: RS256, sub user123, name John Doe, iat 1516239022, exp 1516242622.</summary>
    public static readonly string SeedToken = Jwt("""{"alg":"RS256","typ":"JWT"}""",
        """{"sub":"user123","name":"John Doe","iat":1516239022,"exp":1516242622}""");

    public static ToolResult Invoke(ToolDefinition tool, ToolContext context) => ToolInvoker.Invoke(tool, context);
}
