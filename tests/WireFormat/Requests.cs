using System.Text.Encodings.Web;
using System.Text.Json;

namespace AkkaMcpEcho.Tests.WireFormat;

/// <summary>The JSON-RPC bodies a client posts to /mcp, as compact text.</summary>
public static class Requests
{
    public const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";

    public const string ToolsList = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";

    /// <summary>A JSON string literal with non-ASCII text left as UTF-8 (as clients usually send it).</summary>
    public static string Json(string value) =>
        "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";

    /// <summary>A request; <paramref name="paramsJson"/> is left out when null.</summary>
    public static string Request(long id, string method, string? paramsJson = null) =>
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + Json(method) + (paramsJson is null ? "" : ",\"params\":" + paramsJson) + "}";

    public static string Initialize(long id = 1, string protocolVersion = "2025-06-18", string clientName = "raw",
        string capabilitiesJson = "{}") =>
        Request(id, "initialize", "{\"protocolVersion\":" + Json(protocolVersion) + ",\"capabilities\":" + capabilitiesJson
            + ",\"clientInfo\":{\"name\":" + Json(clientName) + ",\"version\":\"1\"}}");

    public static string CallTool(long id, string tool, string argumentsJson = "{}") =>
        Request(id, "tools/call", "{\"name\":" + Json(tool) + ",\"arguments\":" + argumentsJson + "}");

    /// <summary>CallTool of echo in one concatenation: the load generator sends one per call.</summary>
    public static string Echo(long id, string message) =>
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":"
        + Json(message) + "}}}";

    public static string SetLevel(long id, string level) => Request(id, "logging/setLevel", "{\"level\":" + Json(level) + "}");

    public static string Ping(long id) => Request(id, "ping");
}
