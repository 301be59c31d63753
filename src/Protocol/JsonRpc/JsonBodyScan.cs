using System.Buffers;
using System.Runtime.CompilerServices;
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
        // Every open container, and the member names of the open objects, one list for all (no list per object), both
        // on rented arrays: the scan runs for every request.
        var open = new RentedList<Container>(8);
        var names = new RentedList<MemberName>(16);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        open.Add(new Container(reader.TokenType == JsonTokenType.StartObject, names.Count));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Count = open.Last.FirstName;
                        open.Count--;
                        ValueDone(ref open);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = MemberName.Of(ref reader);
                        for (var i = open.Last.FirstName; i < names.Count; i++)
                        {
                            if (names[i].SameAs(name, body))
                            {
                                var shown = name.Text(body);
                                return (JsonRpcErrors.InvalidRequest,
                                    $"Invalid Request: member \"{Shown(shown)}\" appears twice in the object at {Path(ref open, ref names, body)}; send each member once");
                            }
                        }
                        names.Add(name);
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
                        {
                            reader.GetString();
                        }
                        ValueDone(ref open);
                        break;
                }
            }
            return null;
        }
        catch (InvalidOperationException)
        {
            return (JsonRpcErrors.ParseError, "Parse error: a string's \\u escapes are not valid UTF-16 (a lone surrogate)");
        }
        finally
        {
            open.Return();
            names.Return();
        }
    }

    private static void ValueDone(ref RentedList<Container> open)
    {
        if (open.Count > 0 && !open.Last.IsObject)
        {
            open.Last = open.Last with { Index = open.Last.Index + 1 };
        }
    }

    /// <summary>The JSONPath of the innermost open object, e.g. $.params.arguments or $.items[2].</summary>
    private static string Path(ref RentedList<Container> open, ref RentedList<MemberName> names, byte[] body)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < open.Count - 1; i++)
        {
            // An object's current member is the last name it has seen.
            _ = open[i].IsObject ? path.Append('.').Append(Shown(names[open[i + 1].FirstName - 1].Text(body)))
                : path.Append('[').Append(open[i].Index).Append(']');
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

    /// <summary>A list on an array rented from the shared pool (grown by renting a larger one); <see cref="Return"/> when done.</summary>
    private struct RentedList<T>(int capacity)
    {
        private T[] _items = ArrayPool<T>.Shared.Rent(capacity);

        public int Count { get; set; }

        public readonly ref T this[int index] => ref _items[index];

        public readonly ref T Last => ref _items[Count - 1];

        public void Add(T item)
        {
            if (Count == _items.Length)
            {
                var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
                _items.AsSpan(0, Count).CopyTo(larger);
                ArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                _items = larger;
            }
            _items[Count++] = item;
        }

        public void Return()
        {
            ArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _items = [];
            Count = 0;
        }
    }

    private readonly record struct Container(bool IsObject, int FirstName, int Index = 0);

    /// <summary>A member name: where its raw bytes lie in the body, or its decoded text when it had escapes.</summary>
    private readonly record struct MemberName(int Start, int Length, string? Decoded)
    {
        public static MemberName Of(ref Utf8JsonReader reader) => reader.ValueIsEscaped
            ? new MemberName(0, 0, reader.GetString())
            : new MemberName((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, null);

        public bool SameAs(MemberName other, byte[] body) => Decoded is null && other.Decoded is null
            ? body.AsSpan(Start, Length).SequenceEqual(body.AsSpan(other.Start, other.Length))
            : Text(body) == other.Text(body);

        public string Text(byte[] body) => Decoded ?? Encoding.UTF8.GetString(body, Start, Length);
    }
}
