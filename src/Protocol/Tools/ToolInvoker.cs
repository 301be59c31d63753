namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>Validates arguments, then runs the tool. A tool that throws becomes an isError result, never a crash.</summary>
public static class ToolInvoker
{
    public static ToolResult Invoke(ToolDefinition tool, ToolContext context)
    {
        if (ArgumentValidator.Validate(tool, tool.For(context.Session.Kind).Arguments, context.Arguments) is { } problem)
        {
            return ToolResult.Invalid(problem, context.Session);
        }
        try
        {
            return tool.Run(context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ToolResult.Error($"Tool '{tool.Name}' failed: {e.GetType().Name}: {e.Message}", context.Session);
        }
    }
}
