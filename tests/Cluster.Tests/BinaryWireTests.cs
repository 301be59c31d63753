using System.Runtime.Serialization;
using Akka.Actor;
using AkkaMcpEcho.Actors.Serialization;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>The messages of a cross-node call travel in the compact binary form, and every other path stays exact.</summary>
public sealed class BinaryWireTests : SerializerSpec
{
    private static IEnumerable<IEchoMessage> CallMessages => WireMessageSamples.All(ActorRefs.Nobody)
        .Where(message => message is CallTool or TouchSession or SessionAnswer<ToolCallReply> or SessionAnswer<SessionTouched> or RecordExchange);

    [Fact]
    public void The_messages_of_a_call_go_binary_and_shorter_than_their_json()
    {
        var serializer = Serializer;
        Assert.Equal(7, CallMessages.Count());
        foreach (var message in CallMessages)
        {
            var bytes = serializer.ToBinary(message);
            var json = serializer.ToJson(message);

            Assert.Equal(BinaryWire.Marker, bytes[0]);
            Assert.True(bytes.Length < json.Length, $"{message.GetType().Name}: {bytes.Length} bytes, JSON {json.Length}");
            // The same message as JSON, as a node of an earlier build sends it, still reads.
            Assert.Equal(bytes, serializer.ToBinary(serializer.FromBinary(json, serializer.Manifest(message))));
        }
    }

    [Fact]
    public void Text_that_is_not_valid_utf16_arrives_with_a_replacement_character_as_it_did_in_json()
    {
        var serializer = Serializer;
        var answer = new SessionAnswer<ToolCallReply>("s", new ToolCallReply("half an emoji: \uD83D, then more", false));
        var manifest = serializer.Manifest(answer);

        var binary = (SessionAnswer<ToolCallReply>)serializer.FromBinary(serializer.ToBinary(answer), manifest);
        var json = (SessionAnswer<ToolCallReply>)serializer.FromBinary(serializer.ToJson(answer), manifest);

        Assert.Equal("half an emoji: \uFFFD, then more", binary.Reply!.Text);
        Assert.Equal(json.Reply!.Text, binary.Reply.Text);
    }

    [Fact]
    public void A_cut_or_lengthened_binary_payload_fails_loudly_at_every_length()
    {
        var serializer = Serializer;
        foreach (var message in CallMessages)
        {
            var bytes = serializer.ToBinary(message);
            var manifest = serializer.Manifest(message);
            for (var length = 1; length < bytes.Length; length++)
            {
                Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes[..length], manifest));
            }
            Assert.Throws<SerializationException>(() => serializer.FromBinary([.. bytes, 0], manifest));
        }
    }

    [Fact]
    public void A_count_larger_than_the_payload_is_refused_before_anything_is_allocated_for_it()
    {
        var serializer = Serializer;
        var exchanges = new RecordExchange("s", []);
        var bytes = serializer.ToBinary(exchanges);
        BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 4), int.MaxValue);

        var refused = Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, serializer.Manifest(exchanges)));
        Assert.Contains("2147483647", refused.Message);
    }
}
