using System.Collections.Frozen;
using System.Runtime.Serialization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Akka.Serialization;
using AkkaMcpEcho.Messages;

namespace AkkaMcpEcho.Actors.Serialization;

/// <summary>
/// Serializes every <see cref="IEchoMessage"/> as UTF-8 JSON through source-generated contracts, with a short, stable
/// manifest per type, except the messages of every cross-node call, which go in <see cref="BinaryWire"/>'s compact form.
/// A type without a contract fails loudly instead of falling back to a reflection serializer.
/// </summary>
public sealed class EchoMessageSerializer : SerializerWithStringManifest
{
    /// <summary>Configuration name of this serializer.</summary>
    public const string Name = "akka-mcp-echo-json";

    /// <summary>Every type listed on <see cref="EchoWireContext"/>, by a short, stable manifest (its name).</summary>
    private static readonly FrozenDictionary<Type, string> ManifestOf = typeof(EchoWireContext)
        .GetCustomAttributesData()
        .Where(attribute => attribute.AttributeType == typeof(JsonSerializableAttribute))
        .Select(attribute => (Type)attribute.ConstructorArguments[0].Value!)
        .ToFrozenDictionary(type => type, ManifestName);

    private static readonly FrozenDictionary<string, Type> TypeOf =
        ManifestOf.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    private readonly EchoWireContext _contracts;
    private readonly BinaryWire _binary;

    public EchoMessageSerializer(ExtendedActorSystem system) : base(system)
    {
        _contracts = new EchoWireContext(new JsonSerializerOptions
        {
            // Non-ASCII text stays UTF-8 (shorter than \u escapes, so a maximum-size echo fits its frame).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new ActorRefJsonConverter(system) },
        });
        _binary = new BinaryWire(_contracts);
    }

    /// <summary>Unique among the system's serializers; Akka reserves 0-100.</summary>
    public override int Identifier => 7401;

    /// <summary>Every message type this serializer can carry.</summary>
    public static IReadOnlyCollection<Type> MessageTypes => ManifestOf.Keys;

    public override string Manifest(object o) =>
        ManifestOf.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new ArgumentException($"{o.GetType()} has no wire contract in {nameof(EchoMessageSerializer)}", nameof(o));

    public override byte[] ToBinary(object obj) =>
        _binary.TryWrite(obj, out var bytes) ? bytes : ToJson(obj);

    /// <summary>The message as JSON, whatever its type: what <see cref="ToBinary"/> writes for all but the binary ones.</summary>
    internal byte[] ToJson(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, Contract(obj.GetType(), Manifest(obj)));

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!TypeOf.TryGetValue(manifest, out var type))
        {
            throw new SerializationException($"Unknown manifest '{manifest}' for {nameof(EchoMessageSerializer)}");
        }
        if (BinaryWire.IsBinary(bytes))
        {
            return _binary.Read(bytes, type);
        }
        return JsonSerializer.Deserialize(bytes, Contract(type, manifest))
            ?? throw new SerializationException($"Empty message for manifest '{manifest}'");
    }

    private static string ManifestName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}[{string.Join(",", type.GetGenericArguments().Select(ManifestName))}]" : type.Name;

    private JsonTypeInfo Contract(Type type, string manifest) =>
        _contracts.GetTypeInfo(type) ?? throw new SerializationException($"No contract for manifest '{manifest}' ({type})");
}
