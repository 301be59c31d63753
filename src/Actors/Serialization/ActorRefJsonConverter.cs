using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace AkkaMcpEcho.Actors.Serialization;

/// <summary>
/// An actor reference inside a wire message travels as its full remote path and resolves back through the receiving
/// system's provider, so a stream actor on one node can be told events by a session on another.
/// </summary>
internal sealed class ActorRefJsonConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
{
    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { Length: > 0 } path
            ? system.Provider.ResolveActorRef(path)
            : throw new JsonException("An actor reference must be a non-empty path");

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
}
