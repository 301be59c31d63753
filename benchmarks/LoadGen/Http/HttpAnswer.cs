namespace AkkaMcpEcho.Benchmarks.LoadGen.Http;

/// <summary>One HTTP response. <see cref="Body"/> points into the connection's buffer: valid until its next request.</summary>
public readonly record struct HttpAnswer(int Status, string? SessionId, bool EventStream, ReadOnlyMemory<byte> Body);
