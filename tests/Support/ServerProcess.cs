using System.Diagnostics;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>The built server (AkkaMcpEcho.dll, copied beside the tests) as its own OS process.</summary>
public static class ServerProcess
{
    /// <summary>How to start it with <paramref name="args"/> and more environment; its output is redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AkkaMcpEcho.dll"), .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }
}
