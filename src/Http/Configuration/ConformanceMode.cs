namespace AkkaMcpEcho.Http.Configuration;

/// <summary>
/// MCP_ECHO_CONFORMANCE=true adds the official conformance suite's fixtures (tools, resources, resource templates,
/// prompts, completion, subscriptions) next to the default toolset. Off by default.
/// </summary>
public sealed record ConformanceMode(bool Enabled)
{
    public const string Key = "MCP_ECHO_CONFORMANCE";

    public static ConformanceMode From(IConfiguration config) =>
        config[Key]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" or "0" or "no" or "off" => new(false),
            "true" or "1" or "yes" or "on" => new(true),
            var other => throw new InvalidOperationException(
                $"Invalid configuration:\n  {Key}={other}: expected true/false, 1/0, yes/no or on/off"),
        };
}
