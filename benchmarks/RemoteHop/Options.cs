using System.Collections.Immutable;
using System.Globalization;

namespace AkkaMcpEcho.Benchmarks.RemoteHop;

public sealed record Options(int Seconds, int Warmup, ImmutableArray<int> InFlight, bool Serve, int Batch = 0)
{
    private const string Usage = "Usage: RemoteHop [--seconds N] [--warmup N] [--in-flight N,N,...] [--batch N] | --serve";

    public static Options Parse(string[] args)
    {
        if (args is ["--serve"])
        {
            return new Options(0, 0, [], Serve: true);
        }
        var options = new Options(10, 5, [8, 21, 64], Serve: false);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{Usage} ('{args[i]}' needs a value)");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Whole(value) },
                "--warmup" => options with { Warmup = Whole(value) },
                "--batch" => options with { Batch = Whole(value) },
                "--in-flight" => options with { InFlight = [.. value.Split(',').Select(Whole)] },
                _ => throw new ArgumentException($"{Usage} (unknown '{args[i]}')"),
            };
        }
        return options;
    }

    private static int Whole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new ArgumentException($"{Usage} ('{text}' is not a whole number from 1)");
}
