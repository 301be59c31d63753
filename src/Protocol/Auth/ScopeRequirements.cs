using System.Collections.Immutable;

namespace AkkaMcpEcho.Protocol.Auth;

/// <summary>
/// MCP_AUTH_REQUIRED_SCOPES: which scopes a request needs. A name is a tool, or a method (<c>resources/read</c>,
/// <c>prompts/get</c>, <c>tools/call</c>, ...); <c>*</c> is the default for every request no other entry names. A tool's
/// entry wins over its method's, the method's over the default.
/// </summary>
public sealed record ScopeRequirements(ImmutableDictionary<string, ImmutableArray<string>> ByName, ImmutableArray<string> Default)
{
    public const string DefaultName = "*";

    public static ScopeRequirements None { get; } = new(ImmutableDictionary<string, ImmutableArray<string>>.Empty, []);

    /// <summary>Every scope some entry names, sorted: what the protected resource metadata lists as supported.</summary>
    public ImmutableArray<string> All =>
        [.. ByName.Values.SelectMany(scopes => scopes).Concat(Default).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The scopes a request needs: the tool's entry (tools/call), else the method's, else the default.</summary>
    public ImmutableArray<string> For(string method, string? toolName = null) =>
        toolName is not null && ByName.TryGetValue(toolName, out var forTool) ? forTool
        : ByName.TryGetValue(method, out var forMethod) ? forMethod
        : Default;

    /// <summary>The needed scopes the token lacks, in the order they are needed.</summary>
    public static ImmutableArray<string> Missing(ImmutableArray<string> needed, ImmutableArray<string> granted) =>
        [.. needed.Where(scope => !granted.Contains(scope, StringComparer.Ordinal))];

    /// <summary>Parses <c>name=scope scope, name=scope, *=scope</c>.</summary>
    /// <exception cref="FormatException">An entry has no '=', an empty name, or a name given twice.</exception>
    public static ScopeRequirements Parse(string raw)
    {
        var byName = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var entry in raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=');
            var name = equals < 0 ? "" : entry[..equals].Trim();
            if (name.Length == 0)
            {
                throw new FormatException($"'{entry}' is not of the form name=scope scope (name: a tool, a method such as "
                    + "resources/read, or * for the default)");
            }
            if (byName.ContainsKey(name))
            {
                throw new FormatException($"'{name}' is given twice");
            }
            byName[name] = [.. entry[(equals + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
        }
        var fallback = byName.TryGetValue(DefaultName, out var star) ? star : [];
        byName.Remove(DefaultName);
        return new ScopeRequirements(byName.ToImmutable(), fallback);
    }

    /// <summary>The form the setting is written in, for --help and environmentDump.</summary>
    public string Show() =>
        ByName.IsEmpty && Default.IsEmpty
            ? "none"
            : string.Join(",", ByName.OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => $"{entry.Key}={string.Join(' ', entry.Value)}")
                .Append($"{DefaultName}={string.Join(' ', Default)}"));

    /// <summary>Scopes as prose: "a", "a and b", "a, b and c".</summary>
    public static string Words(IReadOnlyList<string> scopes) => scopes.Count switch
    {
        0 => "none",
        1 => scopes[0],
        _ => string.Join(", ", scopes.Take(scopes.Count - 1)) + " and " + scopes[^1],
    };
}
