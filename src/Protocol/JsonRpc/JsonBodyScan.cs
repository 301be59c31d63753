using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Protocol.JsonRpc;

/// <summary>
/// One pass over a syntactically valid body for what the parser lets through but a reader downstream would trip on:
/// a lone surrogate in a \u escape (valid JSON, but no .NET string holds it), and a member name that appears twice in
/// one object (the parser keeps the last; a gateway or filter that reads the first sees another request).
/// </summary>
public static class JsonBodyScan
{
    public static (int Code, string Problem)? Find(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        var open = new List<Container>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        open.Add(new Container(reader.TokenType == JsonTokenType.StartObject ? [] : null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.RemoveAt(open.Count - 1);
                        ValueDone(open);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var names = open[^1].Names!;
                        if (names.Contains(name))
                        {
                            return (JsonRpcErrors.InvalidRequest,
                                $"Invalid Request: member \"{Shown(name)}\" appears twice in the object at {Path(open)}; send each member once");
                        }
                        names.Add(name);
                        open[^1].Member = name;
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
                        {
                            reader.GetString();
                        }
                        ValueDone(open);
                        break;
                }
            }
            return null;
        }
        catch (InvalidOperationException)
        {
            return (JsonRpcErrors.ParseError, "Parse error: a string's \\u escapes are not valid UTF-16 (a lone surrogate)");
        }
    }

    private static void ValueDone(List<Container> open)
    {
        if (open.Count > 0 && open[^1].Names is null)
        {
            open[^1].Index++;
        }
    }

    /// <summary>The JSONPath of the innermost open object, e.g. $.params.arguments or $.items[2].</summary>
    private static string Path(List<Container> open)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < open.Count - 1; i++)
        {
            _ = open[i].Names is null ? path.Append('[').Append(open[i].Index).Append(']') : path.Append('.').Append(Shown(open[i].Member!));
        }
        return path.ToString();
    }

    private static string Shown(string name)
    {
        var text = new StringBuilder(Math.Min(name.Length, 64));
        foreach (var c in name.Length > 64 ? name[..64] : name)
        {
            text.Append(char.IsControl(c) ? '?' : c);
        }
        return text.ToString();
    }

    private sealed class Container(List<string>? names)
    {
        public List<string>? Names { get; } = names;
        public string? Member { get; set; }
        public int Index { get; set; }
    }
}
