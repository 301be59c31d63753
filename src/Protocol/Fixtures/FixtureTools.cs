using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureContent;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>
/// The tools the official conformance suite's fixture scenarios call (MCP_ECHO_CONFORMANCE=true), after the
/// suite's reference server. Offered next to the default toolset, never instead of it.
/// </summary>
public static class FixtureTools
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    /// <summary>The conformance suite's JSON Schema 2020-12 document (SEP-1613, SEP-2106): $defs with $anchor, $ref, allOf/anyOf, if/then/else.</summary>
    public const string JsonSchema202012 =
        """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","$defs":{"address":{"$anchor":"addressDef","type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}}}},"properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},"contactMethod":{"type":"string","enum":["phone","email"]},"phone":{"type":"string"},"email":{"type":"string"}},"allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],"if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},"then":{"required":["phone"]},"else":{"required":["email"]},"additionalProperties":false}""";

    public static readonly ImmutableArray<FixtureTool> All =
    [
        new("test_simple_text", "Returns a simple text response", FixtureTool.NoArguments,
            _ => FixtureScript.Result(TextResult("This is a simple text response for testing."))),
        new("test_image_content", "Returns an image (a 1x1 PNG)", FixtureTool.NoArguments,
            _ => FixtureScript.Result(ToolResult(json => Binary(json, "image", FixtureData.Png, "image/png")))),
        new("test_audio_content", "Returns audio (a short WAV)", FixtureTool.NoArguments,
            _ => FixtureScript.Result(ToolResult(json => Binary(json, "audio", FixtureData.Wav, "audio/wav")))),
        new("test_embedded_resource", "Returns an embedded text resource", FixtureTool.NoArguments,
            _ => FixtureScript.Result(ToolResult(json =>
                Resource(json, "test://embedded-resource", "text/plain", "This is an embedded resource content.")))),
        new("test_multiple_content_types", "Returns text, an image and an embedded resource", FixtureTool.NoArguments,
            _ => FixtureScript.Result(ToolResult(json =>
            {
                Text(json, "Multiple content types test:");
                Binary(json, "image", FixtureData.Png, "image/png");
                Resource(json, "test://mixed-content-resource", "application/json", """{"test":"data","value":123}""");
            }))),
        new("test_tool_with_logging", "Sends three log notifications while it runs", FixtureTool.NoArguments,
            _ => FixtureScript.Of(
                new LogStep("info", "Tool execution started"), new DelayStep(Step),
                new LogStep("info", "Tool processing data"), new DelayStep(Step),
                new LogStep("info", "Tool execution completed"),
                new FinishStep(TextResult("Tool with logging executed successfully")))),
        new("test_error_handling", "Always returns a tool execution error", FixtureTool.NoArguments,
            _ => FixtureScript.Result(TextResult("This tool intentionally returns an error for testing", isError: true))),
        new("test_tool_with_progress", "Reports progress 0, 50 and 100 of 100 while it runs", FixtureTool.NoArguments,
            _ => FixtureScript.Of(
                new ProgressStep(0, 100), new DelayStep(Step),
                new ProgressStep(50, 100), new DelayStep(Step),
                new ProgressStep(100, 100),
                new FinishStep(TextResult("Tool with progress executed successfully")))),
        new("test_sampling", "Asks the client's LLM (sampling/createMessage) and returns its answer",
            FixtureTool.StringArguments("prompt"), FixtureClientRequests.Sampling),
        new("test_elicitation", "Asks the user for input (elicitation/create) and returns the answer",
            FixtureTool.StringArguments("message"), FixtureClientRequests.Elicitation),
        new("test_elicitation_sep1034_defaults", "Elicits a form whose fields carry default values", FixtureTool.NoArguments,
            _ => FixtureClientRequests.Elicit("Please review and update the form fields with defaults",
                FixtureClientRequests.DefaultsSchema)),
        new("test_elicitation_sep1330_enums", "Elicits a form with every enum style", FixtureTool.NoArguments,
            _ => FixtureClientRequests.Elicit("Please select options from the enum fields", FixtureClientRequests.EnumsSchema)),
        new("test_reconnection", "Closes its SSE stream mid-call; the result arrives after the client resumes (SEP-1699)",
            FixtureTool.NoArguments,
            _ => FixtureScript.Of(new DisconnectStep(TimeSpan.FromMilliseconds(500)), new DelayStep(Step),
                new FinishStep(TextResult("Reconnection test completed successfully")))),
        new("json_schema_2020_12_tool", "Takes arguments described by a JSON Schema 2020-12 document", JsonSchema202012,
            arguments => FixtureScript.Result(TextResult("Received arguments: " + arguments.GetRawText()))),
    ];

    /// <summary>
    /// The fixture tools a 2026-07-28 tools/list shows: the session revisions' but the one that tests SSE resumption,
    /// which that revision removed, then the ones of its own scored scenarios.
    /// </summary>
    public static readonly ImmutableArray<FixtureTool> Stateless =
        [.. All.Where(tool => tool.Name != "test_reconnection"), .. StatelessFixtureTools.All];

    private static readonly FrozenDictionary<string, FixtureTool> ByName =
        All.ToFrozenDictionary(tool => tool.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FixtureTool> StatelessByName =
        Stateless.ToFrozenDictionary(tool => tool.Name, StringComparer.Ordinal);

    /// <summary>The fixture tool a request of its revision names.</summary>
    public static FixtureTool? Find(string name, bool stateless = false) =>
        (stateless ? StatelessByName : ByName).GetValueOrDefault(name);

    /// <summary>The result for a call whose required string argument is missing: a tool execution error.</summary>
    public static FixtureScript MissingArgument(string tool, string argument) =>
        FixtureScript.Result(TextResult($"Invalid arguments for tool {tool}: '{argument}' is required and must be a string",
            isError: true));

}
