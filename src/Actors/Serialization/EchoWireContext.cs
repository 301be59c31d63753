using System.Text.Json.Serialization;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Cluster;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Store;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Actors.Serialization;

/// <summary>
/// Source-generated System.Text.Json contracts of every message that crosses nodes: this list is the one place a new
/// wire message is added (<see cref="EchoMessageSerializer"/> takes its manifests from it).
/// </summary>
[JsonSerializable(typeof(CreateSession))]
[JsonSerializable(typeof(SessionCreation))]
[JsonSerializable(typeof(StartSession))]
[JsonSerializable(typeof(TouchSession))]
[JsonSerializable(typeof(SessionAnswer<SessionTouched>))]
[JsonSerializable(typeof(CallTool))]
[JsonSerializable(typeof(SessionAnswer<ToolCallReply>))]
[JsonSerializable(typeof(EndSession))]
[JsonSerializable(typeof(AbandonStart))]
[JsonSerializable(typeof(SessionAnswer<SessionEnded>))]
[JsonSerializable(typeof(SetLogLevel))]
[JsonSerializable(typeof(SessionAnswer<LogLevelSet>))]
[JsonSerializable(typeof(StreamCall))]
[JsonSerializable(typeof(SessionAnswer<CallStreaming>))]
[JsonSerializable(typeof(CancelRequest))]
[JsonSerializable(typeof(SessionAnswer<CancelNoted>))]
[JsonSerializable(typeof(ClientResponse))]
[JsonSerializable(typeof(SessionAnswer<ResponseRouted>))]
[JsonSerializable(typeof(AttachStream))]
[JsonSerializable(typeof(ResumeStream))]
[JsonSerializable(typeof(ResumeCall))]
[JsonSerializable(typeof(SessionAnswer<StreamBound>))]
[JsonSerializable(typeof(PublishEvent))]
[JsonSerializable(typeof(SessionEvent))]
[JsonSerializable(typeof(Listen))]
[JsonSerializable(typeof(ListChanged))]
[JsonSerializable(typeof(RecordExchange))]
[JsonSerializable(typeof(GetSessionTraffic))]
[JsonSerializable(typeof(SessionAnswer<SessionTraffic>))]
[JsonSerializable(typeof(RecordTraffic))]
[JsonSerializable(typeof(GetTraffic))]
[JsonSerializable(typeof(TrafficSlice))]
[JsonSerializable(typeof(WatchTraffic))]
[JsonSerializable(typeof(Traffic.TrafficLog.TrafficSeen))]
[JsonSerializable(typeof(ApplyFault))]
[JsonSerializable(typeof(SessionAnswer<FaultApplied>))]
[JsonSerializable(typeof(FaultRulesChanged))]
[JsonSerializable(typeof(AddFaultRule))]
[JsonSerializable(typeof(RemoveFaultRules))]
[JsonSerializable(typeof(GetFaultRules))]
[JsonSerializable(typeof(FaultRuleList))]
[JsonSerializable(typeof(GetRegistryStats))]
[JsonSerializable(typeof(RegistryStats))]
[JsonSerializable(typeof(NodeSessionStats))]
[JsonSerializable(typeof(NodeLeaving))]
[JsonSerializable(typeof(GetClusterStats))]
[JsonSerializable(typeof(ClusterSessionStats))]
[JsonSerializable(typeof(SessionRecorded))]
[JsonSerializable(typeof(SessionErased))]
[JsonSerializable(typeof(SessionUnavailable))]
[JsonSerializable(typeof(WakeSession))]
internal sealed partial class EchoWireContext : JsonSerializerContext;
