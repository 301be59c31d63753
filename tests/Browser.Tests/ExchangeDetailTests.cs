using System.Security.Cryptography;
using static Microsoft.Playwright.Assertions;

namespace AkkaMcpEcho.Browser.Tests;

/// <summary>The detail of one exchange: headers, bodies, the diagnosis of a refusal; credentials redacted, hostile text inert.</summary>
[Collection(TrafficPageCollection.Name)]
public sealed class ExchangeDetailTests(TrafficPageFixture fixture)
{
    private EchoServerHost Server => fixture.Server;

    [Fact]
    public async Task A_call_shows_its_request_headers_its_body_and_the_response()
    {
        await using var ui = await fixture.Open(nameof(A_call_shows_its_request_headers_its_body_and_the_response));
        var marker = Marker("detail");
        await using var client = await SdkClient.Connect(Server, name: "detail-client");
        await client.Echo(marker);

        await ui.Search(marker);
        await ui.Open(ui.RowsWith(("tool", "echo")));

        await Expect(ui.Detail.GetByTestId("detail-title")).ToContainTextAsync("POST /mcp · tools/call · echo");
        var headers = ui.Detail.GetByTestId("detail-request-headers");
        await Expect(headers.Locator("tr", new() { HasText = "Mcp-Session-Id" })).ToContainTextAsync(client.SessionId!);
        await Expect(headers.Locator("tr", new() { HasText = "Content-Type" })).ToContainTextAsync("application/json");
        await Expect(headers.Locator("tr", new() { HasText = "MCP-Protocol-Version" })).ToContainTextAsync(SdkClient.SessionVersion);
        var request = ui.Detail.GetByTestId("detail-request-body");
        await Expect(request).ToContainTextAsync($"\"message\": \"{marker}\"");
        await Expect(request).ToContainTextAsync("\"name\": \"echo\"");
        await Expect(ui.Detail.GetByTestId("detail-response-headers")).ToContainTextAsync("application/json");
        var response = ui.Detail.GetByTestId("detail-response-body");
        await Expect(response).ToContainTextAsync(marker);
        await Expect(response).ToContainTextAsync($"Session: {client.SessionId}");
        await Expect(response).ToContainTextAsync("Echo count in session: 1");
        await Expect(ui.Detail.GetByTestId("detail-error")).ToHaveCountAsync(0);

        await ui.Page.Keyboard.PressAsync("Escape");
        await Expect(ui.Detail).ToBeHiddenAsync();
        ui.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_bearer_token_is_shown_redacted_and_nowhere_whole()
    {
        await using var ui = await fixture.Open(nameof(A_bearer_token_is_shown_redacted_and_nowhere_whole));
        var token = "tok_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(300));
        var marker = Marker("bearer");
        await using var client = await SdkClient.Connect(Server, name: "bearer-client",
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
        await client.Echo(marker);

        await ui.Search(marker);
        await ui.Open(ui.RowsWith(("tool", "echo")));

        var authorization = ui.Detail.GetByTestId("detail-request-headers").Locator("tr", new() { HasText = "Authorization" });
        await Expect(authorization).ToContainTextAsync("Bearer ");
        await Expect(authorization).ToContainTextAsync($"({("Bearer " + token).Length} chars)");
        var text = await ui.AllText();
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Substring(200, 40), text, StringComparison.Ordinal);
        ui.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Hostile_text_from_a_client_is_shown_as_text()
    {
        await using var ui = await fixture.Open(nameof(Hostile_text_from_a_client_is_shown_as_text));
        var marker = Marker("hostile");
        var image = $"<img src=x onerror=window.pwned=1>{marker}";
        var script = $"<script>window.pwned=2</script>{marker}";
        var session = await Server.Initialize(SdkClient.SessionVersion, clientName: "<b>bold</b>");
        Assert.False((await Server.Echo(session, image)).AssertToolResult().IsError);
        using (await Server.Post(Requests.Request(9, $"<img src=x onerror=window.pwned=3>{marker}"), session, ("X-Hostile", script)))
        {
        }

        await ui.Search(marker);
        await Expect(ui.Rows).ToHaveCountAsync(2);
        await Expect(ui.Rows.GetByTestId("method")).ToContainTextAsync([$"<img src=x onerror=window.pwned=3>{marker}", "tools/call"]);
        await ui.Open(ui.RowsWith(("tool", "echo")));
        await Expect(ui.Detail.GetByTestId("detail-request-body")).ToContainTextAsync(image);
        await ui.Open(ui.Rows.Filter(new() { HasText = "onerror=window.pwned=3" }));
        await Expect(ui.Detail.GetByTestId("detail-request-headers")).ToContainTextAsync(script);
        await Expect(ui.Detail.GetByTestId("detail-title")).ToContainTextAsync("<img src=x onerror=window.pwned=3>");

        await Expect(ui.Page.Locator("main img, main script, main b")).ToHaveCountAsync(0);
        Assert.Equal("undefined", await ui.Page.EvaluateAsync<string>("() => typeof window.pwned"));
        ui.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_refusal_shows_its_diagnosis()
    {
        await using var ui = await fixture.Open(nameof(A_refusal_shows_its_diagnosis));
        await using var legacy = await SdkClient.Connect(Server, name: "claude-code");
        await using var modern = await SdkClient.Connect(Server, protocolVersion: "2026-07-28", name: "gateway-client");
        await legacy.Echo("Hello, stateful world!", uppercase: true);
        await modern.Echo("Hello from 2026-07-28");
        await legacy.Call("replayLastEcho");
        await modern.Call("replayLastEcho");
        var marker = Marker("refused");
        var body = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"sessionInfo\",\"arguments\":{},\"_meta\":{"
            + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
            + $"\"note\":\"{marker}\"}}}}}}";
        using (var refused = await Server.Post(body, null, ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", "echo")))
        {
            Assert.Equal(400, (int)refused.StatusCode);
        }
        var row = ui.RowsWith(("status", "400"), ("tool", "sessionInfo"), ("era", "modern")).Filter(new() { HasText = "-32020" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("error-marker")).ToHaveTextAsync("400 · -32020");
        await Expect(ui.RowsWith(("fault", "tool"), ("tool", "replayLastEcho")).First).ToBeVisibleAsync();

        await ui.Open(row);

        var diagnosis = ui.Detail.GetByTestId("detail-error");
        await Expect(diagnosis.GetByTestId("error-code")).ToHaveTextAsync("-32020");
        await Expect(diagnosis.GetByTestId("error-message")).ToContainTextAsync("Mcp-Name");
        await Expect(diagnosis).ToContainTextAsync("\"header\": \"Mcp-Name\"");
        await Expect(diagnosis).ToContainTextAsync("\"expected\": \"sessionInfo\"");
        await Expect(ui.Detail.GetByTestId("detail-request-headers").Locator("tr", new() { HasText = "Mcp-Name" })).ToContainTextAsync("echo");
        ui.AssertNoScriptErrors();
    }

    private static string Marker(string what) => $"{what}-{Guid.NewGuid():N}";
}
