using System.Text.Encodings.Web;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests;

/// <summary>JSON-RPC bodies the raw tests send.</summary>
public static class Requests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON string literal with non-ASCII text left as UTF-8 (as clients usually send it).</summary>
    public static string Json(string value) => JsonSerializer.Serialize(value, Relaxed);

    public static string Echo(int id, string message) =>
        $$"""{"jsonrpc":"2.0","id":{{id}},"method":"tools/call","params":{"name":"echo","arguments":{"message":""" + Json(message) + "}}}";

    public static string Initialize(int id = 1, string protocolVersion = "2025-06-18") =>
        $$"""{"jsonrpc":"2.0","id":{{id}},"method":"initialize","params":{"protocolVersion":"{{protocolVersion}}","capabilities":{},"clientInfo":{"name":"raw","version":"1"} } }""";

    public const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";

    public const string ToolsList = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";
}
