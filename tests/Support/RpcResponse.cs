using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>One answer from /mcp, read to the end: status, media type, raw text and the JSON-RPC message it carries.</summary>
public sealed record RpcResponse(HttpStatusCode Status, string? MediaType, string Text, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>
    /// Reads and disposes <paramref name="response"/>. Asserts the server never answers 500, unless a test injected that
    /// status (<paramref name="injected500"/>).
    /// </summary>
    public static async Task<RpcResponse> Read(HttpResponseMessage response, bool injected500 = false)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(injected500 || response.StatusCode != HttpStatusCode.InternalServerError, $"HTTP 500: {text}");
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            return new RpcResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, headers);
        }
    }

    public static async Task<RpcResponse> Read(Task<HttpResponseMessage> response) => await Read(await response);

    /// <summary>The JSON body of a response answered as application/json; the response stays open.</summary>
    public static async Task<JsonElement> JsonBody(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonElement.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The JSON-RPC error code of a response answered as application/json.</summary>
    public static async Task<int> ErrorCode(HttpResponseMessage response) =>
        (await JsonBody(response)).GetProperty("error").GetProperty("code").GetInt32();

    /// <summary>The id of the request this answers, when the test sent it through <see cref="RawMcpClient.Request(string?, Func{long, string})"/>.</summary>
    public string? SentIdJson { get; init; }

    /// <summary>The JSON-RPC message: the body itself, or the data of the single SSE event.</summary>
    public JsonElement Json => MediaType == "text/event-stream" ? JsonElement.Parse(SseData()) : JsonElement.Parse(Text);

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>
    /// Asserts a JSON-RPC error with this HTTP status and code, answering <paramref name="idJson"/> (default: the sent id,
    /// else null); returns the error's message.
    /// </summary>
    public string AssertError(HttpStatusCode status, int code, string? idJson = null)
    {
        Assert.True(status == Status, $"expected HTTP {(int)status}, got {(int)Status}: {Text}");
        Assert.Equal("application/json", MediaType);
        var json = Json;
        Assert.Equal("2.0", json.GetProperty("jsonrpc").GetString());
        Assert.False(json.TryGetProperty("result", out _), Text);
        var error = json.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(idJson ?? SentIdJson ?? "null", json.GetProperty("id").GetRawText());
        return error.GetProperty("message").GetString()!;
    }

    /// <summary>
    /// Asserts 404 with -32001 naming the session. The error's id is null (the server answers before the request's id
    /// matters) or the request's id (<paramref name="requestIdJson"/>, default: the sent id).
    /// </summary>
    public void AssertSessionNotFound(string sessionId, string? requestIdJson = null)
    {
        var id = Json.TryGetProperty("id", out var given) ? given.GetRawText() : "null";
        Assert.Contains(id, new[] { "null", requestIdJson ?? SentIdJson ?? "null" });
        Assert.Contains(sessionId, AssertError(HttpStatusCode.NotFound, -32001, id));
    }

    /// <summary>Asserts HTTP 200 with a JSON-RPC result for <paramref name="idJson"/> (default: the sent id, else 1).</summary>
    public JsonElement AssertResult(string? idJson = null)
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected HTTP 200, got {(int)Status}: {Text}");
        var json = Json;
        Assert.False(json.TryGetProperty("error", out _), Text);
        Assert.Equal(idJson ?? SentIdJson ?? "1", json.GetProperty("id").GetRawText());
        return json.GetProperty("result");
    }

    /// <summary>A tools/call result's single text block and its isError flag.</summary>
    public (string Text, bool IsError) AssertToolResult(string? idJson = null)
    {
        var result = AssertResult(idJson);
        var block = Assert.Single(result.GetProperty("content").EnumerateArray());
        Assert.Equal("text", block.GetProperty("type").GetString());
        var isError = result.TryGetProperty("isError", out var flag) && flag.GetBoolean();
        return (block.GetProperty("text").GetString()!, isError);
    }

    /// <summary>The tool's text when the call was answered 200 (asserting a result); null for any other status.</summary>
    public string? ToolText() => Status == HttpStatusCode.OK ? AssertToolResult().Text : null;

    /// <summary>
    /// Asserts the answer to an echo of <paramref name="message"/> is a result that is not an error and passes the load
    /// generator's check of an echo answer; returns the tool's text.
    /// </summary>
    public string AssertEcho(string message)
    {
        var (text, isError) = AssertToolResult();
        Assert.False(isError, text);
        var problem = Answers.CheckEcho(Encoding.UTF8.GetBytes(Text), MediaType == "text/event-stream",
            long.Parse(SentIdJson ?? "1", CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(message));
        Assert.True(problem is null, $"{problem}: {Text}");
        return text;
    }

    private string SseData()
    {
        Assert.StartsWith("event: message\ndata: ", Text);
        Assert.EndsWith("\n\n", Text);
        var data = Assert.Single(Text.Split('\n'), line => line.StartsWith("data: ", StringComparison.Ordinal));
        return data["data: ".Length..];
    }
}
