using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>A fixture method's outcome: a result object (JSON), or a JSON-RPC error code and message.</summary>
public sealed record FixtureAnswer(string? ResultJson, int ErrorCode = 0, string? ErrorMessage = null)
{
    public static FixtureAnswer Ok(string resultJson) => new(resultJson);

    public static FixtureAnswer Error(int code, string message) => new(null, code, message);
}
