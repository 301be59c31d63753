using System.Diagnostics;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>What the machine is, from /proc and the runtime.</summary>
public static class MachineInfo
{
    public static string Cpu() =>
        Read("/proc/cpuinfo").Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown";

    public static string Memory() =>
        Read("/proc/meminfo").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim().Split(' ')[0] is { } kb && long.TryParse(kb, out var value)
            ? $"{value / 1048576.0:0.0} GiB memory" : "memory unknown";

    public static string Os() =>
        (Read("/etc/os-release").Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            ?["PRETTY_NAME=".Length..].Trim('"') ?? "unknown") + ", kernel " + Read("/proc/sys/kernel/osrelease").Trim();

    public static string LoadAverage() => string.Join(' ', Read("/proc/loadavg").Split(' ').Take(3));

    /// <summary>The product version of an assembly beside <paramref name="dll"/> (build metadata dropped).</summary>
    public static string Version(string dll, string assemblyFile)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dll))!, assemblyFile);
        return File.Exists(path) && FileVersionInfo.GetVersionInfo(path).ProductVersion is { } version
            ? version.Split('+')[0] : "unknown";
    }

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
