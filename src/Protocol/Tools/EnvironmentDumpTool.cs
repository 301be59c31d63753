using System.Text;

namespace AkkaMcpEcho.Protocol.Tools;

public static class EnvironmentDumpTool
{
    public static readonly ToolDefinition Definition = new(
        "environmentDump",
        "Display sanitized environment configuration",
        [new ToolArgument("showSecrets", ArgumentType.Boolean, "Show first/last 4 chars of secrets")],
        Run);

    /// <remarks>
    /// Only values the server knows to be safe are shown whole; every other value is masked as *** by default, and with
    /// showSecrets values of 16 characters or more show their first and last 4 characters while shorter ones stay masked.
    /// </remarks>
    public static ToolResult Run(ToolContext context)
    {
        var configuration = context.Host.Configuration;
        var showEnds = context.Flag("showSecrets");
        var text = new StringBuilder("🔧 Environment Configuration\n\n").Append("MCP Settings:\n");
        if (configuration.Settings.IsEmpty)
        {
            text.Append("- (configuration not available)\n");
        }
        foreach (var setting in configuration.Settings)
        {
            text.Append($"- {setting.Name}: {Value(setting, showEnds)}\n");
        }
        if (!configuration.OtherVariables.IsEmpty)
        {
            text.Append("\nOther MCP/ECHO Variables:\n");
            foreach (var variable in configuration.OtherVariables)
            {
                text.Append($"- {variable.Name}: {Value(variable, showEnds)}\n");
            }
        }
        text.Append("\nFeature Flags:\n")
            .Append($"- Debug Mode: {ReportText.YesNo(context.Server.Debug, "Enabled", "Disabled")}\n")
            .Append($"- Binary Support: {ReportText.YesNo(configuration.Flags.Binary, "Enabled", "Disabled")}\n")
            .Append($"- Compression: {ReportText.YesNo(configuration.Flags.Compression, "Enabled", "Disabled")}\n\n")
            .Append($"Secrets: {(showEnds ? "first/last 4 characters of values with 16 or more, others masked" : "masked")}");
        return ToolResult.Ok(text.ToString(), context.Session);
    }

    public static string Value(ConfigEntry entry, bool showEnds) =>
        entry.Safe && !SecretMasker.IsSecretName(entry.Name) && !SecretMasker.LooksLikeCredential(entry.Value)
            ? ReportText.OneLine(entry.Value)
            : SecretMasker.Secret(entry.Value, showEnds);
}
