using System.Text;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Http.Configuration;

/// <summary>
/// The process's command line: <c>--help</c> and <c>--version</c> answer without starting the server; a bad setting
/// ends the process with its message and exit code 2; otherwise the server runs until it is stopped.
/// </summary>
public static class CommandLine
{
    public const int BadSettings = 2;

    public static async Task<int> Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            await output.WriteAsync(Help());
            return 0;
        }
        if (args.Any(a => a is "--version"))
        {
            await output.WriteLineAsync($"{ServerProfile.Name} {ServerProfile.Version}");
            return 0;
        }
        WebApplication app;
        try
        {
            app = EchoServer.Build(args);
        }
        catch (SettingsException e)
        {
            await errors.WriteLineAsync(e.Message);
            await errors.WriteLineAsync("Run with --help to see every setting.");
            return BadSettings;
        }
        await app.RunAsync();
        return 0;
    }

    public static string Help()
    {
        var text = new StringBuilder()
            .Append($"{ServerProfile.Name} {ServerProfile.Version}: a diagnostic MCP server (Streamable HTTP) on Akka.NET\n\n")
            .Append("Every setting is an environment variable, an appsettings.json key, or --KEY=value on the command line.\n\n");
        foreach (var setting in SettingsTable.All)
        {
            text.Append("  ").Append(setting.Key);
            if (setting.Switch is not null)
            {
                text.Append(" (").Append(setting.Switch).Append(" VALUE)");
            }
            text.Append("\n      ").Append(setting.Meaning).Append("\n      default: ").Append(setting.DefaultText).Append('\n');
        }
        return text.Append("\n  --help       this text\n  --version    the version\n").ToString();
    }
}
