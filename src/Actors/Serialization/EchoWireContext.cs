using System.Text.Json.Serialization;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Serialization;

/// <summary>Source-generated System.Text.Json contracts of every message that crosses nodes.</summary>
[JsonSerializable(typeof(StartSession))]
[JsonSerializable(typeof(TouchSession))]
[JsonSerializable(typeof(CallTool))]
[JsonSerializable(typeof(EndSession))]
[JsonSerializable(typeof(SetLogLevel))]
[JsonSerializable(typeof(SessionStarted))]
[JsonSerializable(typeof(SessionNotFound))]
[JsonSerializable(typeof(SessionTouched))]
[JsonSerializable(typeof(SessionEnded))]
[JsonSerializable(typeof(ToolCallReply))]
[JsonSerializable(typeof(CreateSession))]
[JsonSerializable(typeof(SessionLimitReached))]
[JsonSerializable(typeof(GetRegistryStats))]
[JsonSerializable(typeof(RegistryStats))]
[JsonSerializable(typeof(AttachStream))]
[JsonSerializable(typeof(ResumeStream))]
[JsonSerializable(typeof(ResumeRefused))]
[JsonSerializable(typeof(StreamCall))]
[JsonSerializable(typeof(CancelRequest))]
[JsonSerializable(typeof(ClientResponse))]
[JsonSerializable(typeof(ResumeCall))]
[JsonSerializable(typeof(StreamAttached))]
[JsonSerializable(typeof(PublishEvent))]
[JsonSerializable(typeof(SessionEvent))]
[JsonSerializable(typeof(NodeSessionStats))]
[JsonSerializable(typeof(NodeLeaving))]
[JsonSerializable(typeof(GetClusterStats))]
[JsonSerializable(typeof(ClusterSessionStats))]
internal sealed partial class EchoWireContext : JsonSerializerContext;
