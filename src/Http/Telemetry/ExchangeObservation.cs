using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Http.Telemetry;

/// <summary>What the telemetry tap keeps of one request between its message and its end.</summary>
internal sealed class ExchangeObservation(McpOperation operation, long started)
{
    public McpOperation Operation { get; } = operation;

    public long Started { get; } = started;

    public string? ErrorType { get; set; }
}
