using System.Text;
using System.Text.Json;
using Akka.Actor;
using AkkaMcpEcho.Actors.Serialization;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Cluster;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Store;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>Every message that may cross nodes survives the project's serializer unchanged.</summary>
public sealed class EchoMessageSerializerTests : SerializerSpec
{
    [Fact]
    public void Every_declared_wire_message_type_has_a_contract_and_a_sample()
    {
        var declared = WireMessageSamples.DeclaredTypes();
        var samples = WireMessageSamples.All(ActorRefs.Nobody).Select(m => m.GetType()).ToHashSet();

        Assert.Equal(declared.OrderBy(t => t.FullName), EchoMessageSerializer.MessageTypes.OrderBy(t => t.FullName));
        Assert.Equal(declared.OrderBy(t => t.FullName), samples.OrderBy(t => t.FullName));
    }

    [Fact]
    public void Every_message_round_trips_with_the_same_content()
    {
        var stream = System.ActorOf(Props.Empty, "stream");
        var serializer = Serializer;
        foreach (var message in WireMessageSamples.All(stream))
        {
            var bytes = serializer.ToBinary(message);
            var back = serializer.FromBinary(bytes, serializer.Manifest(message));

            Assert.IsType(message.GetType(), back);
            // Records holding a JsonElement or an ImmutableArray do not compare by value: compare their bytes again.
            Assert.Equal(bytes, serializer.ToBinary(back));
            switch (message)
            {
                case CallTool call:
                    var callBack = (CallTool)back;
                    Assert.True(JsonElement.DeepEquals(call.Arguments, callBack.Arguments));
                    Assert.Equal(call.Request.Headers.ToArray(), callBack.Request.Headers.ToArray());
                    Assert.Equal("🐐 \"quoted\"", callBack.Request.Header("x-émoji"));
                    break;
                case AttachStream:
                    Assert.Equal(stream, ((AttachStream)back).Stream);
                    break;
                case StreamCall streamCall:
                    var streamCallBack = (StreamCall)back;
                    Assert.Equal(stream, streamCallBack.Stream);
                    Assert.Equal(streamCall.ProgressTokenJson, streamCallBack.ProgressTokenJson);
                    Assert.True(JsonElement.DeepEquals(streamCall.Call.Arguments, streamCallBack.Call.Arguments));
                    break;
                case RegistryStats stats:
                    var statsBack = (RegistryStats)back;
                    Assert.Equal(stats.Nodes.ToArray(), statsBack.Nodes.ToArray());
                    Assert.Equal(stats with { Nodes = [] }, statsBack with { Nodes = [] });
                    break;
                case ClusterSessionStats cluster:
                    Assert.Equal(cluster.Nodes.ToArray(), ((ClusterSessionStats)back).Nodes.ToArray());
                    break;
                case Listen listen:
                    Assert.Equal(listen.Filter.ResourceUris.ToArray(), ((Listen)back).Filter.ResourceUris.ToArray());
                    break;
                case FaultRulesChanged rules:
                    Assert.Equal(rules.Rules.ToArray(), ((FaultRulesChanged)back).Rules.ToArray());
                    break;
                case FaultRuleList list:
                    Assert.Equal(list.Rules.ToArray(), ((FaultRuleList)back).Rules.ToArray());
                    break;
                case SessionRecorded recorded:
                    var recordedBack = (SessionRecorded)back;
                    Assert.Equal(recorded.Events.ToArray(), recordedBack.Events.ToArray());
                    Assert.Equal(recorded.State.Faults.ToArray(), recordedBack.State.Faults.ToArray());
                    Assert.Equal(recorded with { Events = [], State = recorded.State with { Faults = [] } },
                        recordedBack with { Events = [], State = recordedBack.State with { Faults = [] } });
                    break;
                case RecordExchange or RecordTraffic or TrafficSlice or AkkaMcpEcho.Actors.Traffic.TrafficLog.TrafficSeen
                    or SessionAnswer<SessionTraffic>:
                    // Exchange records hold headers and events in ImmutableArrays: the equal bytes above are the check.
                    break;
                default:
                    Assert.Equal(message, back);
                    break;
            }
        }
    }

    [Fact]
    public void The_stream_reference_travels_as_a_remote_path_that_resolves_to_the_same_actor()
    {
        var stream = System.ActorOf(Props.Empty, "events");
        var serializer = Serializer;

        var bytes = serializer.ToBinary(new AttachStream("s", stream));
        using var json = JsonDocument.Parse(bytes);
        var path = json.RootElement.GetProperty("Stream").GetString();

        Assert.StartsWith("akka.tcp://akka-mcp-echo@127.0.0.1:", path);
        Assert.EndsWith("/user/events#" + stream.Path.Uid, path);
    }

    [Fact]
    public void Text_stays_utf8_and_grows_at_most_threefold_so_the_frame_size_holds_a_maximum_size_message()
    {
        var serializer = Serializer;
        var plane0 = string.Concat(Enumerable.Repeat("é€<>&'", 1000));
        var emoji = string.Concat(Enumerable.Repeat("🐐", 1000));

        var plane0Bytes = serializer.ToBinary(new SessionAnswer<ToolCallReply>("s", new ToolCallReply(plane0, false))).Length;
        var emojiBytes = serializer.ToBinary(new SessionAnswer<ToolCallReply>("s", new ToolCallReply(emoji, false))).Length;

        // Characters of the basic plane stay raw UTF-8; System.Text.Json escapes the others (\uD83D\uDC10: 12 bytes for 4).
        Assert.True(plane0Bytes < Encoding.UTF8.GetByteCount(plane0) + 100, $"{plane0Bytes} bytes");
        Assert.True(emojiBytes < 3 * Encoding.UTF8.GetByteCount(emoji) + 100, $"{emojiBytes} bytes");
        Assert.True(ClusteredSessionHosting.FrameSize(1_048_576) > 3 * 1_048_576 + 64 * 1024);
    }

    [Fact]
    public void An_unknown_manifest_or_type_fails_loudly()
    {
        var serializer = Serializer;

        Assert.ThrowsAny<Exception>(() => serializer.FromBinary("{}"u8.ToArray(), "no-such-message"));
        Assert.Throws<ArgumentException>(() => serializer.Manifest(new object()));
    }

    [Fact]
    public void Registry_stats_without_a_node_list_come_back_with_an_empty_one()
    {
        var serializer = Serializer;
        var json = """{"Active":1,"TotalCreated":2,"Expired":0,"Ended":1,"Rejected":0,"StartedUtcTicks":5}"""u8.ToArray();

        var back = (RegistryStats)serializer.FromBinary(json, "RegistryStats");

        Assert.False(back.Nodes.IsDefault);
        Assert.Empty(back.Nodes);
        Assert.Equal(new RegistryStats(1, 2, 0, 1, 0, 5), back);
    }

    [Fact]
    public void Singletons_come_back_equal()
    {
        var serializer = Serializer;

        var back = serializer.FromBinary(serializer.ToBinary(GetRegistryStats.Instance), serializer.Manifest(GetRegistryStats.Instance));

        Assert.Equal(GetRegistryStats.Instance, back);
        Assert.IsAssignableFrom<IEchoMessage>(back);
        Assert.IsType<SessionEvent>(serializer.FromBinary(serializer.ToBinary(new SessionEvent(1, null)), "SessionEvent"));
        Assert.Equal("SessionAnswer[StreamBound]", serializer.Manifest(new SessionAnswer<StreamBound>("a", null)));
    }
}
