using System.Text.Json;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class ArgumentValidatorTests
{
    private static readonly ToolDefinition Counter = new(
        "count",
        "A tool with an integer argument",
        [new ToolArgument("n", ArgumentType.Integer, "How many", Required: true)],
        context => ToolResult.Ok("counted", context.Session));

    [Theory]
    [InlineData("""{"message":"hi"}""")]
    [InlineData("""{"message":"hi","uppercase":false}""")]
    [InlineData("""{"uppercase":true,"message":""}""")]
    public void Accepts_arguments_that_match_the_schema(string arguments)
    {
        Assert.Null(ArgumentValidator.Validate(EchoTool.Definition, JsonElement.Parse(arguments)));
    }

    [Theory]
    [InlineData("""{"message":"hi","extra":1}""", "extra")]
    [InlineData("""{"Message":"hi"}""", "Message")]
    [InlineData("""{"msg":"hi"}""", "msg")]
    public void Names_an_unknown_argument_and_the_allowed_ones(string arguments, string unknown)
    {
        var problem = ArgumentValidator.Validate(EchoTool.Definition, JsonElement.Parse(arguments));

        Assert.Equal($"Unknown argument '{unknown}' for tool 'echo'. Allowed arguments: message, uppercase.", problem);
    }

    [Fact]
    public void A_tool_without_arguments_allows_none()
    {
        var problem = ArgumentValidator.Validate(SessionInfoTool.Definition, JsonElement.Parse("""{"a":1}"""));

        Assert.Equal("Unknown argument 'a' for tool 'sessionInfo'. Allowed arguments: none.", problem);
        Assert.Null(ArgumentValidator.Validate(SessionInfoTool.Definition, JsonElement.Parse("{}")));
    }

    [Theory]
    [InlineData("""{"message":42}""", "Argument 'message' of tool 'echo' must be a string, got number.")]
    [InlineData("""{"message":null}""", "Argument 'message' of tool 'echo' must be a string, got null.")]
    [InlineData("""{"message":["a"]}""", "Argument 'message' of tool 'echo' must be a string, got array.")]
    [InlineData("""{"message":"a","uppercase":"yes"}""", "Argument 'uppercase' of tool 'echo' must be a boolean, got string.")]
    [InlineData("""{"message":"a","uppercase":1}""", "Argument 'uppercase' of tool 'echo' must be a boolean, got number.")]
    [InlineData("""{"message":true}""", "Argument 'message' of tool 'echo' must be a string, got boolean.")]
    [InlineData("""{"message":{}}""", "Argument 'message' of tool 'echo' must be a string, got object.")]
    public void Names_an_argument_of_the_wrong_type(string arguments, string expected)
    {
        Assert.Equal(expected, ArgumentValidator.Validate(EchoTool.Definition, JsonElement.Parse(arguments)));
    }

    [Theory]
    [InlineData("""{"n":1.5}""", "Argument 'n' of tool 'count' must be an integer, got number.")]
    [InlineData("""{"n":"3"}""", "Argument 'n' of tool 'count' must be an integer, got string.")]
    [InlineData("""{"n":1e40}""", "Argument 'n' of tool 'count' must be an integer, got number.")]
    [InlineData("""{"n":-9007199254740993}""", null)]
    [InlineData("{}", "Missing required argument 'n' (integer) for tool 'count'.")]
    public void Integers_are_whole_numbers_within_64_bits(string arguments, string? expected)
    {
        Assert.Equal(expected, ArgumentValidator.Validate(Counter, JsonElement.Parse(arguments)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"uppercase":true}""")]
    public void Names_a_missing_required_argument_and_its_type(string arguments)
    {
        var problem = ArgumentValidator.Validate(EchoTool.Definition, JsonElement.Parse(arguments));

        Assert.Equal("Missing required argument 'message' (string) for tool 'echo'.", problem);
    }

    [Fact]
    public void An_unknown_argument_is_reported_before_a_missing_one()
    {
        var problem = ArgumentValidator.Validate(EchoTool.Definition, JsonElement.Parse("""{"text":"hi"}"""));

        Assert.StartsWith("Unknown argument 'text'", problem);
    }

    [Theory]
    [InlineData("""["hi"]""", "array")]
    [InlineData("\"hi\"", "string")]
    [InlineData("null", "null")]
    [InlineData("7", "number")]
    [InlineData("false", "boolean")]
    public void Arguments_must_be_an_object(string arguments, string got)
    {
        var problem = ArgumentValidator.Validate(EchoTool.Definition, JsonElement.Parse(arguments));

        Assert.Equal($"Arguments of tool 'echo' must be a JSON object, got {got}.", problem);
    }

    [Fact]
    public void Absent_arguments_are_not_an_object_either()
    {
        var problem = ArgumentValidator.Validate(EchoTool.Definition, default);

        Assert.Equal("Arguments of tool 'echo' must be a JSON object, got nothing.", problem);
    }
}
