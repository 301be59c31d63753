using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>Checks the validator against crafted answers, good and bad, so a broken validator cannot pass silently.</summary>
public static class ValidatorSelfTest
{
    private static readonly (string Name, int Status, bool Sse, string Body, bool Valid)[] Cases =
    [
        ("JSON, right", 200, false, """{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"m-1\nSession: x"}]}}""", true),
        ("SSE, right, after a notification", 200, true,
            "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}\n\n"
            + "event: message\ndata: {\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"m-1\"}]},\"id\":7,\"jsonrpc\":\"2.0\"}\n\n", true),
        ("wrong id", 200, false, """{"jsonrpc":"2.0","id":8,"result":{"content":[{"type":"text","text":"m-1"}]}}""", false),
        ("wrong text", 200, false, """{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"m-2"}]}}""", false),
        ("text in the second content item only", 200, false,
            """{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"x"},{"type":"text","text":"m-1"}]}}""", false),
        ("isError", 200, false, """{"jsonrpc":"2.0","id":7,"result":{"isError":true,"content":[{"type":"text","text":"m-1"}]}}""", false),
        ("JSON-RPC error", 200, false, """{"jsonrpc":"2.0","id":7,"error":{"code":-32602,"message":"m-1"}}""", false),
        ("HTTP 404", 404, false, """{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"m-1"}]}}""", false),
        ("not JSON", 200, false, "m-1", false),
        ("SSE without the response", 200, true, "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"x\"}\n\n", false),
    ];

    /// <summary>The names of the cases the validator judged wrongly; empty when all is well.</summary>
    public static List<string> Failures()
    {
        var failures = new List<string>();
        foreach (var (name, status, sse, body, valid) in Cases)
        {
            var answer = new HttpAnswer(status, null, sse, Encoding.UTF8.GetBytes(body));
            var problem = EchoValidator.Check(answer, 7, "m-1"u8);
            if ((problem is null) != valid)
            {
                failures.Add($"validator self-test '{name}': expected {(valid ? "valid" : "invalid")}, got {problem ?? "valid"}");
            }
        }
        return failures;
    }
}
