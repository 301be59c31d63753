using System.Diagnostics;
using AkkaMcpEcho.Http.Configuration;

namespace AkkaMcpEcho.Http.Tests.Configuration;

/// <summary>The server process's command line: --help and --version answer without a server; bad settings exit 2.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_every_setting_with_its_default_and_starts_no_server()
    {
        var (exit, output, errors) = await Run("--help");

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.All(SettingsTable.All, setting =>
        {
            Assert.Contains($"  {setting.Key}", output);
            Assert.Contains($"default: {setting.DefaultText}", output);
        });
        Assert.Contains("MCP_ECHO_PORT (--port VALUE)", output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task Version_prints_the_name_and_version()
    {
        var (exit, output, _) = await Run("--version");

        Assert.Equal(0, exit);
        Assert.Equal("mcp-echo-streamablehttp-server-stateful 0.2.0", output.Trim());
    }

    [Fact]
    public async Task Two_bad_settings_are_reported_together_without_a_stack_trace_and_exit_2()
    {
        var (exit, output, errors) = await Run("--MCP_ECHO_PORT=70000", "--MCP_SESSION_TIMEOUT=soon", "--AKKA_CLUSTER_ENABLED=maybe");

        Assert.Equal(CommandLine.BadSettings, exit);
        Assert.StartsWith("Invalid configuration:\n", errors.ReplaceLineEndings("\n"));
        Assert.Contains("MCP_ECHO_PORT=70000: expected a whole number from 0 to 65535", errors);
        Assert.Contains("MCP_SESSION_TIMEOUT=soon: expected a whole number from 1 to", errors);
        Assert.Contains("AKKA_CLUSTER_ENABLED=maybe: expected true/false, 1/0, yes/no or on/off", errors);
        Assert.DoesNotContain("Exception", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task A_bad_setting_from_the_environment_is_reported_the_same_way()
    {
        var (exit, _, errors) = await Run([], new Dictionary<string, string> { ["MCP_MAX_SESSIONS"] = "0" });

        Assert.Equal(CommandLine.BadSettings, exit);
        Assert.Contains("MCP_MAX_SESSIONS=0: expected a whole number from 1 to 2147483647", errors);
    }

    private static Task<(int Exit, string Output, string Errors)> Run(params string[] args) => Run(args, new Dictionary<string, string>());

    /// <summary>Runs the built server (AkkaMcpEcho.dll) as its own process, bounded by a deadline.</summary>
    private static async Task<(int Exit, string Output, string Errors)> Run(string[] args, Dictionary<string, string> environment)
    {
        environment.TryAdd("MCP_ECHO_PORT", "0");
        using var process = Process.Start(ServerProcess.StartInfo(args, environment)) ?? throw new InvalidOperationException("dotnet did not start");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await errors);
    }
}
